import { create } from 'zustand';

/** A short message at the bottom of the screen; an optional action (Undo, Retry) runs once and closes it. */
export interface Toast {
  id: number;
  /** `error` is announced at once (role="alert"); `info` politely (role="status"). */
  tone: 'info' | 'error';
  title: string;
  message?: string;
  action?: { label: string; run: () => void };
  /** Auto-dismiss after this long; paused while the pointer or focus is on the toast. */
  durationMs: number;
}

export type ToastInput = Omit<Toast, 'id' | 'durationMs'> & { durationMs?: number };

/** Long enough to read a sentence and reach an Undo button; errors linger a little longer. */
export const TOAST_DURATION_MS = 5_000;
const ERROR_DURATION_MS = 8_000;
/** Older toasts make way: a burst of actions must not fill the screen. */
const MAX_TOASTS = 3;

interface ToastState {
  toasts: Toast[];
  show: (toast: ToastInput) => number;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  show: (input) => {
    const id = nextId++;
    const toast: Toast = { durationMs: input.tone === 'error' ? ERROR_DURATION_MS : TOAST_DURATION_MS, ...input, id };
    set((state) => ({ toasts: [...state.toasts, toast].slice(-MAX_TOASTS) }));
    return id;
  },
  dismiss: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
}));

/** For non-React callers (mutation callbacks): show a toast and get its id back. */
export function showToast(toast: ToastInput): number {
  return useToastStore.getState().show(toast);
}

export function dismissToast(id: number): void {
  useToastStore.getState().dismiss(id);
}
