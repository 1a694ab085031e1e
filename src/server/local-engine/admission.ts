import { OverloadedError, ShuttingDownError } from '../http/api-error.ts';

export type AdmissionLimits = {
  /** Recognitions running at once: one per inference worker keeps every core busy. */
  concurrency: number;
  /** Requests allowed to wait for a free slot; beyond that they are refused at once. */
  queueLimit: number;
  /** How long a request may wait for a slot before it is refused. */
  maxWaitMs: number;
};

export type Admission = {
  /** Runs `task` once a slot is free; throws `OverloadedError` when it cannot get one in time. */
  run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T>;
  /** Refuses new work, then resolves once everything admitted or waiting has finished. */
  drain(): Promise<void>;
  /** Recognitions running and requests waiting for a slot, right now. */
  load(): AdmissionLoad;
  /** True when a request arriving now would be refused: every slot busy and the queue full. */
  full(): boolean;
};

export type AdmissionLoad = { running: number; waiting: number };

type Waiter = { admit: () => void };

/**
 * Bounded concurrency with a short queue, so a burst of requests waits briefly and then gets a
 * clear "retry later" instead of piling up in memory and timing out one by one.
 */
export function createAdmission(limits: AdmissionLimits): Admission {
  let running = 0;
  const waiting: Waiter[] = [];
  let draining = false;
  const idleListeners: (() => void)[] = [];

  function release(): void {
    running--;
    const next = waiting.shift();
    if (next) {
      next.admit();
    } else if (running === 0) {
      for (const listener of idleListeners.splice(0)) listener();
    }
  }

  function acquire(signal: AbortSignal): Promise<void> {
    if (draining) return Promise.reject(new ShuttingDownError());
    if (signal.aborted) return Promise.reject(signal.reason);
    if (running < limits.concurrency) {
      running++;
      return Promise.resolve();
    }
    if (waiting.length >= limits.queueLimit) {
      return Promise.reject(
        new OverloadedError(
          `all ${limits.concurrency} recognition slots are busy and the queue of ${limits.queueLimit} is full; retry later`,
        ),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        const index = waiting.indexOf(waiter);
        if (index >= 0) waiting.splice(index, 1);
      };
      const waiter: Waiter = {
        admit: () => {
          leave();
          running++;
          resolve();
        },
      };
      const timer = setTimeout(() => {
        leave();
        reject(
          new OverloadedError(
            `no recognition slot came free within ${limits.maxWaitMs / 1000} s; retry later`,
          ),
        );
      }, limits.maxWaitMs);
      const onAbort = () => {
        leave();
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      waiting.push(waiter);
    });
  }

  return {
    async run(task, signal) {
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
    load: () => ({ running, waiting: waiting.length }),
    full: () => running >= limits.concurrency && waiting.length >= limits.queueLimit,
    drain() {
      draining = true;
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleListeners.push(resolve));
    },
  };
}
