import { memo } from 'react';
import { type Job, useDesk } from '../desk/desk-store.ts';
import { failureMessage } from './error-messages.ts';
import { canReadAsDoubleSided, canReadAsSingleFace, canRetry, isBusy } from './job-actions.ts';
import { cancelJob } from './job-controllers.ts';

const STATUS_LABELS: Record<Job['status'], string> = {
  waiting: '排队中',
  compressing: '压缩中',
  recognizing: '识别中…',
  done: '已识别',
  failed: '未能识别',
  cancelled: '已取消',
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function JobList() {
  const jobs = useDesk((state) => state.jobs);
  if (jobs.length === 0) return null;
  return (
    <section aria-label="图片队列">
      <h2 className="mb-1 text-sm font-semibold text-slate-700">图片（{jobs.length}）</h2>
      <ul className="space-y-2">
        {jobs.map((job) => (
          <JobItem key={job.id} job={job} />
        ))}
      </ul>
    </section>
  );
}

/**
 * Memoised on the job object: a progress tick replaces only its own job, so a queue of 200 images
 * redraws one line per tick rather than 200, which leaves the shared cores to the engine.
 */
const JobItem = memo(function JobItem({ job }: { job: Job }) {
  const { retryJob, retryAsDoubleSided, retryAsSingleFace, removeJob } = useDesk.getState();
  const busy = isBusy(job);
  const thumbnail = job.sent?.url ?? job.originalUrl;
  const message =
    job.failure && job.status !== 'done' ? failureMessage(job.failure, job.doubleSided) : null;
  const retryable = canRetry(job);
  return (
    // Skipped by layout and paint while off screen: with 200 images the list otherwise costs
    // every keystroke elsewhere on the page a relayout of all of it (measured with bench:ui).
    <li
      aria-label={job.file.name}
      className="rounded border border-slate-200 bg-white p-2 text-sm [contain-intrinsic-size:auto_6rem] [content-visibility:auto]"
    >
      <div className="flex gap-2">
        {thumbnail ? (
          <img
            src={thumbnail}
            alt=""
            loading="lazy"
            decoding="async"
            className="h-12 w-16 flex-none rounded object-cover"
          />
        ) : (
          <div className="h-12 w-16 flex-none rounded bg-slate-100" />
        )}
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium" title={job.file.name}>
            {job.file.name}
          </p>
          <p className="text-xs text-slate-500">
            原图 {formatBytes(job.file.size)}
            {job.sent &&
              `（${job.sent.originalSize.width}×${job.sent.originalSize.height}）→ 发送 ${formatBytes(job.sent.blob.size)}（${job.sent.size.width}×${job.sent.size.height}）`}
          </p>
          <p className="text-xs" role="status">
            <span className={job.status === 'failed' ? 'text-red-700' : 'text-slate-700'}>
              {STATUS_LABELS[job.status]}
              {job.status === 'compressing' && ` ${Math.round(job.progress)}%`}
            </span>
            {job.dropToFieldsMs !== null && (
              <span className="text-slate-400"> · {(job.dropToFieldsMs / 1000).toFixed(1)} 秒</span>
            )}
          </p>
        </div>
      </div>
      {busy && (
        <div
          role="progressbar"
          aria-label={`${job.file.name} 进度`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={job.status === 'recognizing' ? undefined : Math.round(job.progress)}
          className="mt-1 h-1 overflow-hidden rounded bg-slate-100"
        >
          <div
            className={`h-full bg-sky-600 ${job.status === 'recognizing' ? 'w-full animate-pulse' : ''}`}
            style={job.status === 'recognizing' ? undefined : { width: `${job.progress}%` }}
          />
        </div>
      )}
      {message && (
        <div role="alert" className="mt-1 rounded bg-red-50 p-2 text-red-900">
          <p className="font-medium">{message.title}</p>
          <p className="text-xs">{message.action}</p>
        </div>
      )}
      <div className="mt-1 flex gap-2 text-xs [&>button]:pointer-coarse:min-h-11">
        {busy && (
          <button
            type="button"
            className="text-slate-600 underline"
            onClick={() => cancelJob(job.id)}
          >
            取消
          </button>
        )}
        {retryable && (
          <button type="button" className="text-sky-700 underline" onClick={() => retryJob(job.id)}>
            重试
          </button>
        )}
        {canReadAsDoubleSided(job) && (
          <button
            type="button"
            className="text-sky-700 underline"
            title="一页复印件上同时有人像面和国徽面时使用"
            onClick={() => retryAsDoubleSided(job.id)}
          >
            按双面复印件识别
          </button>
        )}
        {canReadAsSingleFace(job) && (
          <button
            type="button"
            className="text-sky-700 underline"
            title="图片上只有证件的一面时使用"
            onClick={() => retryAsSingleFace(job.id)}
          >
            按单面识别
          </button>
        )}
        {!busy && (
          <button
            type="button"
            className="text-slate-500 underline"
            onClick={() => removeJob(job.id)}
          >
            移除
          </button>
        )}
      </div>
    </li>
  );
});
