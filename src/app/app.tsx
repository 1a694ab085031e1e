import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from './lib/query-client.ts';

export const APP_NAME = '证件速录';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <div className="min-h-screen bg-slate-50 text-slate-900">
        <header className="border-b border-slate-200 bg-white px-4 py-2">
          <h1 className="text-lg font-semibold">{APP_NAME}</h1>
          <p className="text-sm text-slate-500">居民身份证识别 · 人像面与国徽面</p>
        </header>
        <main className="p-4">
          <p className="text-slate-600">将身份证照片拖到此处开始识别。</p>
        </main>
      </div>
    </QueryClientProvider>
  );
}
