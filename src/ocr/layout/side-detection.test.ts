import { describe, expect, it } from 'vitest';
import { faceTextOf } from './face-text.ts';
import { faceOf, SAMPLE_NUMBER } from './read-face-builder.ts';
import { decideSide, sideEvidence } from './side-detection.ts';

describe('which side a face shows', () => {
  it('takes a lone run of digits holding a date of birth for the portrait side number', () => {
    const face = faceOf([{ text: SAMPLE_NUMBER, x: 0.3, y: 0.85 }]);
    expect(decideSide(sideEvidence(faceTextOf(face)), 'auto')).toBe('front');
  });

  it('finds no ID card on a bank card: its long number holds no date, and no label is there', () => {
    const face = faceOf([
      { text: '中国示例银行借记卡', x: 0.1, y: 0.2 },
      { text: '6222021001234567', x: 0.1, y: 0.6 },
      { text: 'ZHANGSAN', x: 0.1, y: 0.8 },
    ]);
    expect(sideEvidence(faceTextOf(face))).toEqual({ front: 0, back: 0 });
    expect(() => decideSide(sideEvidence(faceTextOf(face)), 'auto')).toThrow(
      'none of the text of an ID card',
    );
  });

  it('still counts a number without a date where the side labels were read', () => {
    const face = faceOf([
      { text: '公民身份号码', x: 0.08, y: 0.85 },
      { text: '110105990306123', x: 0.3, y: 0.85 },
    ]);
    expect(sideEvidence(faceTextOf(face)).front).toBeGreaterThanOrEqual(4);
  });
});
