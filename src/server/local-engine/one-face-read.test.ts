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
  /** Runs of each network so far: the angle classifier runs once for each card read. */
  const runs = { cls: 0, det: 0 };
  const counted = (model: string) => {
    if (model === 'cls' || model === 'det') runs[model] += 1;
  };

  beforeAll(async () => {
    const set = await resolveModelSet();
    onnx = await createOnnxRunner({ models: set });
    const counting: ModelRunner = {
      async run(model, input, options) {
        counted(model);
        return onnx.run(model, input, options);
      },
      async runBatch(model, inputs, options) {
        counted(model);
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

  /** A test card read with every card found and for one face, with the networks' runs of each. */
  async function readBothWays(file: string) {
    const url = new URL(`./test-cards/${file}`, import.meta.url);
    const photo = await decodeImage(new Uint8Array(await readFile(url)), { maxLongSide: 1600 });
    const rate = (face: ReadFace) => rateReading(face, 'front', TODAY);
    const counts = () => ({ ...runs });
    const before = counts();
    const every = await readCards(photo, models, 2, rate);
    const between = counts();
    const one = await readCards(photo, models, 2, rate, { oneFace: true });
    const after = counts();
    const spent = (from: typeof runs, to: typeof runs) => ({
      cls: to.cls - from.cls,
      det: to.det - from.det,
    });
    return { every, one, rate, runs: [spent(before, between), spent(between, after)] };
  }

  it("reads no card after one read sure: a form's own text found as a card is left", async () => {
    // A grey copy of a portrait side on a printed form: the form's text is found as a second
    // card, which reads as a poor portrait side (申请人姓名) and costs a read and a second look.
    const { every, one, rate, runs: spent } = await readBothWays('form-copy-grey-front.png');
    expect(spent.map((r) => r.cls)).toEqual([2, 1]);
    expect(one).toHaveLength(1);
    expect(one[0]?.face).toEqual(every[0]?.face);
    expect(rate(one[0]?.face as ReadFace).sure).toBe(true);
  }, 60_000);

  it('looks no further at a card holding none of the text after a face read whole', async () => {
    // The card is read whole but not sure, and the form's rows below it are found as a card
    // whose first reading holds none of a card's text: that card's second look is left out.
    const { every, one, rate, runs: spent } = await readBothWays('form-low-resolution-front.jpg');
    const first = rate(one[0]?.face as ReadFace);
    expect(first).toMatchObject({ whole: true, sure: false });
    expect(spent.map((r) => r.cls)).toEqual([2, 2]);
    expect(spent[1]?.det).toBeLessThan(spent[0]?.det as number);
    expect(one).toHaveLength(1);
    expect(one[0]?.face).toEqual(every[0]?.face);
  }, 60_000);
});
