import { encode as encodeBmp } from 'fast-bmp';
import sharp from 'sharp';
import type { ImageFormat, ScenePlan } from './capture-conditions.ts';
import type { SeededRandom } from './seeded-random.ts';

/**
 * A normalised line kernel: the smear of a camera moving `length` pixels at `angleDeg` during the
 * exposure. Points along the line are spread bilinearly so short kernels at any angle stay smooth.
 */
export function motionKernel(length: number, angleDeg: number) {
  const size = length % 2 === 1 ? length : length + 1;
  const kernel = new Float64Array(size * size);
  const centre = (size - 1) / 2;
  const dx = Math.cos((angleDeg * Math.PI) / 180);
  const dy = Math.sin((angleDeg * Math.PI) / 180);
  const samples = length * 4;
  for (let step = 0; step <= samples; step++) {
    const along = (step / samples - 0.5) * (length - 1);
    const x = centre + along * dx;
    const y = centre + along * dy;
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    for (const [cx, cy, weight] of [
      [x0, y0, (1 - (x - x0)) * (1 - (y - y0))],
      [x0 + 1, y0, (x - x0) * (1 - (y - y0))],
      [x0, y0 + 1, (1 - (x - x0)) * (y - y0)],
      [x0 + 1, y0 + 1, (x - x0) * (y - y0)],
    ] as const) {
      const at = cy * size + cx;
      if (cx >= 0 && cx < size && cy >= 0 && cy < size) kernel[at] = (kernel[at] ?? 0) + weight;
    }
  }
  const total = kernel.reduce((sum, value) => sum + value, 0);
  return { width: size, height: size, kernel: Array.from(kernel, (value) => value / total) };
}

/** Adds zero-mean Gaussian noise of `sigma` grey levels to every channel, in place. */
function addNoise(pixels: Buffer, sigma: number, random: SeededRandom): void {
  if (sigma <= 0) return;
  for (let index = 0; index < pixels.length; index++) {
    const value = (pixels[index] ?? 0) + sigma * random.normal();
    pixels[index] = value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
  }
}

export type EncodedImage = { bytes: Buffer; width: number; height: number };

/**
 * Turns Chromium's screenshot into the final file: blur from focus and motion, sensor noise, a photocopy's
 * grey and contrast, the output size, and the file format.
 */
export async function postProcess(
  screenshot: Buffer,
  plan: ScenePlan,
  random: SeededRandom,
): Promise<EncodedImage> {
  let image = sharp(screenshot).removeAlpha();
  const { defocusPx, motionBlur, grayscale, contrast, outputScale, noiseSigma } = plan.post;
  // sharp's blur extends the frame's edges, where a CSS blur would fade them to white.
  if (defocusPx >= 0.3) image = image.blur(defocusPx);
  if (motionBlur) image = image.convolve(motionKernel(motionBlur.lengthPx, motionBlur.angleDeg));
  if (grayscale) image = image.grayscale();
  if (contrast !== 1) image = image.linear(contrast, -128 * (contrast - 1) + 10);
  let width = plan.width;
  let height = plan.height;
  if (outputScale !== 1) {
    width = Math.round(plan.width * outputScale);
    height = Math.round(plan.height * outputScale);
    image = image.resize(width, height, { kernel: 'lanczos3' });
  }
  // Noise is added after scaling, as a sensor adds it to the pixels it actually records.
  const raw = await image.raw().toBuffer({ resolveWithObject: true });
  addNoise(raw.data, noiseSigma, random);
  const channels = raw.info.channels;
  const bytes = await encode(raw.data, width, height, channels, plan.format, plan.jpegQuality);
  return { bytes, width, height };
}

async function encode(
  pixels: Buffer,
  width: number,
  height: number,
  channels: number,
  format: ImageFormat,
  jpegQuality: number,
): Promise<Buffer> {
  if (format === 'bmp') {
    return Buffer.from(
      encodeBmp({
        width,
        height,
        data: pixels,
        bitsPerPixel: 8 * channels,
        channels,
        components: channels,
      }),
    );
  }
  const image = sharp(pixels, { raw: { width, height, channels: channels as 1 | 3 } });
  switch (format) {
    case 'jpeg':
      return image
        .jpeg({ quality: jpegQuality, chromaSubsampling: jpegQuality >= 90 ? '4:4:4' : '4:2:0' })
        .toBuffer();
    case 'png':
      return image.png({ compressionLevel: 9 }).toBuffer();
    case 'tiff':
      return image.tiff({ compression: 'lzw' }).toBuffer();
  }
}
