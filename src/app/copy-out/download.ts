/** Saves a file through the browser's download, the only way card data leaves the tab. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the download has taken its copy by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `身份证-20260601-0930`: sortable, and says what the file holds. */
export function exportFileStem(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `身份证-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}
