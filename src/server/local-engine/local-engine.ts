import { MessageChannel, Worker } from 'node:worker_threads';
import type { IdCardResponse } from '../../idcard/api-contract.ts';
import type { IsoDate } from '../../idcard/card-dates.ts';
import { ImageDecodeError, NoCardFoundError, SameSideTwiceError } from '../../ocr/errors.ts';
import type { WorkerJob, WorkerReady, WorkerReply, WorkerSetup } from './local-engine-protocol.ts';
import type { RecognizeOptions } from './local-engine-recognize.ts';
import { type ModelSet, resolveModelSet } from './model-catalog.ts';
import { createBusyFlags, type Peer, setBusy } from './shared-inference.ts';
import type { JobProfile } from './work-profile.ts';

export type { RecognizeOptions } from './local-engine-recognize.ts';

export type LocalEngine = {
  recognize(
    bytes: Uint8Array,
    options: RecognizeOptions,
    signal?: AbortSignal,
  ): Promise<IdCardResponse['result']>;
  close(): Promise<void>;
};

/** The engine as started: with the model files its workers loaded. */
export type StartedLocalEngine = LocalEngine & { models: ModelSet };

type Pending = {
  job: WorkerJob;
  resolve: (result: IdCardResponse['result']) => void;
  reject: (error: Error) => void;
  signal: AbortSignal | undefined;
};

const TYPED_ERRORS: Record<string, new (message: string) => Error> = {
  ImageDecodeError,
  NoCardFoundError,
  SameSideTwiceError,
};

/** The worker's errors cross the thread boundary by name and come back as the same classes. */
function rebuildError(error: { name: string; message: string }): Error {
  const Typed = TYPED_ERRORS[error.name];
  return Typed ? new Typed(error.message) : new Error(`recognition failed: ${error.message}`);
}

function todayIso(): IsoDate {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` as IsoDate;
}

function startWorker(setup: WorkerSetup): Promise<Worker> {
  const workerUrl = new URL('./local-engine-worker.ts', import.meta.url).href;
  // The server runs from TypeScript sources, so each worker registers tsx's loader before
  // importing its entry (a worker's --import hooks do not yet apply to its entry on Node 20).
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl)}); })`;
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: setup,
    transferList: setup.peers.map((peer) => peer.port),
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: WorkerReady) => {
      if (message.ready) resolve(worker);
      else reject(new Error(`inference worker failed to start: ${message.message}`));
    });
    worker.once('error', reject);
  });
}

/** A channel between every two workers: `[i]` holds worker i's ends, one per other worker. */
function peerChannels(workers: number): Peer[][] {
  const ends: Peer[][] = Array.from({ length: workers }, () => []);
  for (let i = 0; i < workers; i++) {
    for (let j = i + 1; j < workers; j++) {
      const { port1, port2 } = new MessageChannel();
      (ends[i] as Peer[]).push({ index: j, port: port1 });
      (ends[j] as Peer[]).push({ index: i, port: port2 });
    }
  }
  return ends;
}

/**
 * Starts `workers` single-threaded inference workers (DESIGN.md: two of them outrun one
 * two-threaded session by about 44 %), each loading the models once. Jobs queue in arrival order
 * and go to the first idle worker; a worker with a job spreads its recognition batches over the
 * workers without one (`shared-inference.ts`), so a lone request is read on every core.
 */
export async function createLocalEngine({
  workers,
  models: chosen,
  onProfile,
}: {
  workers: number;
  /** The models to load (default: `resolveModelSet()`, the default recogniser when installed). */
  models?: ModelSet;
  /** Given each answered job's work (`work-profile.ts`); the workers count only when set. */
  onProfile?: (profile: JobProfile) => void;
}): Promise<StartedLocalEngine> {
  const models = chosen ?? (await resolveModelSet());
  const busy = createBusyFlags(workers);
  const peers = peerChannels(workers);
  const pool = await Promise.all(
    Array.from({ length: workers }, (_, index) =>
      startWorker({
        index,
        busy,
        peers: peers[index] as Peer[],
        models,
        profile: onProfile !== undefined,
      }),
    ),
  );
  const indexOf = new Map(pool.map((worker, index) => [worker, index]));
  const idle = [...pool];
  const queue: Pending[] = [];
  const running = new Map<number, { worker: Worker; pending: Pending }>();
  let nextId = 1;
  let closed = false;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const pending = queue.shift() as Pending;
      if (pending.signal?.aborted) {
        pending.reject(pending.signal.reason as Error);
        continue;
      }
      const worker = idle.pop() as Worker;
      setBusy(busy, indexOf.get(worker) as number, true);
      running.set(pending.job.id, { worker, pending });
      worker.postMessage(pending.job);
    }
  };

  for (const worker of pool) {
    worker.on('message', (reply: WorkerReply) => {
      const entry = running.get(reply.id);
      running.delete(reply.id);
      setBusy(busy, indexOf.get(worker) as number, false);
      idle.push(worker);
      if (entry) {
        if (reply.ok && reply.profile) onProfile?.(reply.profile);
        if (reply.ok) entry.pending.resolve(reply.result);
        else entry.pending.reject(rebuildError(reply.error));
      }
      dispatch();
    });
    worker.on('error', (error: Error) => {
      for (const [id, entry] of running) {
        if (entry.worker !== worker) continue;
        running.delete(id);
        entry.pending.reject(new Error(`inference worker crashed: ${error.message}`));
      }
    });
  }

  return {
    models,
    recognize(bytes, options, signal) {
      if (closed) return Promise.reject(new Error('the local engine is closed'));
      if (signal?.aborted) return Promise.reject(signal.reason as Error);
      return new Promise((resolve, reject) => {
        const job: WorkerJob = { id: nextId++, bytes, options, today: todayIso() };
        // An abort answers the caller at once; a job already running finishes unseen.
        const onAbort = () => {
          const waiting = queue.indexOf(pending);
          if (waiting >= 0) queue.splice(waiting, 1);
          reject(signal?.reason as Error);
        };
        // The listener must go once the job settles: it holds the image, and on Node 20 an
        // `AbortSignal.any()` with a listener attached is never collected (0.4 MiB per request).
        const settle = () => signal?.removeEventListener('abort', onAbort);
        const pending: Pending = {
          job,
          resolve: (result) => {
            settle();
            resolve(result);
          },
          reject: (error) => {
            settle();
            reject(error);
          },
          signal,
        };
        queue.push(pending);
        signal?.addEventListener('abort', onAbort, { once: true });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const pending of queue.splice(0))
        pending.reject(new Error('the local engine is closed'));
      await Promise.all(pool.map((worker) => worker.terminate()));
    },
  };
}
