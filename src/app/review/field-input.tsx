import { type ReactNode, useId } from 'react';
import { type CardField, VOUCHED_CONFIDENCE } from '../../idcard/api-contract.ts';
import { copyFieldValue } from '../copy-out/copy-person.ts';
import { FIELD_LABELS } from '../people/card-fields.ts';
import type { FieldNote } from './field-checks.ts';

type FieldInputProps = {
  field: CardField;
  value: string;
  recognised: string;
  confidence: number | undefined;
  /** Other whole readings offered by the engine, best first. */
  alternatives: readonly string[];
  notes: readonly FieldNote[];
  onChange: (value: string) => void;
  onRevert: () => void;
  onFocus: () => void;
  /** The field enlarged from the photo, shown under the input while it is the focused one. */
  zoom: ReactNode;
};

/**
 * Doubt in the clerk's words, not as a percentage: at 0.5 or below the engine has a reason to
 * think the value wrong (a failed check, a missing character: README, the local engine).
 */
function doubtWording(confidence: number | undefined): string {
  return confidence !== undefined && confidence <= 0.5
    ? '可能有误，请对照证件核对'
    : '请对照证件核对';
}

export function FieldInput({
  field,
  value,
  recognised,
  confidence,
  alternatives,
  notes,
  onChange,
  onRevert,
  onFocus,
  zoom,
}: FieldInputProps) {
  const id = useId();
  const label = FIELD_LABELS[field];
  const doubtful = confidence !== undefined && confidence < VOUCHED_CONFIDENCE;
  const edited = value !== recognised;
  const hasProblem = notes.some((note) => note.level === 'problem');
  const frame = hasProblem
    ? 'border-red-500 bg-red-50'
    : doubtful && !edited
      ? 'border-amber-500 bg-amber-50'
      : 'border-slate-300 bg-white';
  const inputProps = {
    id,
    value,
    'aria-invalid': hasProblem,
    'aria-describedby': `${id}-notes`,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    onFocus,
    className: `w-full rounded border px-2 py-1 outline-none focus:ring-2 focus:ring-sky-500 ${frame} ${field === 'number' ? 'font-mono tracking-wide' : ''}`,
  };
  return (
    // On a phone the label stands above the input, so the 18-digit number fits at 390 px.
    <div className="grid grid-cols-[1fr_auto] items-start gap-x-2 gap-y-0.5 sm:grid-cols-[5.5rem_1fr_auto]">
      <label htmlFor={id} className="col-span-2 pt-1 text-sm text-slate-600 sm:col-span-1">
        {label}
      </label>
      {field === 'address' ? (
        <textarea rows={2} {...inputProps} />
      ) : (
        <input type="text" {...inputProps} />
      )}
      <div className="flex gap-1 pt-0.5">
        <button
          type="button"
          aria-label={`复制${label}`}
          onClick={() => copyFieldValue(field, value)}
          className="rounded border border-slate-300 px-1.5 py-0.5 text-xs hover:bg-slate-100 pointer-coarse:min-h-11 pointer-coarse:min-w-11"
        >
          复制
        </button>
        {edited && (
          <button
            type="button"
            aria-label={`还原${label}`}
            title={`识别结果：${recognised || '（空）'}`}
            onClick={onRevert}
            className="rounded border border-slate-300 px-1.5 py-0.5 text-xs hover:bg-slate-100 pointer-coarse:min-h-11 pointer-coarse:min-w-11"
          >
            还原
          </button>
        )}
      </div>
      {zoom && <div className="col-span-2 sm:col-start-2 sm:col-end-4">{zoom}</div>}
      {alternatives.length > 0 && (
        <fieldset
          aria-label={`${label}的其他读法`}
          className="col-span-2 sm:col-start-2 sm:col-end-4 flex flex-wrap items-center gap-1 text-xs"
        >
          <legend className="float-left mr-1 text-slate-600">也可能是</legend>
          {alternatives.map((alternative) => (
            <button
              key={alternative}
              type="button"
              aria-pressed={value === alternative}
              onClick={() => onChange(alternative)}
              className="min-h-7 rounded border border-amber-400 bg-white px-2 text-sm aria-pressed:bg-amber-100 pointer-coarse:min-h-11"
            >
              {alternative}
            </button>
          ))}
        </fieldset>
      )}
      <div id={`${id}-notes`} className="col-span-2 sm:col-start-2 sm:col-end-4 text-xs">
        {doubtful && !edited && <p className="text-amber-800">{doubtWording(confidence)}</p>}
        {edited && <p className="text-slate-500">已修改（识别为：{recognised || '空'}）</p>}
        {notes.map((note) => (
          <p
            key={note.message}
            className={note.level === 'problem' ? 'text-red-700' : 'text-amber-800'}
          >
            {note.message}
          </p>
        ))}
      </div>
    </div>
  );
}
