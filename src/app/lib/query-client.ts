import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  // A recognition must never be re-sent behind the clerk's back: a retry is the clerk's choice.
  defaultOptions: { mutations: { retry: false } },
});
