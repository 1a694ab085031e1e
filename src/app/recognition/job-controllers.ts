import { useDesk } from '../desk/desk-store.ts';

/** The AbortController of each image being worked on, so any part of the UI can cancel it. */
const controllers = new Map<string, AbortController>();

export function startControlling(jobId: string): AbortSignal {
  const controller = new AbortController();
  controllers.set(jobId, controller);
  return controller.signal;
}

export function stopControlling(jobId: string): void {
  controllers.delete(jobId);
}

/** Stops an image's work in progress, or takes a waiting image out of the queue. */
export function cancelJob(jobId: string): void {
  const controller = controllers.get(jobId);
  if (controller) controller.abort();
  else useDesk.getState().failJob(jobId, { kind: 'cancelled' });
}

export function cancelAllJobWork(): void {
  for (const controller of controllers.values()) controller.abort();
}
