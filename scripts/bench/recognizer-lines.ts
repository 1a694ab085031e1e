import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeField } from '../../src/idcard/card-fields.ts';
import { loadCharset } from '../../src/ocr/ctc-decode.ts';
import { readingOrder } from '../../src/ocr/face-lines.ts';
import { detectText, recognizeLines } from '../../src/ocr/text-models.ts';
import { decodeImage } from '../../src/server/image/image-codec.ts';
import {
  type RecognizerId,
  resolveModelSet,
  WHEEL_RECOGNIZERS,
} from '../../src/server/local-engine/model-catalog.ts';
import { createOnnxRunner, readDictionary } from '../../src/server/local-engine/onnx-runner.ts';
import { type GroundTruthImage, readGroundTruth } from '../card-set/ground-truth.ts';

const USAGE = `Usage: npm run bench:lines -- <set-dir> [--limit N]

Recognises the same line crops with every installed recogniser, taking turns line by line (so
load on a shared machine falls on all alike), and prints for each: milliseconds per line (median,
p90) and per face, one thread, and the share of names and issuing authorities that one of the
face's lines spells exactly. The lines are the plain pass's: PP-OCRv4 detection on the whole
photo at 960 px, each line cut as the engine cuts it.`;

const DECODE_MAX_LONG_SIDE = 1600;

/** The expected names and authorities of an image: what its lines should spell. */
function expectedTexts(image: GroundTruthImage): string[] {
  const expected = image.expected;
  const faces: Record<string, unknown>[] =
    'front' in expected ? [expected.front, expected.back] : [expected];
  return faces.flatMap((face) =>
    ['name', 'issue']
      .map((field) => face[field])
      .filter((value): value is string => typeof value === 'string' && value !== '')
      .map((value) => normalizeField('name', value)),
  );
}

function percentile(values: number[], share: number): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { limit: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  const setArgument = positionals[0];
  if (values.help || setArgument === undefined) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const setDirectory = resolve(setArgument);
  const truth = await readGroundTruth(setDirectory);
  const images = truth.images.slice(0, Number(values.limit ?? truth.images.length));
  const ids: RecognizerId[] = ['ppocr-v4-mobile', ...WHEEL_RECOGNIZERS.map((rec) => rec.id)];
  const recognizers = [];
  for (const id of ids) {
    const files = await resolveModelSet(id);
    if (files.fallbackReason) {
      console.log(`${id}: skipped, ${files.fallbackReason}`);
      continue;
    }
    const runner = await createOnnxRunner({ models: files });
    const charset = loadCharset(await readDictionary(files));
    recognizers.push({ id, models: { runner, charset }, ms: [] as number[], found: 0 });
  }
  const detector = recognizers[0]?.models;
  if (!detector) throw new Error('no recogniser could be loaded');
  let lines = 0;
  let faces = 0;
  let wanted = 0;
  for (const image of images) {
    const photo = await decodeImage(await readFile(join(setDirectory, image.file)), {
      maxLongSide: DECODE_MAX_LONG_SIDE,
    });
    const boxes = readingOrder(await detectText(photo, detector)).map(({ box }) => box);
    const texts = new Map<string, string[]>(recognizers.map((rec) => [rec.id, []]));
    for (const box of boxes) {
      for (const rec of recognizers) {
        // Crop, network and CTC decoding (whose cost grows with the dictionary), as the engine
        // pays them for each line.
        const started = performance.now();
        const [line] = await recognizeLines(photo, [box], rec.models);
        rec.ms.push(performance.now() - started);
        texts.get(rec.id)?.push(line?.text ?? '');
      }
    }
    lines += boxes.length;
    faces += image.side === 'double_side' ? 2 : 1;
    const expected = expectedTexts(image);
    wanted += expected.length;
    for (const rec of recognizers) {
      const read = (texts.get(rec.id) ?? []).map((text) => text.replace(/\s/g, ''));
      rec.found += expected.filter((value) => read.some((text) => text.includes(value))).length;
    }
  }
  console.log(`set ${setDirectory}: ${images.length} images, ${faces} faces, ${lines} lines`);
  console.log(
    'recogniser          ms/line median   p90   ms/face   names+issues spelled in a line',
  );
  for (const rec of recognizers) {
    const total = rec.ms.reduce((sum, ms) => sum + ms, 0);
    console.log(
      `${rec.id.padEnd(20)}${percentile(rec.ms, 0.5).toFixed(1).padStart(14)}` +
        `${percentile(rec.ms, 0.9).toFixed(1).padStart(6)}${(total / faces).toFixed(0).padStart(10)}` +
        `   ${((100 * rec.found) / wanted).toFixed(1)} % (${rec.found}/${wanted})`,
    );
  }
  await Promise.all(recognizers.map((rec) => rec.models.runner.close()));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
