import { useEffect } from 'react';
import { useDesk } from './desk-store.ts';

/**
 * Closing the tab forgets every card by design; when people are on the desk the browser asks
 * first, so a stray Ctrl+W does not throw away a morning's corrections.
 */
export function useLeaveWarning(): void {
  const hasPeople = useDesk((state) => state.people.length > 0);
  useEffect(() => {
    if (!hasPeople) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [hasPeople]);
}
