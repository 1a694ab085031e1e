/**
 * Puts text on the clipboard, with an HTML flavour when given. The async Clipboard API exists only
 * in secure contexts (HTTPS or localhost); a counter PC reaching the desk over plain HTTP on the
 * LAN copies through the `copy` event instead, which browsers fire for `execCommand('copy')`
 * in a user gesture and which can set both flavours, so spreadsheets get the HTML table there too.
 */
export async function copyText(text: string, html?: string): Promise<void> {
  if (window.isSecureContext && navigator.clipboard) {
    if (html && typeof ClipboardItem !== 'undefined') {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
      return;
    }
    await navigator.clipboard.writeText(text);
    return;
  }
  copyThroughCopyEvent(text, html);
}

function copyThroughCopyEvent(text: string, html: string | undefined): void {
  let written = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', text);
    if (html) event.clipboardData.setData('text/html', html);
    event.preventDefault();
    written = true;
  };
  document.addEventListener('copy', onCopy, { capture: true });
  try {
    const copied = document.execCommand('copy');
    if (!copied || !written) throw new Error('浏览器拒绝了复制');
  } finally {
    document.removeEventListener('copy', onCopy, { capture: true });
  }
}
