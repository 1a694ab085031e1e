import { describe, expect, it } from 'vitest';
import {
  idCardRequestSchema,
  idCardResponseSchema,
  isFrontResult,
  OCR_ROUTE_PATTERN,
  ocrRoutePath,
} from './api-contract.ts';

describe('request schema', () => {
  it('accepts an image with switches and an empty side', () => {
    const parsed = idCardRequestSchema.safeParse({
      image: 'abc',
      side: '',
      return_verification: true,
    });
    expect(parsed.success).toBe(true);
  });

  it('ignores unknown fields', () => {
    const parsed = idCardRequestSchema.parse({ url: 'https://a.example/x.jpg', extra: 1 });
    expect(parsed).toEqual({ url: 'https://a.example/x.jpg' });
  });

  it.each([
    ['neither image nor url', {}],
    ['both image and url', { image: 'a', url: 'https://a.example/' }],
    ['a switch that is a string', { image: 'a', detect_blur: 'true' }],
    ['an unknown side', { image: 'a', side: 'left' }],
  ])('rejects %s', (_label, body) => {
    expect(idCardRequestSchema.safeParse(body).success).toBe(false);
  });
});

describe('response schema', () => {
  it('reads the documented portrait-side example', () => {
    const body = idCardResponseSchema.parse({
      result: {
        name: '张三',
        sex: '男',
        ethnicity: '汉',
        birth: '2000-03-06',
        address: 'XX省XX市XX区XX街道XX号',
        number: '610XXXXXXXXXXXXXXX',
      },
    });
    expect('name' in body.result && body.result.name).toBe('张三');
  });

  it('reads a double-side result', () => {
    const front = { name: 'a', sex: '男', ethnicity: '汉', birth: '', address: '', number: '' };
    const back = { issue: 'b', valid_from: '2004-08-26', valid_to: '长期' };
    const body = idCardResponseSchema.parse({ result: { front, back } });
    expect('front' in body.result).toBe(true);
  });

  it('tells the faces apart', () => {
    expect(isFrontResult({ issue: 'x', valid_from: '', valid_to: '' })).toBe(false);
  });
});

describe('route', () => {
  it('builds and matches the OCR path', () => {
    const path = ocrRoutePath('cn-north-4 proj');
    expect(path).toBe('/v2/cn-north-4%20proj/ocr/id-card');
    expect(OCR_ROUTE_PATTERN.test(path)).toBe(true);
    expect(OCR_ROUTE_PATTERN.test('/v2/p/ocr/general-text')).toBe(false);
  });
});
