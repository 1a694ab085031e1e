import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { isIsoDate } from '../../../src/idcard/card-dates.ts';
import { GROUND_TRUTH_FILE, type GroundTruth } from '../../card-set/ground-truth.ts';
import { DEFAULT_REFERENCE_DATE } from '../../card-set/reference-date.ts';
import type { CanDraw } from '../../generate-cards/names.ts';
import {
  backFields,
  backPrint,
  frontFields,
  frontPrint,
  type Person,
  randomPerson,
} from '../../generate-cards/person.ts';
import { createRandom } from '../../generate-cards/seeded-random.ts';
import { onFormPage } from './form-page.ts';
import { captureFace, TEMPLATE_CONDITIONS } from './template-captures.ts';
import { markFace } from './template-marks.ts';

/**
 * `npm run generate:template -- --out DIR`: cards printed by another maker's renderer, a judge
 * the engine was never tuned on. The faces are drawn on the blank card template of the
 * `idcardgenerator` package from PyPI (its scan of a card, its fonts, places and type sizes),
 * in a virtual environment in `.peers/template-cards` (git-ignored), for people made up as the
 * generator makes them; each face is then captured under one of `TEMPLATE_CONDITIONS`.
 */

const USAGE = `Usage: npm run generate:template -- --out DIR [--seed N] [--count N] [--today YYYY-MM-DD]
                                             [--marks] [--on-form]

Writes 2 x count images (each person's portrait and emblem side) and ${GROUND_TRUTH_FILE} into DIR.
  --seed   seed of the whole set (default 1)
  --count  people (default ${TEMPLATE_CONDITIONS.length})
  --today  reference date the cards are made for (default ${DEFAULT_REFERENCE_DATE})
  --marks  stamp, write and watermark over most faces before capture, as the generator marks
           its photocopies (recorded in the ground truth, so the bench slices by them)
  --on-form copy each face onto a printed form, whose lines stand around the card, and
           capture the form (condition parameter on_form)`;

const VENV = fileURLToPath(new URL('../../../.peers/template-cards', import.meta.url));
const PYTHON = `${VENV}/bin/python`;
const PACKAGES = ['idcardgenerator==0.0.2', 'pillow==13.0.0', 'fonttools==4.60.1'];
const DRAW_SCRIPT = fileURLToPath(new URL('./render-template-faces.py', import.meta.url));
const CHARSET_SCRIPT = fileURLToPath(new URL('./template-charset.py', import.meta.url));
/** The margin of desk left around each face the drawing script cuts out, in template pixels. */
const FACE_MARGIN_PX = 60;
/** The template has room for three address lines of eleven characters above the number. */
const MAX_ADDRESS_LENGTH = 33;

function setUp(): void {
  if (!existsSync(PYTHON)) execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  execFileSync(PYTHON, ['-m', 'pip', 'install', '--quiet', ...PACKAGES], { stdio: 'inherit' });
}

/** Whether the template's value typeface draws a character (`template-charset.py`). */
function templateCanDraw(): CanDraw {
  const points: number[] = JSON.parse(execFileSync(PYTHON, [CHARSET_SCRIPT], { encoding: 'utf8' }));
  const drawn = new Set(points);
  return (character) => drawn.has(character.codePointAt(0) ?? -1);
}

/**
 * The `index`-th person, drawn as the generator draws them, whose address fits the template and
 * whose name, address and authority its typeface draws whole (it has no fallback).
 */
function personFor(seed: number, index: number, today: string, canDraw: CanDraw): Person {
  for (let attempt = 0; ; attempt++) {
    const person = randomPerson(
      createRandom(seed, index, attempt, 'template-person'),
      today,
      canDraw,
    );
    const printed = Array.from(`${person.name}${person.address}${person.issue}`);
    if (Array.from(person.address).length <= MAX_ADDRESS_LENGTH && printed.every(canDraw)) {
      return person;
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      count: { type: 'string', default: String(TEMPLATE_CONDITIONS.length) },
      today: { type: 'string', default: DEFAULT_REFERENCE_DATE },
      marks: { type: 'boolean', default: false },
      'on-form': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help || values.out === undefined) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const seed = Number(values.seed);
  const count = Number(values.count);
  const today = values.today;
  if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 1) {
    throw new Error('--seed and --count must be whole numbers, --count at least 1');
  }
  if (!isIsoDate(today)) throw new Error(`--today must be YYYY-MM-DD, got ${today}`);
  setUp();
  const out = resolve(values.out);
  await mkdir(out, { recursive: true });
  const canDraw = templateCanDraw();
  const people = Array.from({ length: count }, (_, index) =>
    personFor(seed, index, today, canDraw),
  );
  const work = await mkdtemp(join(tmpdir(), 'template-cards-'));
  try {
    const prints = people.map((person) => ({
      ...frontPrint(person),
      address: person.address,
      ...backPrint(person),
    }));
    await writeFile(join(work, 'prints.json'), JSON.stringify(prints));
    execFileSync(PYTHON, [DRAW_SCRIPT, join(work, 'prints.json'), work, String(FACE_MARGIN_PX)], {
      stdio: 'inherit',
    });
    const truth: GroundTruth = {
      version: 1,
      generator: `npm run generate:template -- --seed ${seed} --count ${count} --today ${today}${values.marks ? ' --marks' : ''}${values['on-form'] ? ' --on-form' : ''} (${PACKAGES.join(', ')})`,
      seed,
      reference_date: today,
      images: [],
    };
    for (const [index, person] of people.entries()) {
      for (const [k, side] of (['front', 'back'] as const).entries()) {
        const random = createRandom(seed, index, side, 'template-capture');
        const condition =
          TEMPLATE_CONDITIONS[(2 * index + k) % TEMPLATE_CONDITIONS.length] ?? 'scan';
        const number = String(index).padStart(3, '0');
        const drawn = await readFile(join(work, `${number}-${side}.png`));
        const marked = values.marks
          ? await markFace(
              drawn,
              side,
              FACE_MARGIN_PX,
              createRandom(seed, index, side, 'template-marks'),
              createRandom(seed, index, side, 'template-ink'),
            )
          : { bytes: drawn, marks: [] };
        const copied = values['on-form']
          ? await onFormPage(
              marked.bytes,
              FACE_MARGIN_PX,
              createRandom(seed, index, side, 'template-form'),
            )
          : marked.bytes;
        const capture = await captureFace(copied, condition, random);
        const file = `${number}-${condition}-${side}.${capture.format === 'jpeg' ? 'jpg' : 'png'}`;
        await writeFile(join(out, file), capture.bytes);
        const { width = 0, height = 0 } = await sharp(capture.bytes).metadata();
        truth.images.push({
          file,
          side,
          format: capture.format,
          width,
          height,
          bytes: capture.bytes.length,
          family: 'template',
          condition: {
            name: condition,
            params: values['on-form'] ? { on_form: true } : {},
            ...(marked.marks.length > 0 ? { overlays: marked.marks } : {}),
          },
          expected: side === 'front' ? frontFields(person) : backFields(person),
          cards: [],
        });
      }
    }
    await writeFile(join(out, GROUND_TRUTH_FILE), `${JSON.stringify(truth, null, 2)}\n`);
    console.log(`${truth.images.length} images -> ${out}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
