import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../idcard/card-dates.ts';
import { loadCharset } from '../../ocr/ctc-decode.ts';
import { rateReading } from '../../ocr/layout/read-card-fields.ts';
import type { ModelRunner } from '../../ocr/model-runner.ts';
import { readCards } from '../../ocr/read-cards.ts';
import type { ReadFace } from '../../ocr/recognized-line.ts';
import type { TextModels } from '../../ocr/text-models.ts';
import { decodeImage } from '../image/image-codec.ts';
import { resolveModelSet } from './model-catalog.ts';
import {
  createOnnxRunner,
  type OnnxRunner,
  readDictionary,
  readFirstDictionary,
} from './onnx-runner.ts';

/** The generated set's own day, so that its validity periods read as they were made. */
const TODAY = '2025-06-01' as IsoDate;

describe('a photo read for one face', () => {
  let onnx: OnnxRunner;
  let models: TextModels;
  /** Cards turned upright so far: the angle classifier runs once for each card read. */
  let classified = 0;

  beforeAll(async () => {
    const set = await resolveModelSet();
    onnx = await createOnnxRunner({ models: set });
    const counting: ModelRunner = {
      async run(model, input, options) {
        if (model === 'cls') classified += 1;
        return onnx.run(model, input, options);
      },
      async runBatch(model, inputs, options) {
        if (model === 'cls') classified += 1;
        return onnx.runBatch(model, inputs, options);
      },
    };
    const first = await readFirstDictionary(set);
    models = {
      runner: counting,
      charset: loadCharset(await readDictionary(set)),
      ...(first !== undefined && { firstCharset: loadCharset(first) }),
    };
  }, 60_000);
  afterAll(async () => {
    await onnx?.close();
  });

  it("reads no card after one read sure: a form's own text found as a card is left", async () => {
    // A grey copy of a portrait side on a printed form: the form's text is found as a second
    // card, which reads as a poor portrait side (申请人姓名) and costs a read and a second look.
    const file = new URL('./test-cards/form-copy-grey-front.png', import.meta.url);
    const photo = await decodeImage(new Uint8Array(await readFile(file)), { maxLongSide: 1600 });
    const rate = (face: ReadFace) => rateReading(face, 'front', TODAY);

    classified = 0;
    const every = await readCards(photo, models, 2, rate);
    const readEvery = classified;
    classified = 0;
    const one = await readCards(photo, models, 2, rate, { oneFace: true });

    expect(readEvery).toBe(2);
    expect(classified).toBe(1);
    expect(one).toHaveLength(1);
    expect(one[0]?.face).toEqual(every[0]?.face);
    expect(rate(one[0]?.face as ReadFace).sure).toBe(true);
  }, 60_000);
});
