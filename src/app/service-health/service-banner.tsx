import { useQuery } from '@tanstack/react-query';
import { useDesk } from '../desk/desk-store.ts';
import { isServiceUp } from '../lib/api-client.ts';
import { failedForService } from '../recognition/job-actions.ts';

/** How often the health check runs while images wait for the service to come back. */
const HEALTH_POLL_MS = 3000;

/**
 * One banner for a service that is down, rather than the same message on every image; once the
 * health check answers again it offers 全部重试 for every image that failed on the connection.
 */
export function ServiceBanner() {
  const jobs = useDesk((state) => state.jobs);
  const waiting = jobs.filter(failedForService);
  const { data: up } = useQuery({
    // Keyed by the count, so a new failure never shows an answer from before it as 已恢复.
    queryKey: ['service-health', waiting.length],
    queryFn: ({ signal }) => isServiceUp(signal),
    enabled: waiting.length > 0,
    refetchInterval: HEALTH_POLL_MS,
    gcTime: 0,
  });
  if (waiting.length === 0) return null;
  const retryAll = () => {
    const { retryJob } = useDesk.getState();
    for (const job of waiting) retryJob(job.id);
  };
  return (
    <div
      role="alert"
      className={`flex flex-wrap items-center gap-2 px-4 py-2 text-sm ${up ? 'bg-emerald-50 text-emerald-900' : 'bg-red-50 text-red-900'}`}
    >
      <p className="mr-auto">
        {up
          ? `识别服务已恢复，${waiting.length} 张图片可以重新识别。`
          : `连接不上识别服务：${waiting.length} 张图片未能识别。请检查本机服务或网络，恢复后可一键全部重试。`}
      </p>
      {up && (
        <button
          type="button"
          onClick={retryAll}
          className="min-h-8 rounded bg-emerald-700 px-4 text-white hover:bg-emerald-800 pointer-coarse:min-h-11"
        >
          全部重试
        </button>
      )}
    </div>
  );
}
