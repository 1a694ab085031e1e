import type { Quad } from '../../src/idcard/api-contract.ts';
import type { ScenePlan, Surface } from './capture-conditions.ts';
import { CARD_MM } from './card-layout.ts';
import { cssMatrix3d, projectCard, rectToQuad } from './geometry.ts';
import type { SeededRandom } from './seeded-random.ts';

const CARD_ASPECT = CARD_MM.width / CARD_MM.height;

/** SVG turbulence texture over the whole frame; `tint` is a feColorMatrix row set. */
function turbulence(
  random: SeededRandom,
  baseFrequency: string,
  opacity: number,
  tint = '0 0 0 0 0.5  0 0 0 0 0.5  0 0 0 0 0.5  0 0 0 1 0',
): string {
  const id = `texture-${random.int(0, 1e9)}`;
  return [
    '<svg style="position:absolute;inset:0;width:100%;height:100%">',
    `<filter id="${id}"><feTurbulence type="fractalNoise" baseFrequency="${baseFrequency}" numOctaves="3" seed="${random.int(1, 9999)}"/><feColorMatrix type="matrix" values="${tint}"/></filter>`,
    `<rect width="100%" height="100%" filter="url(#${id})" opacity="${opacity}"/>`,
    '</svg>',
  ].join('');
}

function surfaceLayer(surface: Surface, random: SeededRandom): string {
  const layer = (background: string, texture: string) =>
    `<div style="position:absolute;inset:0;background:${background}">${texture}</div>`;
  switch (surface) {
    case 'scanner':
      return layer('linear-gradient(180deg,#fbfbfa,#f1f1ef)', turbulence(random, '0.9', 0.05));
    case 'scanner-white':
      return layer('#fdfdfd', turbulence(random, '0.9', 0.03));
    case 'scanner-grey': {
      const grey = random.int(206, 228);
      return layer(`rgb(${grey} ${grey} ${grey + 2})`, turbulence(random, '0.9', 0.04));
    }
    case 'paper':
      return layer('#f6f5f1', turbulence(random, '0.6', 0.08));
    case 'wood': {
      const hue = random.int(20, 34);
      const light = random.int(38, 58);
      return layer(
        `linear-gradient(${random.int(-6, 6)}deg,hsl(${hue} 45% ${light}%),hsl(${hue + 4} 50% ${light - 8}%))`,
        // Stretched turbulence reads as grain.
        turbulence(
          random,
          '0.004 0.12',
          0.55,
          '0 0 0 0 0.35  0 0 0 0 0.2  0 0 0 0 0.1  0 0 0 1.2 -0.2',
        ),
      );
    }
    case 'laminate':
      return layer(
        `hsl(${random.int(30, 60)} ${random.int(5, 20)}% ${random.int(72, 88)}%)`,
        turbulence(random, '0.35', 0.12),
      );
    case 'cloth':
      return layer(
        `hsl(${random.pick([215, 0, 140, 30])} ${random.int(10, 35)}% ${random.int(18, 40)}%)`,
        turbulence(random, '1.4 1.1', 0.3),
      );
    case 'dark-desk':
      return layer(`hsl(220 6% ${random.int(10, 20)}%)`, turbulence(random, '0.5', 0.2));
  }
}

function transformed(quad: Quad, widthPx: number, heightPx: number, inner: string, style = '') {
  const matrix = cssMatrix3d(rectToQuad(widthPx, heightPx, quad));
  return `<div style="position:absolute;left:0;top:0;width:${widthPx}px;height:${heightPx}px;transform-origin:0 0;transform:${matrix};${style}">${inner}</div>`;
}

export type SceneCard = { face: 'front' | 'back'; svg: string; widthPx: number; quad: Quad };

/** Lays out the cards of `plan`: their size on the page and where their corners land. */
export function sceneCards(
  plan: ScenePlan,
  svgFor: (face: 'front' | 'back', widthPx: number) => string,
) {
  return plan.cards.map(({ face, pose }): SceneCard => {
    const widthPx = Math.round(pose.apparentWidth);
    return {
      face,
      widthPx,
      svg: svgFor(face, widthPx),
      quad: projectCard(pose, CARD_ASPECT, plan.width, plan.height, plan.focal),
    };
  });
}

/** The page that Chromium photographs: surface, cards in perspective, light. */
export function sceneHtml(plan: ScenePlan, cards: readonly SceneCard[], random: SeededRandom) {
  const layers: string[] = [surfaceLayer(plan.surface, random)];
  for (const card of cards) {
    const heightPx = card.widthPx / CARD_ASPECT;
    const radius = (CARD_MM.cornerRadius / CARD_MM.width) * card.widthPx;
    if (plan.castShadow) {
      const dx = random.float(-0.012, 0.012) * card.widthPx;
      const dy = random.float(0.004, 0.02) * card.widthPx;
      const shifted = card.quad.map(([x, y]) => [x + dx, y + dy]) as unknown as Quad;
      layers.push(
        transformed(
          shifted,
          card.widthPx,
          heightPx,
          '',
          `border-radius:${radius}px;background:rgba(0,0,0,0.35);filter:blur(${(card.widthPx * 0.012).toFixed(1)}px)`,
        ),
      );
    }
    const glare = plan.light.glare;
    const glareLayer = glare
      ? `<div style="position:absolute;inset:0;background:radial-gradient(ellipse ${(glare.radius * 100).toFixed(1)}% ${(glare.radius * 120).toFixed(1)}% at ${(glare.u * 100).toFixed(1)}% ${(glare.v * 100).toFixed(1)}%,rgba(255,255,255,${glare.strength}) 0%,rgba(255,255,255,${(glare.strength * 0.85).toFixed(2)}) 35%,rgba(255,255,255,0) 100%)"></div>`
      : '';
    layers.push(
      transformed(
        card.quad,
        card.widthPx,
        heightPx,
        `${card.svg}${glareLayer}`,
        `border-radius:${radius}px;overflow:hidden${plan.outline ? ';box-shadow:0 0 0 1.5px rgba(60,60,60,0.8)' : ''}`,
      ),
    );
  }
  const { uneven, shadow, cast } = plan.light;
  layers.push(
    `<div style="position:absolute;inset:0;background:${cast};mix-blend-mode:multiply"></div>`,
  );
  if (uneven) {
    layers.push(
      `<div style="position:absolute;inset:0;background:linear-gradient(${uneven.angleDeg.toFixed(0)}deg,rgba(255,255,255,${(uneven.strength * 0.2).toFixed(2)}) 0%,rgba(0,0,0,0) 35%,rgba(0,0,0,${uneven.strength.toFixed(2)}) 100%)"></div>`,
    );
  }
  const firstCard = cards[0];
  if (shadow && firstCard) {
    // A half-plane of shade whose edge crosses the card near its centre, like a hand or a phone
    // held between the lamp and the card.
    const centreX = firstCard.quad.reduce((sum, [x]) => sum + x, 0) / 4;
    const centreY = firstCard.quad.reduce((sum, [, y]) => sum + y, 0) / 4;
    const reach = 2 * Math.max(plan.width, plan.height);
    layers.push(
      `<div style="position:absolute;left:${centreX.toFixed(0)}px;top:${centreY.toFixed(0)}px;width:0;height:0;transform:rotate(${shadow.angleDeg.toFixed(0)}deg);transform-origin:0 0"><div style="position:absolute;left:${(shadow.offset * firstCard.widthPx).toFixed(0)}px;top:${-reach}px;width:${reach}px;height:${2 * reach}px;background:rgba(10,10,20,${shadow.strength.toFixed(2)});filter:blur(${shadow.softness.toFixed(0)}px)"></div></div>`,
    );
  }
  return [
    '<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;overflow:hidden}</style></head><body>',
    `<div id="scene" style="position:relative;width:${plan.width}px;height:${plan.height}px;overflow:hidden">`,
    ...layers,
    '</div></body></html>',
  ].join('');
}
