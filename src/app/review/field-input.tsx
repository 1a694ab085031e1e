import { useId } from 'react';
import type { CardField } from '../../idcard/api-contract.ts';
import { copyFieldValue } from '../copy-out/copy-person.ts';
import { FIELD_LABELS, LOW_CONFIDENCE } from '../people/card-fields.ts';
import type { FieldNote } from './field-checks.ts';

type FieldInputProps = {
  field: CardField;
  value: string;
  recognised: string;
  confidence: number | undefined;
  notes: readonly FieldNote[];
  onChange: (value: string) => void;
  onRevert: () => void;
  onPoint: (field: CardField | null) => void;
};

export function FieldInput({
  field,
  value,
  recognised,
  confidence,
  notes,
  onChange,
  onRevert,
  onPoint,
}: FieldInputProps) {
  const id = useId();
  const label = FIELD_LABELS[field];
  const doubtful = confidence !== undefined && confidence < LOW_CONFIDENCE;
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
    onFocus: () => onPoint(field),
    onBlur: () => onPoint(null),
    onMouseEnter: () => onPoint(field),
    onMouseLeave: () => onPoint(null),
    className: `w-full rounded border px-2 py-1 outline-none focus:ring-2 focus:ring-sky-500 ${frame} ${field === 'number' ? 'font-mono tracking-wide' : ''}`,
  };
  return (
    <div className="grid grid-cols-[5.5rem_1fr_auto] items-start gap-x-2 gap-y-0.5">
      <label htmlFor={id} className="pt-1 text-sm text-slate-600">
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
          onClick={() => copyFieldValue(label, value)}
          className="rounded border border-slate-300 px-1.5 py-0.5 text-xs hover:bg-slate-100"
        >
          复制
        </button>
        {edited && (
          <button
            type="button"
            aria-label={`还原${label}`}
            title={`识别结果：${recognised || '（空）'}`}
            onClick={onRevert}
            className="rounded border border-slate-300 px-1.5 py-0.5 text-xs hover:bg-slate-100"
          >
            还原
          </button>
        )}
      </div>
      <div id={`${id}-notes`} className="col-start-2 col-end-4 text-xs">
        {doubtful && !edited && (
          <p className="text-amber-800">
            识别把握不大（{Math.round((confidence ?? 0) * 100)}%），请对照证件核对
          </p>
        )}
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
