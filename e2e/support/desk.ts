import type { Page } from '@playwright/test';
import sharp from 'sharp';

export type TestFile = { name: string; mimeType: string; buffer: Buffer };

/** Drops files onto the page the way a file manager does: a DataTransfer on a drop event. */
export async function dropFiles(page: Page, files: readonly TestFile[]): Promise<void> {
  const payload = files.map((file) => ({
    name: file.name,
    mimeType: file.mimeType,
    base64: file.buffer.toString('base64'),
  }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], item.name, { type: item.mimeType }));
    }
    return transfer;
  }, payload);
  const target = page.getByRole('main');
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

/** Pastes one file as Ctrl+V does with an image on the clipboard. */
export async function pasteFile(page: Page, file: TestFile): Promise<void> {
  await page.evaluate(
    ({ name, mimeType, base64 }) => {
      const transfer = new DataTransfer();
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      transfer.items.add(new File([bytes], name, { type: mimeType }));
      document.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    },
    { name: file.name, mimeType: file.mimeType, base64: file.buffer.toString('base64') },
  );
}

/** A plain photo-like JPEG with no card on it, made on the spot. */
export async function plainJpeg(name: string, width = 640, height = 400): Promise<TestFile> {
  const buffer = await sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 190, b: 170 } },
  })
    .jpeg()
    .toBuffer();
  return { name, mimeType: 'image/jpeg', buffer };
}

export function isOcrRequest(url: string, method: string): boolean {
  return method === 'POST' && /\/v2\/[^/]+\/ocr\/id-card$/.test(new URL(url).pathname);
}
