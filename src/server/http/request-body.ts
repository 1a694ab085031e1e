import { BodyTooLargeError, ClientGoneError } from './api-error.ts';

/**
 * Reads a request body as UTF-8 text, counting bytes as they stream in and stopping at
 * `maxBytes`, so an oversized or endless body never sits in memory whole. A client that goes
 * away mid-body is a `ClientGoneError`: expected, nothing to log.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = declaredLength(request);
  if (declared !== null && declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  const chunks: Uint8Array[] = [];
  let received = 0;
  await eachChunk(request, (chunk) => {
    received += chunk.byteLength;
    if (received > maxBytes) throw new BodyTooLargeError(maxBytes);
    chunks.push(chunk);
  });
  return Buffer.concat(chunks, received).toString('utf8');
}

/**
 * Reads and throws away a body that an early answer did not need, so the connection is left
 * at the start of the next request and can carry it (keep-alive). Returns false when the body
 * is longer than `maxBytes`, or the client left: that connection must close after the answer.
 */
export async function discardBody(request: Request, maxBytes: number): Promise<boolean> {
  const declared = declaredLength(request);
  if (declared !== null && declared > maxBytes) return false;
  let received = 0;
  try {
    await eachChunk(request, (chunk) => {
      received += chunk.byteLength;
      if (received > maxBytes) throw new BodyTooLargeError(maxBytes);
    });
    return true;
  } catch {
    return false;
  }
}

/** The declared Content-Length, or null when the body is chunked or the header is not a number. */
export function declaredLength(request: Request): number | null {
  const header = request.headers.get('content-length');
  if (header === null || !/^\d+$/.test(header)) return null;
  return Number(header);
}

async function eachChunk(request: Request, take: (chunk: Uint8Array) => void): Promise<void> {
  if (!request.body) return;
  const reader = request.body.getReader();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        throw new ClientGoneError();
      }
      if (next.done) return;
      take(next.value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  } finally {
    reader.releaseLock();
  }
}
