import type { AlarmSwitch, Quad } from '../idcard/api-contract.ts';
import { FACE_HEIGHT, FACE_WIDTH } from './card-geometry.ts';
import { mapQuad } from './geometry.ts';
import { grayOf } from './gray-image.ts';
import { assessBlur } from './quality/blur.ts';
import { assessBorderIntegrity } from './quality/border-integrity.ts';
import { assessCopy } from './quality/copy.ts';
import { assessGlare } from './quality/glare.ts';
import type { QualityAssessment } from './quality/quality-assessment.ts';
import type { ScannedCard } from './read-cards.ts';

/**
 * The alarms the local engine can judge from pixels; the others (blocking, reproduction,
 * tampering, interim card) need evidence it does not have, so they are left out of its answers.
 */
export const JUDGED_ALARMS = [
  'detect_blur',
  'detect_glare',
  'detect_border_integrity',
  'detect_copy',
] as const satisfies readonly AlarmSwitch[];
export type JudgedAlarm = (typeof JUDGED_ALARMS)[number];

export function isJudgedAlarm(alarm: AlarmSwitch): alarm is JudgedAlarm {
  return (JUDGED_ALARMS as readonly string[]).includes(alarm);
}

const FACE_QUAD: Quad = [
  [0, 0],
  [FACE_WIDTH, 0],
  [FACE_WIDTH, FACE_HEIGHT],
  [0, FACE_HEIGHT],
];

/**
 * Judges the asked alarms on one scanned card: blur, glare and grey copy on the straightened
 * face (so the background does not count), border integrity from the card's corners in the photo.
 */
export function assessAlarms(
  scan: ScannedCard,
  photo: { width: number; height: number },
  alarms: readonly JudgedAlarm[],
): Partial<Record<JudgedAlarm, QualityAssessment>> {
  const result: Partial<Record<JudgedAlarm, QualityAssessment>> = {};
  let gray: Uint8Array | null = null;
  const faceGray = () => {
    gray ??= grayOf(scan.faceImage()).data;
    return gray;
  };
  for (const alarm of alarms) {
    if (alarm === 'detect_blur') result[alarm] = assessBlur(faceGray(), FACE_WIDTH, FACE_HEIGHT);
    if (alarm === 'detect_glare') result[alarm] = assessGlare(faceGray(), FACE_WIDTH, FACE_HEIGHT);
    if (alarm === 'detect_copy') result[alarm] = assessCopy(scan.faceImage());
    if (alarm === 'detect_border_integrity') {
      const corners = mapQuad(scan.faceToPhoto, FACE_QUAD);
      result[alarm] = assessBorderIntegrity(corners, photo.width, photo.height);
    }
  }
  return result;
}
