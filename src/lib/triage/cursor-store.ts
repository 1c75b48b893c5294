import { create } from 'zustand';
import { rangeBetween, type Cursor } from './cursor';

/**
 * The list's cursor and multi-selection (client UI state: ids only, the chats stay in the query cache). One store,
 * read by the list, the triage keys, the bulk bar and the palette, so there is one cursor, never a highlight beside
 * an open chat.
 */
interface CursorState {
  cursor: Cursor;
  /** Chats picked for a bulk action. Empty: actions apply to the cursor chat. */
  picked: ReadonlySet<string>;
  /** Where a Shift-extension started, and what was picked before it (extending again replaces only the range). */
  anchor: string | null;
  base: ReadonlySet<string>;
  setCursor: (id: string | null, index: number) => void;
  /** x, Ctrl/⌘+click: the chat in or out of the selection; the cursor moves onto it. */
  toggle: (id: string, index: number) => void;
  /** Shift+j/k, Shift+click: picks from the anchor (the cursor when the extension started) to `id`. */
  extendTo: (ids: readonly string[], id: string, index: number) => void;
  /** Ctrl/⌘+A: every loaded chat of the view. */
  pickAll: (ids: readonly string[]) => void;
  clearPicked: () => void;
  /** Another view (filters, accounts): its cursor starts on the first row, nothing picked. */
  resetView: () => void;
}

const NONE: ReadonlySet<string> = new Set();

export const useCursorStore = create<CursorState>()((set, get) => ({
  cursor: { id: null, index: 0 },
  picked: NONE,
  anchor: null,
  base: NONE,
  setCursor: (id, index) => {
    const { cursor } = get();
    if (cursor.id !== id || cursor.index !== index) set({ cursor: { id, index } });
  },
  toggle: (id, index) => {
    const picked = new Set(get().picked);
    if (picked.has(id)) picked.delete(id);
    else picked.add(id);
    const base = new Set(picked);
    base.delete(id);
    set({ picked, anchor: id, base, cursor: { id, index } });
  },
  extendTo: (ids, id, index) => {
    const state = get();
    const anchor = state.anchor ?? state.cursor.id ?? id;
    const base = state.anchor === null ? state.picked : state.base;
    const picked = new Set(base);
    for (const inRange of rangeBetween(ids, anchor, id)) picked.add(inRange);
    set({ picked, anchor, base, cursor: { id, index } });
  },
  pickAll: (ids) => set({ picked: new Set(ids), anchor: null, base: NONE }),
  clearPicked: () => {
    if (get().picked.size > 0 || get().anchor !== null) set({ picked: NONE, anchor: null, base: NONE });
  },
  resetView: () => set({ cursor: { id: null, index: 0 }, picked: NONE, anchor: null, base: NONE }),
}));
