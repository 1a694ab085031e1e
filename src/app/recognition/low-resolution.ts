import type { PixelSize } from '../compression/compression-target.ts';
import type { RecognitionFailure } from '../lib/api-client.ts';
import type { JobFailure } from './error-messages.ts';

/**
 * Below this long side an image cannot hold a card the engine reads. Measured with the local
 * engine on the committed flat scan `000-flat-scan-front.png` scaled down: whole at 320 px wide,
 * garbled at 180-260 px, no card found (AIS.0104) at 140 px; 400 leaves room for a margin.
 */
export const MIN_READABLE_LONG_SIDE_PX = 400;

/** "No card found" in an image too small to hold a readable card is said as what it is. */
export function explainRecognitionFailure(
  failure: RecognitionFailure,
  sentSize: PixelSize | null,
): JobFailure {
  if (
    failure.kind === 'api' &&
    failure.code === 'AIS.0104' &&
    sentSize !== null &&
    Math.max(sentSize.width, sentSize.height) < MIN_READABLE_LONG_SIDE_PX
  ) {
    return { kind: 'low-resolution', size: sentSize };
  }
  return failure;
}
