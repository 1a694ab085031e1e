import { describe, expect, it } from 'vitest';
import { OverloadedError, ShuttingDownError } from '../http/api-error.ts';
import { createAdmission } from './admission.ts';

/** A task that runs until the test lets it finish. */
function heldTask() {
  let finish = () => {};
  let started = false;
  const done = new Promise<string>((resolve) => {
    finish = () => resolve('finished');
  });
  return {
    run: () => {
      started = true;
      return done;
    },
    finish,
    started: () => started,
  };
}

const NEVER = new AbortController().signal;

describe('createAdmission', () => {
  it('runs up to the concurrency at once and starts a waiting task when a slot frees', async () => {
    const admission = createAdmission({ concurrency: 1, queueLimit: 1, maxWaitMs: 5000 });
    const first = heldTask();
    const second = heldTask();
    const firstRun = admission.run(first.run, NEVER);
    const secondRun = admission.run(second.run, NEVER);
    await Promise.resolve();
    expect([first.started(), second.started()]).toEqual([true, false]);
    first.finish();
    await expect(firstRun).resolves.toBe('finished');
    expect(second.started()).toBe(true);
    second.finish();
    await expect(secondRun).resolves.toBe('finished');
  });

  it('refuses at once when the queue is full', async () => {
    const admission = createAdmission({ concurrency: 1, queueLimit: 1, maxWaitMs: 5000 });
    const running = heldTask();
    const queued = heldTask();
    const runs = [admission.run(running.run, NEVER), admission.run(queued.run, NEVER)];
    await expect(admission.run(heldTask().run, NEVER)).rejects.toBeInstanceOf(OverloadedError);
    running.finish();
    queued.finish();
    await expect(Promise.all(runs)).resolves.toEqual(['finished', 'finished']);
  });

  it('reports its load, and when it is full, so a request can be refused before its body is read', async () => {
    const admission = createAdmission({ concurrency: 1, queueLimit: 1, maxWaitMs: 5000 });
    const running = heldTask();
    const queued = heldTask();
    expect([admission.load(), admission.full()]).toEqual([{ running: 0, waiting: 0 }, false]);
    const runs = [admission.run(running.run, NEVER)];
    expect([admission.load(), admission.full()]).toEqual([{ running: 1, waiting: 0 }, false]);
    runs.push(admission.run(queued.run, NEVER));
    expect([admission.load(), admission.full()]).toEqual([{ running: 1, waiting: 1 }, true]);
    running.finish();
    queued.finish();
    await Promise.all(runs);
    expect([admission.load(), admission.full()]).toEqual([{ running: 0, waiting: 0 }, false]);
  });

  it('refuses a task that waited longer than the limit', async () => {
    const admission = createAdmission({ concurrency: 1, queueLimit: 4, maxWaitMs: 20 });
    const running = heldTask();
    admission.run(running.run, NEVER);
    const waiting = heldTask();
    await expect(admission.run(waiting.run, NEVER)).rejects.toThrow(OverloadedError);
    expect(waiting.started()).toBe(false);
    running.finish();
  });

  it('drops a waiting task whose caller went away, freeing its queue place', async () => {
    const admission = createAdmission({ concurrency: 1, queueLimit: 1, maxWaitMs: 5000 });
    const running = heldTask();
    admission.run(running.run, NEVER);
    const caller = new AbortController();
    const gone = admission.run(heldTask().run, caller.signal);
    caller.abort(new Error('client closed the connection'));
    await expect(gone).rejects.toThrow('client closed the connection');
    const next = heldTask();
    const nextRun = admission.run(next.run, NEVER);
    running.finish();
    await Promise.resolve();
    await Promise.resolve();
    expect(next.started()).toBe(true);
    next.finish();
    await expect(nextRun).resolves.toBe('finished');
  });

  it('frees the slot when a task fails', async () => {
    const admission = createAdmission({ concurrency: 1, queueLimit: 0, maxWaitMs: 0 });
    await expect(admission.run(() => Promise.reject(new Error('boom')), NEVER)).rejects.toThrow(
      'boom',
    );
    await expect(admission.run(async () => 'again', NEVER)).resolves.toBe('again');
  });

  it('drains: refuses new work and resolves after running and waiting tasks finish', async () => {
    const admission = createAdmission({ concurrency: 1, queueLimit: 1, maxWaitMs: 5000 });
    const running = heldTask();
    const waiting = heldTask();
    const runningResult = admission.run(running.run, NEVER);
    const waitingResult = admission.run(waiting.run, NEVER);
    let drained = false;
    const drain = admission.drain().then(() => {
      drained = true;
    });
    await expect(admission.run(heldTask().run, NEVER)).rejects.toBeInstanceOf(ShuttingDownError);
    running.finish();
    await runningResult;
    expect(drained).toBe(false);
    waiting.finish();
    await waitingResult;
    await drain;
    expect(drained).toBe(true);
  });

  it('drains at once when idle', async () => {
    await expect(
      createAdmission({ concurrency: 2, queueLimit: 2, maxWaitMs: 10 }).drain(),
    ).resolves.toBeUndefined();
  });
});
