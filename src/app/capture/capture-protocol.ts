import type { Quad } from '../../idcard/api-contract.ts';
import type { FrameAnalysis } from './frame-analysis.ts';

/** Messages to the capture worker: a small frame to look at, or a full one to cut the card from. */
export type CaptureRequest =
  | { type: 'analyse'; frame: ImageBitmap }
  | { type: 'crop'; frame: ImageBitmap; quad: Quad };

export type CaptureReply =
  | { type: 'analysed'; analysis: FrameAnalysis; ms: number }
  | { type: 'cropped'; blob: Blob; width: number; height: number }
  | { type: 'crashed'; message: string };
