import { useEffect } from 'react';
import {
  blobToBase64,
  CompressionCancelledError,
  compressImage,
  ImageRefusedError,
} from '../compression/compress-image.ts';
import { findJob, type Job, useDesk } from '../desk/desk-store.ts';
import type { JobFailure } from './error-messages.ts';
import { startControlling, stopControlling } from './job-controllers.ts';
import { startWaitingJobs } from './job-scheduling.ts';
import { type RecognizeVariables, useRecognizeCard } from './use-recognize-card.ts';

/** Starts waiting images in drop order, a few at a time (`startWaitingJobs`). Renders nothing. */
export function QueueRunner() {
  const { mutateAsync } = useRecognizeCard();
  useEffect(() => {
    const pump = () => startWaitingJobs((job) => runJob(job, mutateAsync));
    pump();
    return useDesk.subscribe(pump);
  }, [mutateAsync]);
  return null;
}

async function runJob(
  job: Job,
  recognize: (variables: RecognizeVariables) => Promise<unknown>,
): Promise<void> {
  const { updateJob, setSent, failJob } = useDesk.getState();
  const signal = startControlling(job.id);
  // Marked busy before any await so the next pump does not start it twice.
  updateJob(job.id, { status: 'compressing', progress: 0 });
  try {
    let sent = job.sent;
    if (!sent) {
      if (!job.format) throw new Error(`no image format for ${job.file.name}`);
      const compressStart = performance.now();
      const image = await compressImage(job.file, job.format, {
        signal,
        onProgress: (progress) => updateJob(job.id, { progress }),
      });
      sent = {
        blob: image.blob,
        url: URL.createObjectURL(image.blob),
        size: image.size,
        originalSize: image.originalSize,
        compressMs: image.elapsedMs,
      };
      // User Timing entries let the benchmark (and the browser's profiler) see each stage.
      performance.measure('idcard:compress', { start: compressStart, detail: job.file.name });
      setSent(job.id, sent);
    }
    updateJob(job.id, { status: 'recognizing', progress: 100 });
    const imageBase64 = await blobToBase64(sent.blob);
    // The hook records success and API failures; a rejection here needs nothing more.
    const side = job.doubleSided ? ('double_side' as const) : undefined;
    await recognize({ jobId: job.id, imageBase64, side, signal }).catch(() => undefined);
  } catch (error) {
    if (findJob(job.id)) failJob(job.id, compressionFailure(error));
  } finally {
    stopControlling(job.id);
  }
}

function compressionFailure(error: unknown): JobFailure {
  if (error instanceof CompressionCancelledError) return { kind: 'cancelled' };
  if (error instanceof ImageRefusedError) return error.failure;
  return { kind: 'internal', detail: error instanceof Error ? error.message : String(error) };
}
