import { type Job, useDesk } from '../desk/desk-store.ts';

/**
 * Images in progress at once. The local engine runs two inference workers (DESIGN.md: two
 * single-threaded workers beat one with two threads), so a third request would only wait.
 */
export const QUEUE_CONCURRENCY = 2;

/**
 * Starts waiting images in drop order until QUEUE_CONCURRENCY are busy. `start` must mark its job
 * busy before it returns; that change reaches the store's subscribers, which may call this again
 * from inside `start`. The desk is therefore read afresh before each start: a list taken once
 * would still hold the jobs a nested call started, and send them a second time.
 */
export function startWaitingJobs(start: (job: Job) => void): void {
  const started = new Set<string>();
  for (;;) {
    const { jobs } = useDesk.getState();
    const busy = jobs.filter((job) => job.status === 'compressing' || job.status === 'recognizing');
    const next = jobs.find((job) => job.status === 'waiting');
    if (!next || busy.length >= QUEUE_CONCURRENCY) return;
    // A start that left its job waiting would otherwise loop here for ever.
    if (started.has(next.id)) throw new Error(`job ${next.id} was started but is still waiting`);
    started.add(next.id);
    start(next);
  }
}
