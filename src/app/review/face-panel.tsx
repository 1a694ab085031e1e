import { useState } from 'react';
import type { CardField, CardSide } from '../../idcard/api-contract.ts';
import { findJob, useDesk } from '../desk/desk-store.ts';
import { FIELD_LABELS, FIELDS_OF_SIDE, SIDE_LABELS } from '../people/card-fields.ts';
import { currentValue, type Face, type Person, personValues } from '../people/person.ts';
import { CardImage } from './card-image.tsx';
import { EmptySlot } from './empty-slot.tsx';
import type { FieldNotes } from './field-checks.ts';
import { FieldInput } from './field-input.tsx';
import { FieldZoom } from './field-zoom.tsx';
import { isUnreadFace } from './unread-face.ts';

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
        <EmptySlot side={side} person={person} />
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
  // The last field focused stays shown until another is: tabbing past a copy button must not flicker.
  const [focused, setFocused] = useState<CardField | null>(null);
  const others = people.filter((candidate) => candidate.id !== person.id);
  return (
    <div className="grid gap-3">
      <CardImage
        key={face.id}
        sideLabel={sideLabel}
        adjustedImage={face.adjustedImage}
        sent={job?.sent ?? null}
        originalUrl={job?.originalUrl ?? null}
        highlight={focused ? (face.locations[focused] ?? null) : null}
        cardHighlight={focused ? (face.cardLocations[focused] ?? null) : null}
      />
      {isUnreadFace(face) && (
        <p
          role="alert"
          className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900"
        >
          找到了这张{sideLabel}
          ，但图片太模糊，一项也没有读出：请对照证件逐项填写，或重新拍摄清楚后再放入。
        </p>
      )}
      <div className="grid gap-2">
        {FIELDS_OF_SIDE[face.side].map((field) => (
          <FieldInput
            key={field}
            field={field}
            value={currentValue(face, field)}
            recognised={face.recognised[field] ?? ''}
            confidence={face.confidence[field]}
            alternatives={face.alternatives[field] ?? []}
            notes={notes[field] ?? []}
            onChange={(value) => editField(face.id, field, value)}
            onRevert={() => revertField(face.id, field)}
            onFocus={() => setFocused(field)}
            zoom={
              focused === field && job?.sent && face.locations[field] ? (
                <FieldZoom
                  imageUrl={job.sent.url}
                  quad={face.locations[field]}
                  label={FIELD_LABELS[field]}
                />
              ) : null
            }
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
            className="rounded border border-slate-300 px-1 py-0.5 pointer-coarse:min-h-11"
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
          className="text-slate-500 underline pointer-coarse:min-h-11"
        >
          删除此{sideLabel}
        </button>
      </div>
    </div>
  );
}
