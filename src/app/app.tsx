import { QueryClientProvider } from '@tanstack/react-query';
import { BatchTable } from './batch-review/batch-table.tsx';
import { QueueProgress } from './batch-review/queue-progress.tsx';
import { BATCH_SHORTCUTS } from './batch-review/use-batch-keys.ts';
import { SHORTCUTS, useShortcuts } from './copy-out/use-shortcuts.ts';
import { DeskHeader } from './desk/desk-header.tsx';
import { useDesk } from './desk/desk-store.ts';
import { useLeaveWarning } from './desk/use-leave-warning.ts';
import { ViewSwitch } from './desk/view-switch.tsx';
import { DropArea } from './intake/drop-area.tsx';
import { IntakePanel } from './intake/intake-panel.tsx';
import { usePasteImages } from './intake/use-paste-images.ts';
import { queryClient } from './lib/query-client.ts';
import { PeopleList } from './people/people-list.tsx';
import { JobList } from './recognition/job-list.tsx';
import { QueueRunner } from './recognition/queue-runner.tsx';
import { PersonReview } from './review/person-review.tsx';
import { ServiceBanner } from './service-health/service-banner.tsx';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <QueueRunner />
      <Desk />
    </QueryClientProvider>
  );
}

function Desk() {
  usePasteImages();
  useShortcuts();
  useLeaveWarning();
  const view = useDesk((state) => state.view);
  return (
    <DropArea>
      <div className="min-h-screen bg-slate-50 text-slate-900">
        <DeskHeader />
        <ServiceBanner />
        {/* On a phone the review comes right after intake; the queue follows below it. */}
        <main className="grid gap-4 p-3 lg:grid-cols-[20rem_1fr] lg:grid-rows-[auto_1fr]">
          <div className="lg:col-start-1 lg:row-start-1">
            <IntakePanel />
          </div>
          <div className="min-w-0 lg:col-start-2 lg:row-span-2 lg:row-start-1">
            <ViewSwitch />
            <QueueProgress />
            {view === 'table' ? (
              <BatchTable />
            ) : (
              <>
                <PeopleList />
                <PersonReview />
              </>
            )}
          </div>
          <div className="lg:col-start-1 lg:row-start-2">
            <JobList />
          </div>
        </main>
        <footer className="px-3 pb-3 text-xs text-slate-500">
          <div className="pointer-coarse:hidden">
            <h2 className="sr-only">快捷键</h2>
            <ul className="flex flex-wrap gap-x-4">
              {[...SHORTCUTS, ...BATCH_SHORTCUTS].map((shortcut) => (
                <li key={shortcut.keys}>
                  <kbd className="rounded border border-slate-300 bg-white px-1">
                    {shortcut.keys}
                  </kbd>{' '}
                  {shortcut.action}
                </li>
              ))}
            </ul>
          </div>
          <p className="mt-1">数据只保存在本页面内存中，关闭页面即清除；需要保留请导出。</p>
        </footer>
      </div>
    </DropArea>
  );
}
