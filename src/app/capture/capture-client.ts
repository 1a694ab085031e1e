import type { Quad } from '../../idcard/api-contract.ts';
import type { CaptureReply, CaptureRequest } from './capture-protocol.ts';

/**
 * The capture worker, one request at a time: a crop waits for the frame being analysed, so each
 * reply answers the request it follows.
 */
export class CaptureWorker {
  private readonly worker = new Worker(new URL('./capture-worker.ts', import.meta.url), {
    type: 'module',
    name: 'capture',
  });
  private queue: Promise<unknown> = Promise.resolve();

  analyse(frame: ImageBitmap) {
    return this.send({ type: 'analyse', frame }, [frame]);
  }

  crop(frame: ImageBitmap, quad: Quad) {
    return this.send({ type: 'crop', frame, quad }, [frame]);
  }

  terminate() {
    this.worker.terminate();
  }

  private send(request: CaptureRequest, transfer: Transferable[]): Promise<CaptureReply> {
    const run = this.queue.then(
      () =>
        new Promise<CaptureReply>((resolve, reject) => {
          this.worker.onmessage = (event: MessageEvent<CaptureReply>) => resolve(event.data);
          this.worker.onerror = (event) => reject(new Error(event.message));
          this.worker.postMessage(request, transfer);
        }),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }
}
