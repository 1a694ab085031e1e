import type { GroundTruth, GroundTruthImage } from '../card-set/ground-truth.ts';
import type { ImageScore } from './score.ts';
import { type EngineSummary, summarizeBy } from './summary.ts';

/** The marks over an image as one key: `none`, or their kinds in order, `stamp+watermark`. */
export function overlayKey(image: GroundTruthImage): string {
  const kinds = [...new Set((image.condition.overlays ?? []).map((overlay) => overlay.kind))];
  return kinds.length === 0 ? 'none' : kinds.sort().join('+');
}

/**
 * Accuracy by the properties a generated set records per image: style family (so the held-back
 * family is reported apart), marks, and the 通用规范汉字表 level of the name (images with a portrait
 * side only). A set that records none of them gets none of the tables.
 */
export function summarizeSlices(
  scores: readonly ImageScore[],
  truth: GroundTruth,
): Pick<EngineSummary, 'byFamily' | 'byOverlay' | 'byNameLevel'> {
  const images = new Map(truth.images.map((image) => [image.file, image]));
  const hasFamilies = truth.images.some((image) => image.family !== undefined);
  const hasOverlays = truth.images.some((image) => image.condition.overlays !== undefined);
  const hasNameLevels = truth.images.some((image) => image.name_level !== undefined);
  return {
    ...(hasFamilies
      ? { byFamily: summarizeBy(scores, (file) => images.get(file)?.family ?? 'unrecorded') }
      : {}),
    ...(hasOverlays
      ? {
          byOverlay: summarizeBy(scores, (file) => {
            const image = images.get(file);
            return image === undefined ? undefined : overlayKey(image);
          }),
        }
      : {}),
    ...(hasNameLevels
      ? {
          byNameLevel: summarizeBy(scores, (file) => {
            const level = images.get(file)?.name_level;
            return level === undefined ? undefined : `level ${level}`;
          }),
        }
      : {}),
  };
}
