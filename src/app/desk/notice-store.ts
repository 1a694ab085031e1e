import { create } from 'zustand';

/** The last short confirmation ("已复制 …"), announced politely to screen readers. */
type NoticeState = { message: string; serial: number; announce: (message: string) => void };

export const useNotice = create<NoticeState>()((set) => ({
  message: '',
  serial: 0,
  announce: (message) => set((state) => ({ message, serial: state.serial + 1 })),
}));
