import { useState } from 'react';
import type { CardField, CardSide } from '../../idcard/api-contract.ts';
import { findJob, useDesk } from '../desk/desk-store.ts';
import { FIELDS_OF_SIDE, SIDE_LABELS } from '../people/card-fields.ts';
import { currentValue, type Face, type Person, personValues } from '../people/person.ts';
import { CardImage } from './card-image.tsx';
import type { FieldNotes } from './field-checks.ts';
import { FieldInput } from './field-input.tsx';

type FacePanelProps = {
  side: CardSide;
  face: Face | null;
  person: Person;
  people: readonly Person[];
  notes: FieldNotes;
};

export function FacePanel({ side, face, person, people, notes }: FacePanelProps) {
  const sideLabel = SIDE_LABELS[side];
  const headingId = `${person.id}-${side}`;
  return (
    <section aria-labelledby={headingId} className="rounded border border-slate-200 bg-white p-3">
      <h3 id={headingId} className="mb-2 font-semibold">
        {sideLabel}
      </h3>
      {face ? (
        <FaceContent
          face={face}
          sideLabel={sideLabel}
          person={person}
          people={people}
          notes={notes}
        />
      ) : (
        <p className="rounded bg-slate-50 p-4 text-sm text-slate-500">
          尚无{sideLabel}：放入此人的{sideLabel}照片即可补上。
        </p>
      )}
    </section>
  );
}

function FaceContent({
  face,
  sideLabel,
  person,
  people,
  notes,
}: Omit<FacePanelProps, 'side'> & { face: Face; sideLabel: string }) {
  const { editField, revertField, moveFace, removeFace } = useDesk.getState();
  // Re-render when the job's images change (a retry replaces the sent image).
  const job =
    useDesk((state) => state.jobs.find((candidate) => candidate.id === face.jobId)) ??
    findJob(face.jobId);
  const [pointed, setPointed] = useState<CardField | null>(null);
  const others = people.filter((candidate) => candidate.id !== person.id);
  return (
    <div className="grid gap-3">
      <CardImage
        key={face.id}
        sideLabel={sideLabel}
        adjustedImage={face.adjustedImage}
        sent={job?.sent ?? null}
        originalUrl={job?.originalUrl ?? null}
        highlight={pointed ? (face.locations[pointed] ?? null) : null}
      />
      <div className="grid gap-2">
        {FIELDS_OF_SIDE[face.side].map((field) => (
          <FieldInput
            key={field}
            field={field}
            value={currentValue(face, field)}
            recognised={face.recognised[field] ?? ''}
            confidence={face.confidence[field]}
            notes={notes[field] ?? []}
            onChange={(value) => editField(face.id, field, value)}
            onRevert={() => revertField(face.id, field)}
            onPoint={setPointed}
          />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-2 text-xs">
        <label className="flex items-center gap-1">
          <span>移到</span>
          <select
            aria-label={`把${sideLabel}移到`}
            value=""
            onChange={(event) => {
              const target = event.target.value;
              if (target === 'new') moveFace(face.id, { newPerson: true });
              else if (target) moveFace(face.id, { personId: target });
            }}
            className="rounded border border-slate-300 px-1 py-0.5"
          >
            <option value="">选择…</option>
            {others.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                第 {people.indexOf(candidate) + 1} 人 {personValues(candidate).name ?? ''}
                {candidate[face.side] ? `（替换其${sideLabel}）` : ''}
              </option>
            ))}
            <option value="new">新的一人</option>
          </select>
        </label>
        <button
          type="button"
          onClick={() => removeFace(face.id)}
          className="text-slate-500 underline"
        >
          删除此{sideLabel}
        </button>
      </div>
    </div>
  );
}
