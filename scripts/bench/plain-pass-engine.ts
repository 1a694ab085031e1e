import type { IdCardResponse } from '../../src/idcard/api-contract.ts';
import { isoDateOf } from '../../src/idcard/card-dates.ts';
import { loadCharset } from '../../src/ocr/ctc-decode.ts';
import { NoCardFoundError } from '../../src/ocr/errors.ts';
import { readingOrder } from '../../src/ocr/face-lines.ts';
import { readCardFields } from '../../src/ocr/layout/read-card-fields.ts';
import type { RecognizedLine } from '../../src/ocr/recognized-line.ts';
import { detectText, recognizeLine } from '../../src/ocr/text-models.ts';
import { decodeImage } from '../../src/server/image/image-codec.ts';
import { createOnnxRunner, readDictionary } from '../../src/server/local-engine/onnx-runner.ts';
import type { BenchEngine, BenchEngineFactory } from './bench-engine.ts';

/** The same decode size as the local engine, so the two differ only in the pipeline. */
const DECODE_MAX_LONG_SIDE = 1600;

/**
 * The speed baseline: one PP-OCR pass as PaddleOCR's own demo runs it, with none of the
 * engine's card handling. Detection on the whole photo (capped at 960 px), every box recognised
 * one by one, and the lines handed to the card layout as if the photo were the card face.
 * It reads upright cards that fill the frame; its accuracy elsewhere shows what card finding buys.
 */
export const plainPassEngine: BenchEngineFactory = {
  name: 'plain',
  description: 'plain unbatched PP-OCR pass: whole-photo detection at 960 px, no card finding',
  async create(): Promise<BenchEngine> {
    const runner = await createOnnxRunner();
    const models = { runner, charset: loadCharset(await readDictionary()) };
    return {
      name: 'plain',
      async recognize(bytes, side) {
        const photo = await decodeImage(bytes, { maxLongSide: DECODE_MAX_LONG_SIDE });
        const lines: RecognizedLine[] = [];
        for (const { box } of readingOrder(await detectText(photo, models))) {
          const decoded = await recognizeLine(photo, box, models);
          if (decoded.text.length > 0) lines.push({ box, ...decoded });
        }
        const face = { width: photo.width, height: photo.height, lines };
        const asked = side === 'front' || side === 'back' ? side : 'auto';
        try {
          const reading = readCardFields(face, asked, isoDateOf(new Date()));
          const result = Object.fromEntries(
            Object.entries(reading.fields).map(([field, read]) => [field, read.value]),
          );
          return { ok: true, result: result as unknown as IdCardResponse['result'] };
        } catch (error) {
          if (!(error instanceof NoCardFoundError)) throw error;
          return { ok: false, error: { error_code: error.name, error_msg: error.message } };
        }
      },
      close: () => runner.close(),
    };
  },
};
