import type { ReactNode } from 'react';
import { useDropzone } from 'react-dropzone';
import { useDesk } from '../desk/desk-store.ts';

/**
 * The whole page takes dropped files. Nothing is filtered here: a file of another kind still
 * gets its own line in the queue saying why it was not read.
 */
export function DropArea({ children }: { children: ReactNode }) {
  const addFiles = useDesk((state) => state.addFiles);
  // No input of its own: the pickers in the intake panel open the file dialog.
  const { getRootProps, isDragActive } = useDropzone({
    onDrop: (files) => addFiles(files),
    noClick: true,
    noKeyboard: true,
  });
  return (
    <div {...getRootProps({ className: 'relative min-h-screen outline-none' })}>
      {children}
      {isDragActive && (
        <div className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center border-4 border-dashed border-sky-500 bg-sky-50/80 text-2xl font-semibold text-sky-800">
          松开即开始识别
        </div>
      )}
    </div>
  );
}
