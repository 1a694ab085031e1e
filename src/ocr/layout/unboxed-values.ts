import type { Quad } from '../../idcard/api-contract.ts';
import {
  BACK_LABEL_CENTERS,
  BACK_ROW_CENTERS,
  FRONT_LABEL_CENTERS,
  FRONT_PHOTO_AREA,
  FRONT_ROW_CENTERS,
  NUMBER_LINE_ENDS,
} from './card-geometry.ts';
import { fitFaceFrame } from './face-frame.ts';
import { type FaceText, labelAnchors, placeLabels } from './face-text.ts';
import {
  BACK_LABELS,
  type BackLabel,
  FRONT_LABELS,
  type FrontLabel,
  findLabels,
  type LabelKind,
  type LabelSpec,
} from './labels.ts';
import { centerOf, extentOf } from './quad-geometry.ts';

/**
 * Half the height of the region looked at around a row, as a share of the face's height: the
 * rows stand 0.11 apart, so this keeps the rows above and below out.
 */
const ROW_HALF_HEIGHT = 0.045;

/**
 * Where a value is printed on its row, in fractions of the face: from `left` (where the value
 * starts when its label was not read; else from the label's right end) to `right`, around `row`.
 */
type ValuePlace<K extends LabelKind> = { label: K; left: number; right: number; row: number };

/**
 * The name, from right of 姓名 (two label characters, as for 民族) to the photo: a stamp over it
 * can leave the detector nothing to box there on a small or blurred copy.
 */
const NAME_PLACE: ValuePlace<FrontLabel> = {
  label: 'name',
  left: FRONT_LABEL_CENTERS.name.x + 0.03,
  right: FRONT_PHOTO_AREA.left,
  row: FRONT_ROW_CENTERS.name[0],
};

/**
 * Where the ethnic group starts on the specimen when its label was not read: the 民族 label's
 * centre plus half its width (two label characters, 0.06 of the face's width); it ends at the
 * photo. The detector does not box a lone character there (汉, 傣, 畲) on a blurred copy, and a
 * box it draws around part of one reads as noise (10 for 傣).
 */
const ETHNICITY_PLACE: ValuePlace<FrontLabel> = {
  label: 'ethnicity',
  left: FRONT_LABEL_CENTERS.ethnicity.x + 0.03,
  right: FRONT_PHOTO_AREA.left,
  row: FRONT_ROW_CENTERS.sexEthnicity[0],
};

/**
 * The number's row, a little wider than its box on the specimen: a mark over it makes the
 * detector box the mark instead, or nothing at all, and the digits go unread.
 */
const NUMBER_PLACE: ValuePlace<FrontLabel> = {
  label: 'number',
  left: NUMBER_LINE_ENDS.left.x - 0.03,
  right: NUMBER_LINE_ENDS.right.x + 0.05,
  row: FRONT_ROW_CENTERS.number[0],
};

/**
 * The address's first line, from right of 住址 (two label characters, as for 民族) to the photo.
 * A mark across it can leave the detector nothing to box there, while the lines below are read
 * (街道云松庄村5组25号 without 广东省湛江市徐闻县龙中).
 */
const ADDRESS_PLACE: ValuePlace<FrontLabel> = {
  label: 'address',
  left: FRONT_LABEL_CENTERS.address.x + 0.03,
  right: FRONT_PHOTO_AREA.left,
  row: FRONT_ROW_CENTERS.address[0],
};

/**
 * The emblem side's values start right of their four-character labels (0.14 of the face's
 * width, centred on the label's centre) and run to near the right edge.
 */
const BACK_LABEL_HALF_WIDTH = 0.07;
const BACK_VALUE_RIGHT = 0.96;
const ISSUE_PLACE: ValuePlace<BackLabel> = {
  label: 'issue',
  left: BACK_LABEL_CENTERS.issue.x + BACK_LABEL_HALF_WIDTH,
  right: BACK_VALUE_RIGHT,
  row: BACK_ROW_CENTERS.issue[0],
};
const VALIDITY_PLACE: ValuePlace<BackLabel> = {
  label: 'validity',
  left: BACK_LABEL_CENTERS.validity.x + BACK_LABEL_HALF_WIDTH,
  right: BACK_VALUE_RIGHT,
  row: BACK_ROW_CENTERS.validity[0],
};

/**
 * The region where a value is printed: right of its label (or of where the registered layout
 * places the label) up to the place's right end, on the label's row or `below` it (a fraction
 * of the face's height), within the face.
 */
function valueRegion<K extends LabelKind>(
  text: FaceText,
  specs: readonly LabelSpec<K>[],
  centers: Record<K, { x: number; y: number }>,
  place: ValuePlace<K>,
  below = 0,
): Quad {
  const hits = findLabels(text.lines, specs, text);
  const labels = placeLabels(text, hits);
  const frame = fitFaceFrame(text, labelAnchors(labels, centers));
  const label = labels.find((l) => l.kind === place.label);
  const left = Math.max(0, label ? label.extent.right : frame.x(place.left));
  const rowY = label ? centerOf(label.extent).y : frame.y(place.row);
  const y = rowY + frame.y(place.row + below) - frame.y(place.row);
  const right = Math.min(text.width, frame.x(place.right));
  const half = ROW_HALF_HEIGHT * text.height;
  return [
    [left, y - half],
    [right, y - half],
    [right, y + half],
    [left, y + half],
  ];
}

/** Where the name is printed on a portrait side (`NAME_PLACE`). */
export function nameRegion(text: FaceText): Quad {
  return valueRegion(text, FRONT_LABELS, FRONT_LABEL_CENTERS, NAME_PLACE);
}

/** Where the ethnic group is printed on a portrait side (`ETHNICITY_PLACE`). */
export function ethnicityRegion(text: FaceText): Quad {
  return valueRegion(text, FRONT_LABELS, FRONT_LABEL_CENTERS, ETHNICITY_PLACE);
}

/** Where the number is printed on a portrait side (`NUMBER_PLACE`). */
export function numberRegion(text: FaceText): Quad {
  return valueRegion(text, FRONT_LABELS, FRONT_LABEL_CENTERS, NUMBER_PLACE);
}

/**
 * Where the address's lines are printed when they were lost: its first line, when the address
 * read starts below the middle of that row (`ADDRESS_PLACE`) or its start is in doubt
 * (`startDoubted`, though it starts on that row: a scrap of a usage line across it boxed there,
 * 自 or 0 before 街349号); every line it may take, when nothing of it was read (a written line
 * across the address can leave the detector nothing to box on any of them); none when it starts
 * on its first row.
 */
export function lostAddressRegions(
  text: FaceText,
  address: Quad | null,
  startDoubted = false,
): Quad[] {
  const first = valueRegion(text, FRONT_LABELS, FRONT_LABEL_CENTERS, ADDRESS_PLACE);
  if (address === null) {
    const [row, ...below] = FRONT_ROW_CENTERS.address;
    return [
      first,
      ...below.map((y) =>
        valueRegion(text, FRONT_LABELS, FRONT_LABEL_CENTERS, ADDRESS_PLACE, y - row),
      ),
    ];
  }
  const [[, top], , [, bottom]] = first;
  return startDoubted || extentOf([address]).top > (top + bottom) / 2 ? [first] : [];
}

/** Where the issuing authority is printed on an emblem side. */
export function issueRegion(text: FaceText): Quad {
  return valueRegion(text, BACK_LABELS, BACK_LABEL_CENTERS, ISSUE_PLACE);
}

/** Where the validity period is printed on an emblem side. */
export function validityRegion(text: FaceText): Quad {
  return valueRegion(text, BACK_LABELS, BACK_LABEL_CENTERS, VALIDITY_PLACE);
}
