import { parse } from 'yaml';
import { loadCharset } from '../../ocr/ctc-decode.ts';
import { REC_PARAMS } from '../../ocr/ocr-params.ts';

/**
 * A recogniser's pre- and post-processing as its own `inference.yml` (PaddleOCR's export)
 * states them, checked against what the pipeline does: lines scaled to `REC_PARAMS.imageHeight`
 * rows, channels in cv2's B, G, R order, `CTCLabelDecode` over the yml's `character_dict` (the
 * same characters as the dictionary file the engine loads). The normalisation, (v / 255 - 0.5) /
 * 0.5, is what `RecResizeImg` does in PaddleOCR's `resize_norm_img` and is not in the yml.
 */

type InferenceYml = {
  PreProcess?: { transform_ops?: Record<string, unknown>[] };
  PostProcess?: { name?: string; character_dict?: unknown[] };
};

function transform(yml: InferenceYml, name: string): Record<string, unknown> | undefined {
  const op = yml.PreProcess?.transform_ops?.find((candidate) => name in candidate);
  return op?.[name] as Record<string, unknown> | undefined;
}

/** What disagrees between the yml, the dictionary file and the pipeline; empty when nothing. */
export function conventionProblems(ymlText: string, dictionary: string): string[] {
  const yml = parse(ymlText) as InferenceYml;
  const problems: string[] = [];
  const mode = transform(yml, 'DecodeImage')?.img_mode;
  if (mode !== 'BGR') problems.push(`DecodeImage img_mode is ${String(mode)}, not BGR`);
  const shape = transform(yml, 'RecResizeImg')?.image_shape as number[] | undefined;
  if (shape?.[1] !== REC_PARAMS.imageHeight) {
    problems.push(`RecResizeImg height is ${String(shape?.[1])}, not ${REC_PARAMS.imageHeight}`);
  }
  if (yml.PostProcess?.name !== 'CTCLabelDecode') {
    problems.push(`PostProcess is ${String(yml.PostProcess?.name)}, not CTCLabelDecode`);
  }
  const characters = (yml.PostProcess?.character_dict ?? []).map(String);
  const fromFile = loadCharset(dictionary).slice(1, -1);
  if (characters.length !== fromFile.length || characters.some((c, i) => c !== fromFile[i])) {
    problems.push(
      `character_dict (${characters.length}) differs from the dictionary file (${fromFile.length})`,
    );
  }
  return problems;
}
