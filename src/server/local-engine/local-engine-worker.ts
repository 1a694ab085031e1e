import { parentPort, workerData } from 'node:worker_threads';
import { loadCharset } from '../../ocr/ctc-decode.ts';
import type { WorkerJob, WorkerReady, WorkerReply, WorkerSetup } from './local-engine-protocol.ts';
import { recognizeImage } from './local-engine-recognize.ts';
import { createOnnxRunner, readDictionary, readFirstDictionary } from './onnx-runner.ts';
import { createSharingRunner, serveShares } from './shared-inference.ts';
import { startJobProfile } from './work-profile.ts';

/**
 * One inference worker: loads the models once, then answers one job at a time, and runs shares of
 * other workers' batches in between.
 */

const port = parentPort;
if (!port) throw new Error('local-engine-worker must run in a worker thread');

try {
  const setup = workerData as WorkerSetup;
  // The detector's session spans every worker's core (see `createOnnxRunner`).
  const own = await createOnnxRunner({
    models: setup.models,
    threads: 1,
    detThreads: setup.peers.length + 1,
  });
  for (const peer of setup.peers) serveShares(peer.port, own);
  const runner = createSharingRunner(own, setup.peers, setup.busy);
  const charset = loadCharset(await readDictionary(setup.models));
  const firstDictionary = await readFirstDictionary(setup.models);
  const firstCharset = firstDictionary === undefined ? undefined : loadCharset(firstDictionary);
  port.on('message', async (job: WorkerJob) => {
    let reply: WorkerReply;
    try {
      if (setup.profile) {
        const profiler = startJobProfile();
        const models = { runner: profiler.runner(runner), charset, firstCharset };
        const result = await recognizeImage(job.bytes, job.options, models, job.today, profiler);
        reply = { id: job.id, ok: true, result, profile: profiler.finish() };
      } else {
        const result = await recognizeImage(
          job.bytes,
          job.options,
          { runner, charset, firstCharset },
          job.today,
        );
        reply = { id: job.id, ok: true, result };
      }
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      reply = { id: job.id, ok: false, error: { name, message } };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies WorkerReady);
} catch (error) {
  port.postMessage({ ready: false, message: (error as Error).message } satisfies WorkerReady);
}
