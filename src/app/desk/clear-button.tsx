import { useRef } from 'react';
import { cancelAllJobWork } from '../recognition/job-controllers.ts';
import { useDesk } from './desk-store.ts';

/** 清空: forgets every image, reading and edit at once, after asking. */
export function ClearButton() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const isEmpty = useDesk((state) => state.jobs.length === 0 && state.people.length === 0);
  const clear = () => {
    cancelAllJobWork();
    useDesk.getState().clearAll();
    dialogRef.current?.close();
  };
  return (
    <>
      <button
        type="button"
        disabled={isEmpty}
        onClick={() => dialogRef.current?.showModal()}
        className="rounded border border-red-300 px-3 py-1 text-sm text-red-700 hover:bg-red-50 disabled:opacity-40 pointer-coarse:min-h-11"
      >
        清空
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby="clear-title"
        className="m-auto max-w-sm rounded p-4 backdrop:bg-black/50"
      >
        <h2 id="clear-title" className="font-semibold">
          清空全部？
        </h2>
        <p className="mt-2 text-sm text-slate-600">
          所有图片、识别结果和修改都将移除，无法恢复。需要保留请先导出。
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <button
            type="button"
            onClick={() => dialogRef.current?.close()}
            className="rounded border border-slate-300 px-3 py-1"
          >
            取消
          </button>
          <button type="button" onClick={clear} className="rounded bg-red-700 px-3 py-1 text-white">
            确认清空
          </button>
        </div>
      </dialog>
    </>
  );
}
