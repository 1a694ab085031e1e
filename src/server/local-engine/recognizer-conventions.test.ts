import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { installedPath, WHEEL_RECOGNIZERS } from './model-catalog.ts';
import { conventionProblems } from './recognizer-conventions.ts';

/** The shape of PaddleOCR's exported `inference.yml` for a recogniser, cut down. */
function yml({ mode = 'BGR', height = 48, chars = ['a', 'b', '1'] } = {}): string {
  return [
    'PreProcess:',
    '  transform_ops:',
    '  - DecodeImage:',
    `      img_mode: ${mode}`,
    '  - RecResizeImg:',
    `      image_shape: [3, ${height}, 320]`,
    'PostProcess:',
    '  name: CTCLabelDecode',
    '  character_dict:',
    ...chars.map((c) => `  - '${c}'`),
  ].join('\n');
}

describe('conventionProblems', () => {
  it('accepts a recogniser read as the pipeline reads PP-OCRv4', () => {
    expect(conventionProblems(yml(), 'a\nb\n1\n')).toEqual([]);
  });

  it('names every difference: channel order, input height, dictionary', () => {
    expect(conventionProblems(yml({ mode: 'RGB', height: 32 }), 'a\nb\n')).toEqual([
      'DecodeImage img_mode is RGB, not BGR',
      'RecResizeImg height is 32, not 48',
      'character_dict (3) differs from the dictionary file (2)',
    ]);
  });

  // The installed models themselves (npm ci puts them in models/).
  for (const rec of WHEEL_RECOGNIZERS) {
    const { inferenceYml } = rec;
    if (!inferenceYml) continue;
    it.skipIf(!existsSync(installedPath(inferenceYml)))(
      `${rec.label}: its inference.yml agrees with the pipeline and its dictionary`,
      async () => {
        const text = await readFile(installedPath(inferenceYml), 'utf8');
        const dictionary = await readFile(installedPath(rec.dictionary), 'utf8');
        expect(conventionProblems(text, dictionary)).toEqual([]);
      },
      // Parsing the 18,708-entry yml takes 1-2 s, several times that on a loaded machine.
      30_000,
    );
  }
});
