/** The image formats the desk takes in; the browser turns every one of them into a JPEG to send. */
export const IMAGE_FORMATS = [
  { format: 'jpeg', mimeTypes: ['image/jpeg', 'image/pjpeg'], extensions: ['jpg', 'jpeg', 'jfif'] },
  { format: 'png', mimeTypes: ['image/png'], extensions: ['png'] },
  { format: 'bmp', mimeTypes: ['image/bmp', 'image/x-ms-bmp'], extensions: ['bmp'] },
  { format: 'tiff', mimeTypes: ['image/tiff'], extensions: ['tif', 'tiff'] },
  { format: 'webp', mimeTypes: ['image/webp'], extensions: ['webp'] },
  // iPhones save HEIC; some systems report no MIME type for it, so the extension decides.
  { format: 'heic', mimeTypes: ['image/heic', 'image/heif'], extensions: ['heic', 'heif'] },
] as const;

export type ImageFormat = (typeof IMAGE_FORMATS)[number]['format'];

/** Shown to the clerk whenever a file is refused. */
export const ACCEPTED_FORMATS_TEXT = 'JPEG、PNG、BMP、TIFF、WebP、HEIC/HEIF';

/** The `accept` attribute of the file pickers. */
export const FILE_INPUT_ACCEPT = IMAGE_FORMATS.flatMap(({ mimeTypes, extensions }) => [
  ...mimeTypes,
  ...extensions.map((extension) => `.${extension}`),
]).join(',');

/** Decides the format from the MIME type the browser reports, or else from the file name. */
export function detectImageFormat(file: { name: string; type: string }): ImageFormat | null {
  const mimeType = file.type.toLowerCase();
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  for (const entry of IMAGE_FORMATS) {
    if ((entry.mimeTypes as readonly string[]).includes(mimeType)) return entry.format;
  }
  // A MIME type of another kind (text/plain, application/pdf) is not overruled by a name.
  if (mimeType !== '' && mimeType !== 'application/octet-stream') return null;
  for (const entry of IMAGE_FORMATS) {
    if ((entry.extensions as readonly string[]).includes(extension)) return entry.format;
  }
  return null;
}
