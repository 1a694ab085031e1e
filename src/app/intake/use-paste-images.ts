import { useEffect } from 'react';
import { useDesk } from '../desk/desk-store.ts';

/** Screenshots and copied images arrive as `image.png`; a time tells two pastes apart. */
function namePasted(file: File, index: number): File {
  const time = new Date().toLocaleTimeString('zh-CN', { hour12: false });
  const extension = file.type.split('/')[1] ?? 'png';
  const suffix = index > 0 ? `-${index + 1}` : '';
  return new File([file], `粘贴的图片 ${time}${suffix}.${extension}`, { type: file.type });
}

/** Ctrl/Cmd+V anywhere adds pasted image files; pasting text into a field still pastes text. */
export function usePasteImages(): void {
  const addFiles = useDesk((state) => state.addFiles);
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const files = [...(event.clipboardData?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      addFiles(files.map(namePasted));
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [addFiles]);
}
