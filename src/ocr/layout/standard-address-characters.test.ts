import { describe, expect, it } from 'vitest';
import { readCardFields } from './read-card-fields.ts';
import { type Doubt, faceOf, frontLines, SAMPLE_FRONT, SAMPLE_TODAY } from './read-face-builder.ts';

/** The address of the sample card with its second line read as `line`, with `doubts`. */
function addressRead(line: string, doubts: Record<number, Doubt>) {
  const lines = frontLines({ ...SAMPLE_FRONT, address: ['北京市朝阳区建国路', line] }).map(
    (spec) => (spec.text === line ? { ...spec, doubts } : spec),
  );
  const reading = readCardFields(faceOf(lines), 'front', SAMPLE_TODAY);
  if (reading.side !== 'front') throw new Error('read as the emblem side');
  return reading.fields.address;
}

describe('an address in the characters of the 通用规范汉字表', () => {
  it('reads a traditional form as its runner-up in the table, unvouched', () => {
    const address = addressRead('88号大廈3号楼', {
      4: { prob: 0.94, alternatives: [['厦', 0.06]] },
    });
    expect(address.value).toBe('北京市朝阳区建国路88号大厦3号楼');
    expect(address.confidence).toBeLessThan(0.9);
  });

  it('reads a traditional form as its simplified form where the runner-up is outside the table', () => {
    const address = addressRead('88号大廈3号楼', {
      4: { prob: 0.94, alternatives: [['廁', 0.05]] },
    });
    expect(address.value).toBe('北京市朝阳区建国路88号大厦3号楼');
    expect(address.confidence).toBeLessThan(0.9);
  });

  it('keeps a character outside the table with neither a runner-up nor a simplified form in it', () => {
    const address = addressRead('88号韡园3号楼', {
      3: { prob: 0.94, alternatives: [['韓', 0.05]] },
    });
    expect(address.value).toBe('北京市朝阳区建国路88号韡园3号楼');
  });
});
