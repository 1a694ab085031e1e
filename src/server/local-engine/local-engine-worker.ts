import { parentPort, workerData } from 'node:worker_threads';
import { loadCharset } from '../../ocr/ctc-decode.ts';
import type { WorkerJob, WorkerReady, WorkerReply, WorkerSetup } from './local-engine-protocol.ts';
import { recognizeImage } from './local-engine-recognize.ts';
import { createOnnxRunner, readDictionary } from './onnx-runner.ts';
import { createSharingRunner, serveShares } from './shared-inference.ts';

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
  const models = {
    runner: createSharingRunner(own, setup.peers, setup.busy),
    charset: loadCharset(await readDictionary(setup.models)),
  };
  port.on('message', async (job: WorkerJob) => {
    let reply: WorkerReply;
    try {
      reply = {
        id: job.id,
        ok: true,
        result: await recognizeImage(job.bytes, job.options, models, job.today),
      };
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
