import type { IsoDate } from '../../src/idcard/card-dates.ts';
import type { GroundTruthImage } from '../card-set/ground-truth.ts';
import {
  type ConditionName,
  conditionParams,
  type ImageFormat,
  planScene,
} from './capture-conditions.ts';
import { backFaceSvg, frontFaceSvg } from './card-face-svg.ts';
import { randomCardStyle } from './card-style.ts';
import { scaleQuad } from './geometry.ts';
import { layoutParams, randomLayoutVariation } from './layout-variation.ts';
import type { CanDraw } from './names.ts';
import { overlayRecord, overlaySvg, planOverlays } from './overlays.ts';
import {
  backFields,
  backPrint,
  frontFields,
  frontPrint,
  type Person,
  randomPerson,
} from './person.ts';
import { postProcess } from './post-process.ts';
import { sceneCards, sceneHtml } from './scene-html.ts';
import type { SceneRenderer } from './scene-renderer.ts';
import { createRandom } from './seeded-random.ts';
import { highestLevel } from './standard-characters.ts';
import { drawFamily, type FamilyName } from './style-families.ts';

export type CardImageRequest = {
  seed: number;
  index: number;
  condition: ConditionName;
  side: 'front' | 'back' | 'double_side';
  /** Used where the condition leaves the format open (flat scans). */
  format: ImageFormat;
  today: IsoDate;
  /** The style families this image's family is drawn from. */
  families: readonly FamilyName[];
};

export type CardImage = {
  bytes: Buffer;
  /** Ground-truth entry without `file`, which the caller names. */
  truth: Omit<GroundTruthImage, 'file'>;
};

/**
 * Characters of the printed values the value typeface lacks (place names such as 鄠), which
 * Chromium draws in another face; recorded so a failure can be traced to it.
 */
function fallbackCharacters(person: Person, valueDraws: CanDraw): { fallback_characters?: string } {
  const printed = `${person.ethnicity}${person.address}${person.issue}`;
  const missing = [...new Set(printed)].filter(
    (character) => character > '~' && !valueDraws(character),
  );
  return missing.length === 0 ? {} : { fallback_characters: missing.join('') };
}

/**
 * Makes one image: a person, their card printed in a style of one of the requested families and
 * perhaps marked over, a scene for the condition, photographed by Chromium and finished in
 * post-processing. Every random choice draws from a
 * stream of (seed, index, purpose), so the image depends on nothing else in the set.
 */
export async function makeCardImage(
  renderer: SceneRenderer,
  request: CardImageRequest,
  coverage: (font: string) => CanDraw,
): Promise<CardImage> {
  const stream = (purpose: string) => createRandom(request.seed, request.index, purpose);
  const family = drawFamily(stream('family'), request.families);
  const style = randomCardStyle(stream('style'), family);
  const valueDraws = coverage(style.valueFont);
  const person = randomPerson(stream('person'), request.today, valueDraws);
  const variation = randomLayoutVariation(stream('layout'), family);
  const face = request.side === 'back' ? 'back' : 'front';
  const plan = planScene(stream('scene'), request.condition, face, request.format);
  const art = stream('art');
  const marks: ReturnType<typeof overlayRecord>[] = [];
  const cards = sceneCards(plan, (cardFace, widthPx) => {
    const overlays = planOverlays(
      stream(`overlay-${cardFace}`),
      family,
      request.condition,
      cardFace,
      variation,
    );
    marks.push(...overlays.map((overlay) => overlayRecord(overlay, cardFace)));
    const extras = {
      overlay: overlaySvg(overlays, stream(`ink-${cardFace}`), cardFace),
      wash: plan.cardWash,
    };
    return cardFace === 'front'
      ? frontFaceSvg(frontPrint(person), style, variation, art, widthPx, extras)
      : backFaceSvg(
          backPrint(person, variation.dateJoiner),
          style,
          variation,
          art,
          widthPx,
          extras,
        );
  });
  const screenshot = await renderer.render(
    sceneHtml(plan, cards, stream('light')),
    plan.width,
    plan.height,
  );
  const image = await postProcess(screenshot, plan, stream('noise'));
  const expected =
    request.side === 'double_side'
      ? { front: frontFields(person), back: backFields(person) }
      : request.side === 'front'
        ? frontFields(person)
        : backFields(person);
  const round = (quad: (typeof cards)[number]['quad']) =>
    scaleQuad(quad, plan.post.outputScale).map(([x, y]) => [
      Math.round(x * 10) / 10,
      Math.round(y * 10) / 10,
    ]) as unknown as typeof quad;
  return {
    bytes: image.bytes,
    truth: {
      side: request.side,
      format: plan.format,
      width: image.width,
      height: image.height,
      bytes: image.bytes.length,
      family: family.name,
      condition: {
        name: request.condition,
        params: conditionParams(plan),
        ...(marks.length > 0 ? { overlays: marks } : {}),
      },
      layout: layoutParams(variation),
      rendering: {
        value_font: style.valueFont,
        label_font: style.labelFont,
        number_font: style.numberFont,
        title_font: style.titleFont,
        ...fallbackCharacters(person, valueDraws),
      },
      ...(request.side === 'back' ? {} : { name_level: highestLevel(person.name) }),
      expected,
      cards: cards.map((card) => ({ face: card.face, corners: round(card.quad) })),
    },
  };
}
