import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ocrRoutePath } from '../../src/idcard/api-contract.ts';
import { readGroundTruth } from '../card-set/ground-truth.ts';
import type { LoadSample } from './load-stats.ts';

/** A request body ready to send, made once so the client spends its time waiting, not encoding. */
export type PreparedRequest = { file: string; body: string; faces: number };

// A client that waits much longer than the server's own 30 s request limit has lost its answer.
const CLIENT_TIMEOUT_MS = 60_000;
// When a 429 carries no Retry-After, wait this long before the next request.
const DEFAULT_RETRY_AFTER_S = 1;

export async function prepareRequests(setDirectory: string): Promise<PreparedRequest[]> {
  const truth = await readGroundTruth(setDirectory);
  return Promise.all(
    truth.images.map(async (image) => ({
      file: image.file,
      faces: image.side === 'double_side' ? 2 : 1,
      body: JSON.stringify({
        image: (await readFile(join(setDirectory, image.file))).toString('base64'),
        side: image.side,
        return_verification: true,
      }),
    })),
  );
}

export type LoadRun = {
  baseUrl: string;
  requests: readonly PreparedRequest[];
  /** How many requests to send in all, cycling through `requests`. */
  count: number;
  concurrency: number;
  /** Wait for the time a 429's Retry-After asks before that client's next request. */
  honourRetryAfter: boolean;
  /** Clients send no further request once this fires. */
  stop?: AbortSignal;
  /** Called after each answer with it and the number of answers so far. */
  onAnswer?: (sample: LoadSample, answered: number) => void;
};

/** `concurrency` clients, each sending its next request when the last one is answered. */
export async function runLoad(run: LoadRun): Promise<{ samples: LoadSample[]; wallMs: number }> {
  const url = new URL(ocrRoutePath('bench'), run.baseUrl).href;
  const samples: LoadSample[] = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < run.count && !run.stop?.aborted) {
      const request = run.requests[next++ % run.requests.length] as PreparedRequest;
      const { sample, retryAfterS } = await send(url, request);
      samples.push(sample);
      run.onAnswer?.(sample, samples.length);
      if (run.honourRetryAfter && sample.status === 429) {
        await new Promise((done) => setTimeout(done, retryAfterS * 1000));
      }
    }
  };
  await Promise.all(Array.from({ length: run.concurrency }, client));
  return { samples, wallMs: performance.now() - started };
}

async function send(
  url: string,
  request: PreparedRequest,
): Promise<{ sample: LoadSample; retryAfterS: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: request.body,
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    const body = (await response.json()) as { error_code?: string };
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      sample: {
        status: response.status,
        code: response.ok ? '' : (body.error_code ?? 'no error_code'),
        faces: request.faces,
        latencyMs: performance.now() - started,
      },
      retryAfterS: retryAfter > 0 ? retryAfter : DEFAULT_RETRY_AFTER_S,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return {
      sample: {
        status: 0,
        code: cause?.code ?? (error as Error).name,
        faces: request.faces,
        latencyMs: performance.now() - started,
      },
      retryAfterS: DEFAULT_RETRY_AFTER_S,
    };
  }
}
