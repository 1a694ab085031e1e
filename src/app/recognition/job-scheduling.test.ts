import { afterEach, describe, expect, it } from 'vitest';
import { useDesk } from '../desk/desk-store.ts';
import { QUEUE_CONCURRENCY, startWaitingJobs } from './job-scheduling.ts';

function dropImages(count: number): void {
  const files = Array.from(
    { length: count },
    (_, index) =>
      new File([new Uint8Array([0xff, 0xd8, 0xff])], `${index}.jpg`, { type: 'image/jpeg' }),
  );
  useDesk.getState().addFiles(files);
}

/** Starts jobs the way the queue runner does: marked busy at once, the store calling back. */
function runQueue(): string[] {
  const started: string[] = [];
  const start = (job: { id: string }) => {
    started.push(job.id);
    useDesk.getState().updateJob(job.id, { status: 'compressing' });
  };
  const unsubscribe = useDesk.subscribe(() => startWaitingJobs(start));
  startWaitingJobs(start);
  unsubscribe();
  return started;
}

afterEach(() => useDesk.getState().clearAll());

describe('startWaitingJobs', () => {
  it('starts each image once, even when starting one calls it again', () => {
    dropImages(5);
    const started = runQueue();
    expect(started).toHaveLength(QUEUE_CONCURRENCY);
    expect(new Set(started).size).toBe(started.length);
  });

  it('starts the next image in drop order when one settles', () => {
    dropImages(3);
    const [first, second] = runQueue();
    useDesk.getState().updateJob(first ?? '', { status: 'done' });
    const next = runQueue();
    const { jobs } = useDesk.getState();
    expect(next).toEqual([jobs[2]?.id]);
    expect(second).toBe(jobs[1]?.id);
  });

  it('refuses a start that leaves its job waiting rather than loop', () => {
    dropImages(1);
    expect(() => startWaitingJobs(() => undefined)).toThrow(/still waiting/);
  });
});
