/**
 * Puts text on the clipboard. The async Clipboard API exists only in secure contexts (HTTPS or
 * localhost); a counter PC reaching the desk over plain HTTP on the LAN falls back to the older
 * selection-and-copy command, which browsers still honour for a user gesture.
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
  copyWithSelection(text);
}

function copyWithSelection(text: string): void {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('the browser refused to copy');
}
