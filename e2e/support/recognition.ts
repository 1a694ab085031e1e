import type { Page, Response } from '@playwright/test';
import { idCardResponseSchema } from '../../src/idcard/api-contract.ts';
import { isOcrRequest } from './desk.ts';

/** The local engine on two shared cores: a few seconds a card, more while others run. */
export const RECOGNITION_TIMEOUT_MS = 60_000;

/** Resolves with the next `count` OCR responses, whatever their status. */
export function nextRecognitions(page: Page, count: number): Promise<Response[]> {
  return new Promise((resolve, reject) => {
    const seen: Response[] = [];
    const timer = setTimeout(
      () => reject(new Error(`only ${seen.length} of ${count} recognitions answered`)),
      RECOGNITION_TIMEOUT_MS,
    );
    const onResponse = (response: Response) => {
      if (!isOcrRequest(response.url(), response.request().method())) return;
      seen.push(response);
      if (seen.length < count) return;
      clearTimeout(timer);
      page.off('response', onResponse);
      resolve(seen);
    };
    page.on('response', onResponse);
  });
}

/** The fields of a successful single-face response. */
export async function resultFields(response: Response): Promise<Record<string, string>> {
  const { result } = idCardResponseSchema.parse(await response.json());
  if ('front' in result && 'back' in result) throw new Error('expected a single face');
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(result)) {
    if (typeof value === 'string' && !key.endsWith('_image') && key !== 'side') fields[key] = value;
  }
  return fields;
}

/** The JSON body of a response the test waited for. */
export async function bodyOf(response: Response | undefined) {
  if (!response) throw new Error('no recognition answered');
  return response.json();
}
