import { isUnsettled, useDesk } from '../desk/desk-store.ts';

/** How far the queue is: images settled (read or failed) out of all dropped. */
export function QueueProgress() {
  const total = useDesk((state) => state.jobs.length);
  const settled = useDesk((state) => state.jobs.filter((job) => !isUnsettled(job)).length);
  if (total === 0) return null;
  return (
    <div className="mb-2 flex items-center gap-2 text-sm text-slate-700">
      <div
        role="progressbar"
        aria-label="识别进度"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={settled}
        aria-valuetext={`已处理 ${settled} / ${total} 张`}
        className="h-2 flex-1 overflow-hidden rounded bg-slate-200"
      >
        <div
          className="h-full bg-sky-600 transition-[width]"
          style={{ width: `${(settled / total) * 100}%` }}
        />
      </div>
      <span>
        已处理 {settled} / {total} 张
      </span>
    </div>
  );
}
