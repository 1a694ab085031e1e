import { type ChangeEvent, useState } from 'react';
import { useDesk } from '../desk/desk-store.ts';
import { CameraDialog } from './camera-dialog.tsx';
import { ACCEPTED_FORMATS_TEXT, FILE_INPUT_ACCEPT } from './image-formats.ts';

const BUTTON =
  'inline-flex cursor-pointer items-center rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 focus-within:ring-2 focus-within:ring-sky-500 pointer-coarse:min-h-11';

export function IntakePanel() {
  const addFiles = useDesk((state) => state.addFiles);
  const doubleSided = useDesk((state) => state.doubleSidedIntake);
  const setDoubleSided = useDesk((state) => state.setDoubleSidedIntake);
  const [cameraOpen, setCameraOpen] = useState(false);
  const takeFiles = (event: ChangeEvent<HTMLInputElement>) => {
    addFiles([...(event.target.files ?? [])]);
    // Lets the same file be chosen again after it was removed.
    event.target.value = '';
  };
  return (
    <section
      aria-label="放入图片"
      className="rounded border border-dashed border-slate-300 bg-white p-3"
    >
      {/* A phone has no drag and drop and no keyboard shortcut: it is told what it can do. */}
      <p className="text-sm text-slate-600 pointer-coarse:hidden">
        把身份证照片拖到页面任意处，或按 <kbd className="rounded border px-1">Ctrl</kbd>+
        <kbd className="rounded border px-1">V</kbd>{' '}
        粘贴。同一批放入的人像面与国徽面按顺序两两归为一人。
      </p>
      <p className="hidden text-sm text-slate-600 pointer-coarse:block">
        点“拍照”或“选择图片”放入身份证照片。同一批放入的人像面与国徽面按顺序两两归为一人。
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <label className={BUTTON}>
          选择图片
          <input
            type="file"
            multiple
            accept={FILE_INPUT_ACCEPT}
            className="sr-only"
            onChange={takeFiles}
          />
        </label>
        <label className={`${BUTTON} sm:hidden`}>
          拍照
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="sr-only"
            onChange={takeFiles}
          />
        </label>
        <button type="button" className={BUTTON} onClick={() => setCameraOpen(true)}>
          取景拍摄
        </button>
      </div>
      <label className="mt-2 flex items-center gap-1.5 text-sm pointer-coarse:min-h-11">
        <input
          type="checkbox"
          checked={doubleSided}
          onChange={(event) => setDoubleSided(event.target.checked)}
        />
        双面复印件（一张图含人像面和国徽面）
      </label>
      <p className="mt-1 text-xs text-slate-500">支持 {ACCEPTED_FORMATS_TEXT}</p>
      {cameraOpen && <CameraDialog onClose={() => setCameraOpen(false)} />}
    </section>
  );
}
