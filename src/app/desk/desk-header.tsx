import { useIsMutating } from '@tanstack/react-query';
import { exportPeopleCsv, exportPeopleJson, exportPeopleXlsx } from '../copy-out/copy-person.ts';
import { RECOGNIZE_MUTATION_KEY } from '../recognition/use-recognize-card.ts';
import { ClearButton } from './clear-button.tsx';
import { useDesk } from './desk-store.ts';
import { useNotice } from './notice-store.ts';

export const APP_NAME = '证件速录';

const BUTTON =
  'rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-40 pointer-coarse:min-h-11';

export function DeskHeader() {
  const people = useDesk((state) => state.people);
  const jobCount = useDesk((state) => state.jobs.length);
  const failedCount = useDesk(
    (state) => state.jobs.filter((job) => job.status === 'failed').length,
  );
  const recognizing = useIsMutating({ mutationKey: RECOGNIZE_MUTATION_KEY });
  const notice = useNotice((state) => state.message);
  return (
    <header className="z-10 lg:sticky lg:top-0 flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 bg-white px-4 py-2">
      <div>
        <h1 className="text-lg font-semibold">{APP_NAME}</h1>
        <p className="text-xs text-slate-500">居民身份证识别 · 人像面与国徽面</p>
      </div>
      <p className="text-sm text-slate-600">
        {people.length} 人 · {jobCount} 张图片{recognizing > 0 && ` · ${recognizing} 张识别中`}
        {failedCount > 0 && <span className="text-red-700"> · {failedCount} 张未能识别</span>}
      </p>
      <p role="status" className="text-sm text-emerald-700">
        {notice}
      </p>
      <div className="ml-auto flex gap-2">
        <button
          type="button"
          className={BUTTON}
          disabled={people.length === 0}
          onClick={() => exportPeopleXlsx(people)}
        >
          导出 Excel
        </button>
        <button
          type="button"
          className={BUTTON}
          disabled={people.length === 0}
          onClick={() => exportPeopleCsv(people)}
        >
          导出 CSV
        </button>
        <button
          type="button"
          className={BUTTON}
          disabled={people.length === 0}
          onClick={() => exportPeopleJson(people)}
        >
          导出 JSON
        </button>
        <ClearButton />
      </div>
    </header>
  );
}
