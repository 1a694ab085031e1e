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

export function cancelJobWork(jobId: string): void {
  controllers.get(jobId)?.abort();
}

export function cancelAllJobWork(): void {
  for (const controller of controllers.values()) controller.abort();
}
