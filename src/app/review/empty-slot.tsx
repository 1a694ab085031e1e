import type { CardSide } from '../../idcard/api-contract.ts';
import { type Job, useDesk } from '../desk/desk-store.ts';
import { SIDE_LABELS } from '../people/card-fields.ts';
import type { Person } from '../people/person.ts';
import { failureMessage } from '../recognition/error-messages.ts';
import {
  canReadAsDoubleSided,
  canReadAsSingleFace,
  canRetry,
  isBusy,
} from '../recognition/job-actions.ts';
import { looksLikeDoubleSidedPage } from './page-shape.ts';

const ACTION =
  'min-h-8 rounded border border-sky-600 bg-white px-3 text-sm text-sky-800 hover:bg-sky-50 pointer-coarse:min-h-11';

/**
 * A slot without a face says why and what fills it: an image of the same intake not read yet
 * (a retry fills this very slot), a photocopy page read as one face, or nothing yet.
 */
export function EmptySlot({ side, person }: { side: CardSide; person: Person }) {
  const sideLabel = SIDE_LABELS[side];
  const otherLabel = SIDE_LABELS[side === 'front' ? 'back' : 'front'];
  const jobs = useDesk((state) => state.jobs);
  const { retryJob, retryAsDoubleSided, retryAsSingleFace } = useDesk.getState();
  const pending = jobs.filter((job) => person.pendingJobIds.includes(job.id));
  if (pending.length > 0) {
    return (
      <ul className="grid gap-2">
        {pending.map((job) => (
          <li key={job.id} className="rounded bg-slate-50 p-3 text-sm text-slate-700">
            <p>
              同一批放入的图片“{job.file.name}”
              {isBusy(job) ? '正在识别，读出后补到这里。' : '未能识别，重试成功后补到这里。'}
            </p>
            {job.failure && !isBusy(job) && (
              <p className="text-red-800">{failureMessage(job.failure, job.doubleSided).title}</p>
            )}
            {canRetry(job) && (
              <button type="button" className={`mt-2 ${ACTION}`} onClick={() => retryJob(job.id)}>
                重试“{job.file.name}”
              </button>
            )}
            {canReadAsSingleFace(job) && (
              <button
                type="button"
                className={`mt-2 ml-2 ${ACTION}`}
                onClick={() => retryAsSingleFace(job.id)}
              >
                按单面识别
              </button>
            )}
          </li>
        ))}
      </ul>
    );
  }
  const pageJob = doubleSidedCandidate(person, jobs);
  if (pageJob) {
    return (
      <div className="rounded bg-sky-50 p-3 text-sm text-sky-900">
        <p>“{pageJob.file.name}”像是一页双面复印件（人像面和国徽面在同一页），但只按一面读了。</p>
        <button
          type="button"
          className={`mt-2 ${ACTION}`}
          onClick={() => retryAsDoubleSided(pageJob.id)}
        >
          按双面复印件识别
        </button>
      </div>
    );
  }
  return (
    <p className="rounded bg-slate-50 p-4 text-sm text-slate-500">
      尚无{sideLabel}。与{otherLabel}同一批放入的{sideLabel}
      会归到此人；单独放入的先列为新的一人，可一键并入。
    </p>
  );
}

function doubleSidedCandidate(person: Person, jobs: readonly Job[]): Job | null {
  const face = person.front ?? person.back;
  if (!face || (person.front && person.back)) return null;
  const job = jobs.find((candidate) => candidate.id === face.jobId);
  if (!job?.sent || !canReadAsDoubleSided(job)) return null;
  return looksLikeDoubleSidedPage(job.sent.size, Object.values(face.locations)) ? job : null;
}
