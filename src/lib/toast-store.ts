import { create } from 'zustand';

/** A toast's button (Undo, Retry): runs once and closes the toast. */
export interface ToastAction {
  label: string;
  run: () => void;
}

/** A short message at the bottom of the screen. */
export interface Toast {
  id: number;
  /** `error` is announced at once (role="alert"); `info` politely (role="status"). */
  tone: 'info' | 'error';
  title: string;
  message?: string;
  action?: ToastAction;
  /** Auto-dismiss after this long; paused while the pointer or focus is on the toast. */
  durationMs: number;
  /** Toasts shown with the same key are one toast: a repeat takes its place and counts, instead of stacking. */
  key?: string;
  /** How many times it was shown; from 2 on it reads "(2×)". */
  count: number;
  /** Changes with every repeat, so the countdown starts over. */
  revision: number;
}

export interface ToastInput {
  tone: Toast['tone'];
  title: string;
  message?: string;
  /**
   * On a repeat, the actions of every occurrence are kept (one per `action.key`, the latest winning), so Retry on
   * "… (3×)" retries all three failures.
   */
  action?: ToastAction & { key?: string };
  durationMs?: number;
  key?: string;
}

/** Long enough to read a sentence and reach an Undo button; errors linger a little longer. */
export const TOAST_DURATION_MS = 5_000;
const ERROR_DURATION_MS = 8_000;
/** Older toasts make way: a burst of actions must not fill the screen. */
const MAX_TOASTS = 3;

interface ToastState {
  toasts: Toast[];
  show: (toast: ToastInput) => number;
  dismiss: (id: number) => void;
  /** Changes a toast's words in place (a progress count): no repeat count, no new countdown. */
  update: (id: number, words: Pick<ToastInput, 'title' | 'message'>) => void;
}

let nextId = 1;
/** The work behind each toast's button, by action key: kept outside the toast so repeats can add to it. */
const actionRuns = new Map<number, Map<string, () => void>>();

function withAction(id: number, input: ToastInput, keep: boolean): ToastAction | undefined {
  const action = input.action;
  if (!action) return undefined;
  const runs = keep ? (actionRuns.get(id) ?? new Map<string, () => void>()) : new Map<string, () => void>();
  runs.set(action.key ?? `#${runs.size}`, action.run);
  actionRuns.set(id, runs);
  return { label: action.label, run: () => runs.forEach((run) => run()) };
}

export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  show: (input) => {
    const durationMs = input.durationMs ?? (input.tone === 'error' ? ERROR_DURATION_MS : TOAST_DURATION_MS);
    const repeated = input.key === undefined ? undefined : get().toasts.find((t) => t.key === input.key);
    if (repeated) {
      const sameButton = repeated.action !== undefined && repeated.action.label === input.action?.label;
      const next: Toast = {
        ...repeated,
        title: input.title,
        message: input.message,
        action: input.action ? withAction(repeated.id, input, sameButton) : repeated.action,
        durationMs,
        count: repeated.count + 1,
        revision: repeated.revision + 1,
      };
      // The repeat moves to the newest place, so it is the last to make way.
      set((state) => ({ toasts: [...state.toasts.filter((t) => t.id !== repeated.id), next] }));
      return repeated.id;
    }
    const id = nextId++;
    const toast: Toast = {
      id,
      tone: input.tone,
      title: input.title,
      message: input.message,
      action: withAction(id, input, false),
      durationMs,
      key: input.key,
      count: 1,
      revision: 0,
    };
    set((state) => {
      const toasts = [...state.toasts, toast];
      for (const gone of toasts.slice(0, -MAX_TOASTS)) actionRuns.delete(gone.id);
      return { toasts: toasts.slice(-MAX_TOASTS) };
    });
    return id;
  },
  dismiss: (id) => {
    actionRuns.delete(id);
    set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) }));
  },
  update: (id, { title, message }) => set((state) => ({ toasts: state.toasts.map((t) => (t.id === id ? { ...t, title, message } : t)) })),
}));

/** For non-React callers (mutation callbacks): show a toast and get its id back. */
export function showToast(toast: ToastInput): number {
  return useToastStore.getState().show(toast);
}

export function dismissToast(id: number): void {
  useToastStore.getState().dismiss(id);
}

export function updateToast(id: number, words: Pick<ToastInput, 'title' | 'message'>): void {
  useToastStore.getState().update(id, words);
}

/** "(3×)" after a repeated toast's title; nothing for the first. */
export function repeatSuffix(count: number): string {
  return count > 1 ? ` (${count}×)` : '';
}
