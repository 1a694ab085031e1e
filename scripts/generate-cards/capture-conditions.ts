import { CARD_MM } from './card-layout.ts';
import { type CardPose, projectCard, quadArea, quadBounds } from './geometry.ts';
import type { SeededRandom } from './seeded-random.ts';

/** Ways a clerk's image of a card comes about; each image names one in its ground truth. */
export const CONDITION_NAMES = [
  'flat-scan',
  'pale-scan',
  'desk-perspective',
  'rotation-small',
  'rotation-large',
  'uneven-light',
  'shadow',
  'glare',
  'defocus',
  'motion-blur',
  'noise',
  'jpeg-quality',
  'low-resolution',
  'small-in-frame',
  'photocopy-double',
  'large-photo',
] as const;
export type ConditionName = (typeof CONDITION_NAMES)[number];

/** Made only on request: each is over 10 MB, too big to commit. */
export const ON_DEMAND_CONDITIONS: readonly ConditionName[] = ['large-photo'];

export const IMAGE_FORMATS = ['jpeg', 'png', 'bmp', 'tiff'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export type Surface =
  | 'scanner'
  | 'scanner-white'
  | 'scanner-grey'
  | 'wood'
  | 'laminate'
  | 'cloth'
  | 'paper'
  | 'dark-desk';

export type PlacedFace = { face: 'front' | 'back'; pose: CardPose };

/** Everything the renderer and the post-processing need to make one image. */
export type ScenePlan = {
  condition: ConditionName;
  /** Render size; the output may be scaled by `post.outputScale`. */
  width: number;
  height: number;
  focal: number;
  surface: Surface;
  cards: PlacedFace[];
  /** Soft shadow the card casts on the surface (photos only). */
  castShadow: boolean;
  /** A thin dark edge around the card, as the card's thickness prints on a photocopy. */
  outline: boolean;
  /** 0-1: how far the card's tint and art are washed to white (an over-exposed scan). */
  cardWash: number;
  light: {
    /** Darkening gradient: direction in degrees, strength 0-1 at the dark end. */
    uneven?: { angleDeg: number; strength: number };
    /** A soft-edged dark shape across part of the card. */
    shadow?: { angleDeg: number; offset: number; strength: number; softness: number };
    /** Specular highlight on the card: position in card fractions, radius in card widths. */
    glare?: { u: number; v: number; radius: number; strength: number };
    /** Colour cast of the light, CSS colour multiplied over the scene. */
    cast: string;
  };
  post: {
    /** Gaussian blur of the whole frame (sigma, pixels at render size); under 0.3 is none. */
    defocusPx: number;
    motionBlur?: { lengthPx: number; angleDeg: number };
    noiseSigma: number;
    grayscale: boolean;
    /** Contrast stretch for photocopies: 1 = none. */
    contrast: number;
    outputScale: number;
  };
  format: ImageFormat;
  jpegQuality: number;
};

const CARD_ASPECT = CARD_MM.width / CARD_MM.height;

/** A phone camera's field of view: focal length about 0.8 of the image's long side (26 mm). */
const PHONE_FOCAL_RATIO = 0.8;

type Frame = { width: number; height: number };

function phoneFrame(longSide: number, portrait: boolean): Frame {
  const shortSide = Math.round((longSide * 3) / 4);
  return portrait ? { width: shortSide, height: longSide } : { width: longSide, height: shortSide };
}

/**
 * Places a card so that all of it is inside the frame with a margin, shrinking it until it fits.
 */
function placeCard(
  random: SeededRandom,
  frame: Frame,
  focal: number,
  face: 'front' | 'back',
  pose: Omit<CardPose, 'centreX' | 'centreY' | 'apparentWidth'>,
  widthFraction: number,
): PlacedFace {
  const margin = 0.03 * Math.min(frame.width, frame.height);
  // A fraction of the frame's long side: a card turned sideways may fill a portrait frame.
  let apparentWidth = widthFraction * Math.max(frame.width, frame.height);
  for (let attempt = 0; attempt < 40; attempt++) {
    const candidate: CardPose = {
      ...pose,
      apparentWidth,
      centreX: frame.width * random.float(0.35, 0.65),
      centreY: frame.height * random.float(0.35, 0.65),
    };
    const bounds = quadBounds(
      projectCard(candidate, CARD_ASPECT, frame.width, frame.height, focal),
    );
    const fits =
      bounds.left >= margin &&
      bounds.top >= margin &&
      bounds.right <= frame.width - margin &&
      bounds.bottom <= frame.height - margin;
    if (fits) return { face, pose: candidate };
    apparentWidth *= 0.95;
  }
  throw new Error(`cannot fit a card into ${frame.width}x${frame.height}`);
}

const PHOTO_SURFACES: readonly Surface[] = ['wood', 'laminate', 'cloth', 'paper', 'dark-desk'];

type PhotoOptions = {
  longSide?: number;
  rollDeg?: number;
  tiltDeg?: number;
  widthFraction?: number;
};

/** An ordinary phone photo of one card on a desk; conditions then push one property further. */
function phonePhoto(
  random: SeededRandom,
  condition: ConditionName,
  face: 'front' | 'back',
  options: PhotoOptions = {},
): ScenePlan {
  const rollDeg = options.rollDeg ?? random.float(-4, 4);
  const sideways = Math.abs(((rollDeg % 180) + 180) % 180) - 90;
  const frame = phoneFrame(options.longSide ?? 1280, Math.abs(sideways) < 30);
  const focal = PHONE_FOCAL_RATIO * Math.max(frame.width, frame.height);
  const tilt = options.tiltDeg ?? 8;
  const card = placeCard(
    random,
    frame,
    focal,
    face,
    {
      rollDeg,
      pitchDeg: random.float(-tilt, tilt),
      yawDeg: random.float(-tilt, tilt),
    },
    options.widthFraction ?? random.float(0.6, 0.85),
  );
  return {
    condition,
    ...frame,
    focal,
    surface: random.pick(PHOTO_SURFACES),
    cards: [card],
    castShadow: true,
    outline: false,
    cardWash: 0,
    light: {
      uneven: { angleDeg: random.float(0, 360), strength: random.float(0, 0.15) },
      cast: random.pick(['#fff8ee', '#f4f7ff', '#ffffff', '#fff3e0']),
    },
    post: {
      defocusPx: random.float(0, 0.6),
      noiseSigma: random.float(1.5, 4),
      grayscale: false,
      contrast: 1,
      outputScale: 1,
    },
    format: 'jpeg',
    jpegQuality: random.int(85, 95),
  };
}

function flatScan(random: SeededRandom, face: 'front' | 'back', format: ImageFormat): ScenePlan {
  // A 250-300 dpi scan of the card's area with a little of the scanner bed around it.
  const width = random.int(880, 1100);
  const height = Math.round(width * random.float(0.68, 0.78));
  const card = placeCard(
    random,
    { width, height },
    width * 1000,
    face,
    { rollDeg: random.float(-1.5, 1.5), pitchDeg: 0, yawDeg: 0 },
    random.float(0.85, 0.92),
  );
  return {
    condition: 'flat-scan',
    width,
    height,
    focal: width * 1000,
    surface: 'scanner',
    cards: [card],
    castShadow: false,
    outline: false,
    cardWash: 0,
    light: { cast: '#ffffff' },
    post: {
      defocusPx: 0,
      noiseSigma: random.float(0.5, 1.5),
      grayscale: false,
      contrast: 1,
      outputScale: 1,
    },
    format,
    jpegQuality: random.int(88, 95),
  };
}

/**
 * A white-looking card on a white or light grey scanner bed: the scanner's exposure washes the
 * card's tint out, so its edge against the bed is faint.
 */
function paleScan(random: SeededRandom, face: 'front' | 'back', format: ImageFormat): ScenePlan {
  const scan = flatScan(random, face, format);
  return {
    ...scan,
    condition: 'pale-scan',
    surface: random.chance(0.5) ? 'scanner-white' : 'scanner-grey',
    cardWash: random.float(0.7, 0.92),
    format: random.chance(0.5) ? 'png' : 'jpeg',
  };
}

function photocopyPage(random: SeededRandom): ScenePlan {
  // An A4 page (210 x 297 mm) scanned at about 150 dpi, the two faces one above the other.
  const width = 1240;
  const height = 1754;
  const focal = width * 1000;
  const cardWidth = (CARD_MM.width / 210) * width;
  const centreX = width * random.float(0.42, 0.58);
  const cards: PlacedFace[] = (['front', 'back'] as const).map((face, index) => ({
    face,
    pose: {
      centreX: centreX + random.float(-20, 20),
      centreY: height * (0.25 + index * 0.3) + random.float(-30, 30),
      apparentWidth: cardWidth,
      rollDeg: random.float(-2, 2),
      pitchDeg: 0,
      yawDeg: 0,
    },
  }));
  return {
    condition: 'photocopy-double',
    width,
    height,
    focal,
    surface: 'paper',
    cards,
    castShadow: false,
    outline: true,
    cardWash: 0,
    light: {
      uneven: { angleDeg: random.float(0, 360), strength: random.float(0, 0.1) },
      cast: '#ffffff',
    },
    post: {
      defocusPx: random.float(0.3, 0.8),
      noiseSigma: random.float(4, 9),
      grayscale: true,
      contrast: random.float(1.1, 1.35),
      outputScale: 1,
    },
    format: random.pick(['jpeg', 'png', 'tiff'] as const),
    jpegQuality: random.int(70, 90),
  };
}

/**
 * Draws a scene for `condition`. `format` is honoured where the condition leaves the format free
 * (flat scans), so a set can cover every format.
 */
export function planScene(
  random: SeededRandom,
  condition: ConditionName,
  face: 'front' | 'back',
  format: ImageFormat,
): ScenePlan {
  switch (condition) {
    case 'flat-scan':
      return flatScan(random, face, format);
    case 'pale-scan':
      return paleScan(random, face, format);
    case 'desk-perspective':
      return {
        ...phonePhoto(random, condition, face, { tiltDeg: 32, rollDeg: random.float(-12, 12) }),
        format: random.chance(0.8) ? 'jpeg' : 'png',
      };
    case 'rotation-small': {
      const rollDeg = random.pick([-1, 1]) * random.float(5, 25);
      return phonePhoto(random, condition, face, { rollDeg });
    }
    case 'rotation-large': {
      const rollDeg = random.chance(0.7)
        ? random.pick([90, 180, 270])
        : random.pick([-1, 1]) * random.float(30, 150);
      return phonePhoto(random, condition, face, {
        rollDeg,
        widthFraction: random.float(0.5, 0.7),
      });
    }
    case 'uneven-light': {
      const scene = phonePhoto(random, condition, face);
      return {
        ...scene,
        light: {
          ...scene.light,
          uneven: { angleDeg: random.float(0, 360), strength: random.float(0.45, 0.75) },
        },
      };
    }
    case 'shadow': {
      const scene = phonePhoto(random, condition, face);
      return {
        ...scene,
        light: {
          ...scene.light,
          shadow: {
            angleDeg: random.float(0, 360),
            offset: random.float(-0.15, 0.2),
            strength: random.float(0.35, 0.6),
            softness: random.float(4, 30),
          },
        },
      };
    }
    case 'glare': {
      const scene = phonePhoto(random, condition, face);
      return {
        ...scene,
        light: {
          ...scene.light,
          glare: {
            u: random.float(0.2, 0.8),
            v: random.float(0.25, 0.75),
            radius: random.float(0.12, 0.28),
            strength: random.float(0.7, 0.95),
          },
        },
      };
    }
    case 'defocus': {
      const scene = phonePhoto(random, condition, face);
      return { ...scene, post: { ...scene.post, defocusPx: random.float(1.6, 3.2) } };
    }
    case 'motion-blur': {
      const scene = phonePhoto(random, condition, face);
      return {
        ...scene,
        post: {
          ...scene.post,
          motionBlur: { lengthPx: random.int(6, 14), angleDeg: random.float(0, 180) },
        },
      };
    }
    case 'noise': {
      const scene = phonePhoto(random, condition, face);
      return {
        ...scene,
        post: { ...scene.post, noiseSigma: random.float(10, 22) },
        jpegQuality: random.int(80, 90),
      };
    }
    case 'jpeg-quality':
      return { ...phonePhoto(random, condition, face), jpegQuality: random.int(40, 60) };
    case 'low-resolution': {
      const scene = phonePhoto(random, condition, face, { widthFraction: random.float(0.7, 0.9) });
      // The card ends up 300-420 px wide, as from an old phone or a thumbnail.
      const targetCardWidth = random.float(300, 420);
      const cardWidth = scene.cards[0]?.pose.apparentWidth ?? scene.width;
      return {
        ...scene,
        post: { ...scene.post, outputScale: targetCardWidth / cardWidth },
        jpegQuality: random.int(70, 90),
      };
    }
    case 'small-in-frame':
      return smallInFrame(random, face);
    case 'photocopy-double':
      return photocopyPage(random);
    case 'large-photo': {
      const scene = phonePhoto(random, condition, face, { longSide: 4000 });
      return {
        ...scene,
        post: { ...scene.post, noiseSigma: random.float(3, 6) },
        format: random.chance(0.5) ? 'png' : 'jpeg',
        jpegQuality: 100,
      };
    }
  }
}

/** The card covers a quarter of the photo or less, taken from further away. */
function smallInFrame(random: SeededRandom, face: 'front' | 'back'): ScenePlan {
  for (let attempt = 0; attempt < 20; attempt++) {
    const scene = phonePhoto(random, 'small-in-frame', face, {
      longSide: 1600,
      widthFraction: random.float(0.3, 0.5),
      tiltDeg: 15,
      rollDeg: random.float(-10, 10),
    });
    const card = scene.cards[0];
    if (card === undefined) continue;
    const quad = projectCard(card.pose, CARD_ASPECT, scene.width, scene.height, scene.focal);
    if (quadArea(quad) <= 0.25 * scene.width * scene.height) return scene;
  }
  throw new Error('could not place a small card');
}

/** The parameters worth recording in the ground truth, flat and rounded. */
export function conditionParams(plan: ScenePlan): Record<string, number | string | boolean> {
  const round = (value: number, digits = 2) => Number(value.toFixed(digits));
  const params: Record<string, number | string | boolean> = { surface: plan.surface };
  const pose = plan.cards[0]?.pose;
  if (pose !== undefined) {
    params.roll_deg = round(pose.rollDeg, 1);
    params.pitch_deg = round(pose.pitchDeg, 1);
    params.yaw_deg = round(pose.yawDeg, 1);
  }
  if (plan.light.uneven) params.uneven_light = round(plan.light.uneven.strength);
  if (plan.light.shadow) params.shadow_strength = round(plan.light.shadow.strength);
  if (plan.light.glare) params.glare_strength = round(plan.light.glare.strength);
  if (plan.post.defocusPx >= 0.3) params.defocus_px = round(plan.post.defocusPx);
  if (plan.post.motionBlur) params.motion_blur_px = plan.post.motionBlur.lengthPx;
  params.noise_sigma = round(plan.post.noiseSigma, 1);
  if (plan.post.grayscale) params.grayscale = true;
  if (plan.cardWash > 0) params.card_wash = round(plan.cardWash);
  if (plan.post.outputScale !== 1) params.output_scale = round(plan.post.outputScale, 3);
  if (plan.format === 'jpeg') params.jpeg_quality = plan.jpegQuality;
  return params;
}
