import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_RECOGNIZER,
  type RecognizerId,
  resolveModelSet,
  WHEEL_RECOGNIZERS,
} from '../../src/server/local-engine/model-catalog.ts';
import { readDictionary } from '../../src/server/local-engine/onnx-runner.ts';
import { GROUND_TRUTH_FILE, type GroundTruth, readGroundTruth } from '../card-set/ground-truth.ts';
import type { BenchEngine } from './bench-engine.ts';
import { BENCH_ENGINES } from './bench-engines.ts';
import { createHttpEngine } from './http-engine.ts';
import { formatSummary } from './print-summary.ts';
import { type ImageScore, scoreImage } from './score.ts';
import { summarizeSlices } from './set-slices.ts';
import { type EngineSummary, summarize } from './summary.ts';
import { dictionaryOf, summarizeUnspellable } from './unspellable.ts';
import {
  formatWorkSummary,
  type ImageWork,
  summarizeWork,
  type WorkSummary,
} from './work-summary.ts';

const RECOGNIZERS: readonly RecognizerId[] = [
  'ppocr-v4-mobile',
  ...WHEEL_RECOGNIZERS.map((rec) => rec.id),
];

const USAGE = `Usage: npm run bench -- <set-dir> [--engine a,b] [--http URL [--token T]] [--out FILE]
                                  [--auto-side] [--limit N] [--rec ID] [--single-reader]
                                  [--profile]

Runs engines over the images listed in <set-dir>/${GROUND_TRUTH_FILE} and prints per-field accuracy
per condition, cards fully right, wrong values not marked doubtful, latency and peak memory.
  --engine     engines to run in process (default: all; "none" for only --http). Known:
               ${BENCH_ENGINES.map((engine) => `${engine.name} (${engine.description})`).join('\n               ')}
  --http       also measure a running server through the API at this origin
  --token      X-Auth-Token for --http
  --out        where to write per-image results (default bench-results/bench-<time>.json)
  --auto-side  send no side, so engines must find it themselves
  --limit      only the first N images
  --rec        the recogniser of the PP-OCR engines: ${RECOGNIZERS.join(', ')}
               (default ${DEFAULT_RECOGNIZER}, PP-OCRv4's when its files are not installed)
  --single-reader  every line read by that recogniser, without the smaller one that reads
               lines first where it has one (src/ocr/first-reading.ts)
  --profile    also print each engine's work per face where it counts it (the local engine: CPU
               time of decoding, of each network and of the rest; network runs, inputs, their
               sizes and inputs read twice), figures that a busy machine does not distort`;

type Run = { description: string; engine: BenchEngine };

/** One untimed, unscored call first, so model loading and JIT warm-up stay out of latencies. */
async function warmUp(engine: BenchEngine, setDirectory: string, truth: GroundTruth) {
  const first = truth.images[0];
  if (first === undefined) return;
  await engine.recognize(await readFile(join(setDirectory, first.file)), first.side);
}

async function measure(
  run: Run,
  setDirectory: string,
  truth: GroundTruth,
  options: { autoSide: boolean; dictionary: ReadonlySet<string> },
): Promise<{ summary: EngineSummary; scores: ImageScore[]; work?: WorkSummary }> {
  const { autoSide, dictionary } = options;
  await warmUp(run.engine, setDirectory, truth);
  run.engine.takeWork?.();
  const scores: ImageScore[] = [];
  const work: ImageWork[] = [];
  for (const image of truth.images) {
    const bytes = await readFile(join(setDirectory, image.file));
    const started = performance.now();
    const answer = await run.engine.recognize(bytes, autoSide ? undefined : image.side);
    const score = scoreImage(image, answer, performance.now() - started);
    scores.push(score);
    const profiles = run.engine.takeWork?.();
    if (profiles) work.push({ faces: score.faces, profiles });
  }
  // maxRSS is in kibibytes.
  const peakRssMiB = run.engine.peakRssMiB?.() ?? process.resourceUsage().maxRSS / 1024;
  const summary = summarize(run.engine.name, scores, peakRssMiB);
  return {
    summary: {
      ...summary,
      ...summarizeSlices(scores, truth),
      unspellable: summarizeUnspellable(scores, dictionary),
    },
    scores,
    ...(run.engine.takeWork ? { work: summarizeWork(work) } : {}),
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      engine: { type: 'string' },
      http: { type: 'string' },
      token: { type: 'string' },
      out: { type: 'string' },
      'auto-side': { type: 'boolean', default: false },
      limit: { type: 'string' },
      rec: { type: 'string', default: DEFAULT_RECOGNIZER },
      'single-reader': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const setArgument = positionals[0];
  if (values.help || setArgument === undefined || positionals.length > 1) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const setDirectory = resolve(setArgument);
  const truth = await readGroundTruth(setDirectory);
  if (values.limit !== undefined) truth.images = truth.images.slice(0, Number(values.limit));

  // With --http alone, only the server is measured; --engine adds in-process engines to it.
  const engineNames =
    values.engine ??
    (values.http === undefined ? BENCH_ENGINES.map((engine) => engine.name).join(',') : 'none');
  const wanted = engineNames === 'none' ? [] : engineNames.split(',');
  const unknown = wanted.filter((name) => !BENCH_ENGINES.some((engine) => engine.name === name));
  if (unknown.length > 0) throw new Error(`unknown engine(s): ${unknown.join(', ')}`);

  const recognizer = values.rec as RecognizerId;
  if (!RECOGNIZERS.includes(recognizer)) throw new Error(`unknown recogniser: ${values.rec}`);
  const models = await resolveModelSet(recognizer, undefined, {
    firstReader: !values['single-reader'],
  });
  console.log(`models: ${Object.values(models.names).join('; ')}`);
  if (models.fallbackReason) console.log(models.fallbackReason);
  // The local engine's recogniser dictionary, whatever engine is measured: the values it cannot
  // spell are out of any engine's reach that uses it.
  const dictionary = dictionaryOf(await readDictionary(models));
  const results: {
    engine: string;
    summary: EngineSummary;
    work?: WorkSummary;
    images: ImageScore[];
  }[] = [];
  const runOne = async (run: Run) => {
    try {
      const { summary, scores, work } = await measure(run, setDirectory, truth, {
        autoSide: values['auto-side'],
        dictionary,
      });
      console.log(`${formatSummary(summary, run.description)}\n`);
      if (work) console.log(`${formatWorkSummary(work)}\n`);
      results.push({ engine: run.engine.name, summary, ...(work ? { work } : {}), images: scores });
    } finally {
      await run.engine.close();
    }
  };
  console.log(`set ${setDirectory}: ${truth.images.length} images\n`);
  for (const factory of BENCH_ENGINES.filter((engine) => wanted.includes(engine.name))) {
    const missing = factory.unavailable?.() ?? null;
    if (missing !== null) {
      // Asked for by name it must run; in the default list it is left out with a word why.
      if (values.engine !== undefined) throw new Error(`${factory.name}: ${missing}`);
      console.log(`== ${factory.name}: skipped, ${missing}\n`);
      continue;
    }
    await runOne({
      description: factory.description,
      engine: await factory.create({ models, recognizer, profile: values.profile }),
    });
  }
  if (values.http !== undefined) {
    await runOne({
      description: 'through the HTTP API',
      engine: createHttpEngine(values.http, values.token),
    });
  }

  const out = resolve(
    values.out ??
      join('bench-results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
  );
  await mkdir(dirname(out), { recursive: true });
  const report = {
    set: setDirectory,
    reference_date: truth.reference_date,
    auto_side: values['auto-side'],
    engines: results,
  };
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`per-image results: ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
