import type { Job } from '../desk/desk-store.ts';
import { lacksBothFaces } from './error-messages.ts';

/**
 * Failures a second try cannot fix: the file itself must change (another format, a file that is
 * not empty or broken, a sharper or larger photo), so the queue offers no 重试 for them.
 */
const FINAL_FAILURES: ReadonlySet<string> = new Set([
  'unsupported-format',
  'empty-file',
  'undecodable',
  'too-small',
  'too-elongated',
  'low-resolution',
]);

function hasFinalFailure(job: Job): boolean {
  return job.failure !== null && FINAL_FAILURES.has(job.failure.kind);
}

export function isBusy(job: Job): boolean {
  return job.status === 'waiting' || job.status === 'compressing' || job.status === 'recognizing';
}

export function canRetry(job: Job): boolean {
  return (job.status === 'failed' || job.status === 'cancelled') && !hasFinalFailure(job);
}

/** Reading a page again as double-sided needs an image the browser could open. */
export function canReadAsDoubleSided(job: Job): boolean {
  return !isBusy(job) && !job.doubleSided && job.format !== null && !hasFinalFailure(job);
}

/**
 * A page read as double-sided on which the engine did not find both faces (AIS.0104) may be an
 * image of one face, sent with the intake's 双面复印件 setting on: it can be read as one.
 */
export function canReadAsSingleFace(job: Job): boolean {
  return (
    job.status === 'failed' && job.failure !== null && lacksBothFaces(job.failure, job.doubleSided)
  );
}

/** Failures of the connection to the service rather than of the image: they clear together. */
const SERVICE_FAILURES: ReadonlySet<string> = new Set(['network', 'offline', 'http']);

export function failedForService(job: Job): boolean {
  return job.status === 'failed' && job.failure !== null && SERVICE_FAILURES.has(job.failure.kind);
}
