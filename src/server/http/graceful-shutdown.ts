import type { OcrUpstream } from './ocr-upstream.ts';

/** The parts of Node's HTTP server that shutting down uses. */
export type ClosableServer = {
  close(callback: (error?: Error) => void): unknown;
  closeIdleConnections(): void;
  closeAllConnections(): void;
};

const IDLE_SWEEP_MS = 50;

/**
 * Stops accepting connections, lets every request already admitted finish and its answer reach
 * the client, then closes the engine. Connections still open after `graceMs` (a client that
 * never reads its answer) are cut so that shutdown always ends.
 */
export async function shutDownGracefully(
  server: ClosableServer,
  upstream: OcrUpstream,
  graceMs: number,
): Promise<void> {
  const serverClosed = new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
  });
  // Node leaves a keep-alive connection open after its last answer until the client's idle
  // timeout; close each one as soon as it has nothing in flight.
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  const cutOff = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await upstream.close();
    await serverClosed;
  } finally {
    clearInterval(sweep);
    clearTimeout(cutOff);
  }
}
