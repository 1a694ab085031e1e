import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../../src/idcard/card-dates.ts';
import { GROUND_TRUTH_FILE, type GroundTruth } from '../card-set/ground-truth.ts';
import { DEFAULT_REFERENCE_DATE } from '../card-set/reference-date.ts';
import {
  CONDITION_NAMES,
  type ConditionName,
  IMAGE_FORMATS,
  type ImageFormat,
  ON_DEMAND_CONDITIONS,
} from './capture-conditions.ts';
import { DIGIT_FALLBACK_FONT } from './card-face-svg.ts';
import { type CardImageRequest, makeCardImage } from './card-image.ts';
import { assertFontsDraw, assertFontsInstalled } from './font-check.ts';
import { createCoverageCache } from './font-coverage.ts';
import { createSceneRenderer } from './scene-renderer.ts';
import {
  DEFAULT_FAMILIES,
  FAMILY_NAMES,
  type FamilyName,
  familyFonts,
  familyWording,
  HELD_BACK_FAMILY,
} from './style-families.ts';

const USAGE = `Usage: npm run generate -- --out DIR [--seed N] [--count N] [--conditions a,b|all]
                                     [--family a,b] [--today YYYY-MM-DD]

Writes synthetic ID-card images and ${GROUND_TRUTH_FILE} into DIR.
  --seed        seed of the whole set (default 1); the same seed gives the same set
  --count       number of images (default: one per condition and side)
  --conditions  comma-separated condition names (default: all but ${ON_DEMAND_CONDITIONS.join(', ')});
                "all" includes them. Known: ${CONDITION_NAMES.join(', ')}
  --family      style families to print in (default: ${DEFAULT_FAMILIES.join(', ')});
                "${HELD_BACK_FAMILY}" makes the held-back set. Known: ${FAMILY_NAMES.join(', ')}
  --today       reference date the cards are made for (default ${DEFAULT_REFERENCE_DATE})`;

/** Flat scans take each file format in turn, so any set of a few scans covers all of them. */
const SCAN_FORMATS: readonly ImageFormat[] = ['png', 'bmp', 'tiff', 'jpeg'];

function parseConditions(text: string | undefined): ConditionName[] {
  if (text === undefined) {
    return CONDITION_NAMES.filter((name) => !ON_DEMAND_CONDITIONS.includes(name));
  }
  if (text === 'all') return [...CONDITION_NAMES];
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(CONDITION_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown condition(s): ${unknown.join(', ')}`);
  return names as ConditionName[];
}

function parseFamilies(text: string | undefined): FamilyName[] {
  if (text === undefined) return [...DEFAULT_FAMILIES];
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(FAMILY_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown style family(ies): ${unknown.join(', ')}`);
  return names as FamilyName[];
}

function parsePositiveInteger(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`--${option} must be a whole number, got ${JSON.stringify(text)}`);
  }
  return value;
}

type ConditionSide = { condition: ConditionName; side: CardImageRequest['side'] };

/** Every condition with each side it applies to, in order; the set cycles through this list. */
function conditionSides(conditions: readonly ConditionName[]): ConditionSide[] {
  return conditions.flatMap((condition): ConditionSide[] =>
    condition === 'photocopy-double'
      ? [{ condition, side: 'double_side' as const }]
      : (['front', 'back'] as const).map((side) => ({ condition, side })),
  );
}

function fileExtension(format: ImageFormat): string {
  return format === 'jpeg' ? 'jpg' : format === 'tiff' ? 'tif' : format;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      count: { type: 'string' },
      out: { type: 'string' },
      conditions: { type: 'string' },
      family: { type: 'string' },
      today: { type: 'string', default: DEFAULT_REFERENCE_DATE },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help || values.out === undefined) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const seed = parsePositiveInteger(values.seed, 'seed');
  const today = values.today;
  if (!isIsoDate(today)) throw new Error(`--today must be YYYY-MM-DD, got ${today}`);
  const plan = conditionSides(parseConditions(values.conditions));
  const families = parseFamilies(values.family);
  const count =
    values.count === undefined ? plan.length : parsePositiveInteger(values.count, 'count');
  const outDirectory = resolve(values.out);
  await mkdir(outDirectory, { recursive: true });

  assertFontsInstalled([...familyFonts(families), DIGIT_FALLBACK_FONT]);
  const coverage = createCoverageCache();
  assertFontsDraw(familyWording(families), coverage);
  const renderer = await createSceneRenderer();
  const truth: GroundTruth = {
    version: 1,
    generator: `npm run generate -- --seed ${seed} --count ${count} --conditions ${[...new Set(plan.map((entry) => entry.condition))].join(',')} --family ${families.join(',')} --today ${today}`,
    seed,
    reference_date: today,
    images: [],
  };
  let scans = 0;
  const started = performance.now();
  try {
    for (let index = 0; index < count; index++) {
      const entry = plan[index % plan.length];
      if (entry === undefined) throw new Error('no conditions to generate');
      const format =
        entry.condition === 'flat-scan' ? SCAN_FORMATS[scans++ % SCAN_FORMATS.length] : undefined;
      const request: CardImageRequest = {
        seed,
        index,
        condition: entry.condition,
        side: entry.side,
        format: format ?? IMAGE_FORMATS[0],
        today,
        families,
      };
      const image = await makeCardImage(renderer, request, coverage);
      const file = `${String(index).padStart(3, '0')}-${entry.condition}-${entry.side}.${fileExtension(image.truth.format)}`;
      await writeFile(join(outDirectory, file), image.bytes);
      truth.images.push({ file, ...image.truth });
      console.log(
        `${file}  ${image.truth.width}x${image.truth.height}  ${(image.bytes.length / 1024).toFixed(0)} KiB`,
      );
    }
  } finally {
    await renderer.close();
  }
  await writeFile(join(outDirectory, GROUND_TRUTH_FILE), `${JSON.stringify(truth, null, 2)}\n`);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${count} images in ${seconds.toFixed(1)} s -> ${outDirectory}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
