import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BACK_FIELDS, FRONT_FIELDS, type IdCardResponse } from '../../idcard/api-contract.ts';
import { oneWorkerEngine } from '../test-support/one-worker-engine.ts';
import type { RecognizeOptions } from './local-engine.ts';

/** Golden images from the committed synthetic set (`e2e/fixtures/cards`, seed in its ground truth). */
const CARDS = new URL('../../../e2e/fixtures/cards/', import.meta.url);

const OPTIONS: RecognizeOptions = {
  side: 'auto',
  returnVerification: false,
  returnTextLocation: false,
  returnAdjustedImage: false,
  returnPortraitImage: false,
  returnPortraitLocation: false,
  alarms: [],
};

function fieldsOf(face: Record<string, unknown>, names: readonly string[]) {
  return Object.fromEntries(names.map((name) => [name, face[name]]));
}

/** Generated cards that hold a case the committed set does not (`test-cards/README.md`). */
const TEST_CARDS = new URL('./test-cards/', import.meta.url);

async function card(file: string, folder = CARDS): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(file, folder)));
}

describe('local engine on golden synthetic cards', () => {
  const engine = oneWorkerEngine();

  /** One side of a generated test card (`TEST_CARDS`) as the engine answers it. */
  async function readTestCard(file: string, side: 'front' | 'back') {
    return engine().recognize(await card(file, TEST_CARDS), { ...OPTIONS, side });
  }

  it('reads a flat scan of the portrait side, side found by itself', async () => {
    const result = await engine().recognize(await card('000-flat-scan-front.png'), OPTIONS);
    expect(fieldsOf(result, FRONT_FIELDS)).toEqual({
      name: '邵飞涵',
      sex: '女',
      ethnicity: '塔塔尔',
      birth: '1980-03-04',
      address: '福建省福州市闽侯县红海街473号',
      number: '350121198003042809',
    });
    expect(result).toMatchObject({ side: 'front' });
  }, 20_000);

  it('reads the emblem side from a BMP scan', async () => {
    const result = await engine().recognize(await card('001-flat-scan-back.bmp'), {
      ...OPTIONS,
      side: 'back',
    });
    expect(fieldsOf(result, BACK_FIELDS)).toEqual({
      issue: '礼县公安局',
      valid_from: '2024-01-09',
      valid_to: '2044-01-09',
    });
  }, 20_000);

  it('reads a portrait side photographed at a steep angle', async () => {
    const result = await engine().recognize(await card('029-desk-perspective-front.jpg'), {
      ...OPTIONS,
      side: 'front',
    });
    expect(fieldsOf(result, FRONT_FIELDS)).toEqual({
      name: '孟文斌',
      sex: '男',
      ethnicity: '汉',
      birth: '1979-10-15',
      address: '安徽省蚌埠市五河县湖坪镇江果村委会青竹屯33号',
      number: '340322197910155314',
    });
  }, 20_000);

  it('registers a face on its second look where watermark tiles took up the first', async () => {
    // The tiles set the rough face's turn and took up the locating pass's boxes, which read one
    // label; registered on the face's own detection, the name is read on its row.
    const result = await readTestCard('watermark-tiles-dim-photo-front.jpg', 'front');
    expect(fieldsOf(result, ['name', 'birth', 'address', 'number'])).toEqual({
      name: '许华杰',
      birth: '2004-03-06',
      address: '河北省衡水市武邑县岗柏镇溪竹村委会秋绿屯4号',
      number: '131122200403067470',
    });
  }, 20_000);

  it('reads a card copied onto a printed form, not the form lines beside it', async () => {
    // The form's lines stand left of the card in its rows and were boxed as one group with them.
    const result = await readTestCard('form-copy-grey-front.png', 'front');
    expect(fieldsOf(result, FRONT_FIELDS)).toEqual({
      name: '沈宁萍',
      sex: '女',
      ethnicity: '彝',
      birth: '1966-03-06',
      address: '云南省普洱市孟连傣族拉祜族佤族自治县清华街道口红村委会黄园屯47号',
      number: '530827196603060921',
    });
  }, 20_000);

  it('reads a card found twice on a form once, from the better reading', async () => {
    // Found once with the form's lines around it and once by its own text; the first reading
    // took 姓名 into the name.
    const result = await readTestCard('form-copy-low-resolution-front.jpg', 'front');
    expect(fieldsOf(result, FRONT_FIELDS)).toEqual({
      name: '邓鹏',
      sex: '男',
      ethnicity: '汉',
      birth: '1982-02-04',
      address: '江苏省南京市秦淮区岭岗西路768号',
      number: '320104198202044530',
    });
  }, 20_000);

  it('leaves the lines of a form photographed with a card copy out of the authority', async () => {
    const result = await readTestCard('form-photo-back.jpg', 'back');
    expect(fieldsOf(result, BACK_FIELDS)).toEqual({
      issue: '桦甸市公安局',
      valid_from: '2016-11-07',
      valid_to: '长期',
    });
  }, 20_000);

  it('answers the card read best where the lines of a form below a card read as a face too', async () => {
    // The form's lines and the card's bottom rows were found as a card of their own, and first.
    const result = await readTestCard('form-dim-photo-back.jpg', 'back');
    expect(fieldsOf(result, BACK_FIELDS)).toEqual({
      issue: '荣成市公安局',
      valid_from: '2017-05-21',
      valid_to: '长期',
    });
  }, 20_000);

  it('reads both faces off a grey photocopy page and raises the copy alarm', async () => {
    const result = (await engine().recognize(await card('026-photocopy-double-double_side.png'), {
      ...OPTIONS,
      side: 'double_side',
      alarms: ['detect_copy', 'detect_border_integrity', 'detect_tampering'],
    })) as Extract<IdCardResponse['result'], { front: unknown }>;
    expect(fieldsOf(result.front, FRONT_FIELDS)).toEqual({
      name: '文佳诗',
      sex: '女',
      ethnicity: '汉',
      birth: '1995-12-21',
      address: '云南省文山壮族苗族自治州广南县绿河乡龙园村75号',
      number: '532627199512214600',
    });
    expect(fieldsOf(result.back, BACK_FIELDS)).toEqual({
      issue: '广南县公安局',
      valid_from: '2019-12-01',
      valid_to: '2029-12-01',
    });
    expect(result.front).toMatchObject({
      detect_copy_result: true,
      detect_border_integrity_result: false,
    });
    // An alarm the engine cannot judge is left out, never answered "no problem".
    expect(result.front).not.toHaveProperty('detect_tampering_result');
    expect(result.front.score_info).not.toHaveProperty('tampering_score');
  }, 20_000);
});
