import type { Quad } from '../../idcard/api-contract.ts';
import { FRONT_LABEL_CENTERS, FRONT_PHOTO_AREA, FRONT_ROW_CENTERS } from './card-geometry.ts';
import { fitFaceFrame } from './face-frame.ts';
import { type FaceText, labelAnchors, placeLabels } from './face-text.ts';
import { FRONT_LABELS, findLabels } from './labels.ts';
import { centerOf } from './quad-geometry.ts';

/**
 * Half the height of the region looked at around the 性别 / 民族 row, as a share of the face's
 * height: the rows stand 0.11 apart, so this keeps the birth row and the name out.
 */
const ROW_HALF_HEIGHT = 0.045;
/**
 * Where the ethnic group starts on the specimen when its label was not read: the 民族 label's
 * centre plus half its width (two label characters, 0.06 of the face's width).
 */
const ETHNICITY_VALUE_LEFT = FRONT_LABEL_CENTERS.ethnicity.x + 0.03;

/**
 * Where the ethnic group is printed on a portrait side: right of its 民族 label (or of where the
 * registered layout places the label) up to the photo, on the label's row. The detector does not
 * box a lone character there (汉, 傣, 畲) on a blurred copy, and a box it draws around part of
 * one reads as noise (10 for 傣), so the caller reads this region as one line when the ethnic
 * group came back empty.
 */
export function ethnicityRegion(text: FaceText): Quad {
  const hits = findLabels(text.lines, FRONT_LABELS, text);
  const labels = placeLabels(text, hits);
  const frame = fitFaceFrame(text, labelAnchors(labels, FRONT_LABEL_CENTERS));
  const label = labels.find((l) => l.kind === 'ethnicity');
  const left = label ? label.extent.right : frame.x(ETHNICITY_VALUE_LEFT);
  const y = label ? centerOf(label.extent).y : frame.y(FRONT_ROW_CENTERS.sexEthnicity[0]);
  const right = frame.x(FRONT_PHOTO_AREA.left);
  const half = ROW_HALF_HEIGHT * text.height;
  return [
    [left, y - half],
    [right, y - half],
    [right, y + half],
    [left, y + half],
  ];
}
