import type { UpstreamSettings } from '../config/config.ts';
import { createHuaweiUpstream } from '../huawei/huawei-upstream.ts';
import type { OcrUpstream } from './ocr-upstream.ts';

/** Builds the bundled engine; only called when it is the chosen upstream (it loads models). */
export type LocalUpstreamFactory = () => OcrUpstream | Promise<OcrUpstream>;

/** The upstream that `OCR_UPSTREAM` chose. */
export async function selectUpstream(
  settings: UpstreamSettings,
  createLocal: LocalUpstreamFactory,
): Promise<OcrUpstream> {
  switch (settings.kind) {
    case 'local':
      return createLocal();
    case 'huawei':
      return createHuaweiUpstream(settings);
  }
}
