/**
 * The list's one cursor and its multi-selection, as pure rules over the view's chat ids in list order. The cursor is
 * tracked by chat id (it stays on its chat when pages load or chats above it change) plus the index it was last seen
 * at, so when its chat leaves the view the cursor falls on the chat that took its place.
 */

/** Where a chat that leaves the view hands the cursor: the chat below (or above at the end), or back to the list. */
export type AdvanceSetting = 'next' | 'previous' | 'list';

export const ADVANCE_SETTINGS: readonly AdvanceSetting[] = ['next', 'previous', 'list'];

export interface Cursor {
  id: string | null;
  /** Index of `id` when last seen in the view. */
  index: number;
}

/** The chat id the cursor shows on in this view: its own chat, else the one now at its index, else the first. */
export function resolveCursor(ids: readonly string[], cursor: Cursor, indexOf: (id: string) => number = (id) => ids.indexOf(id)): { id: string; index: number } | null {
  if (ids.length === 0) return null;
  if (cursor.id !== null) {
    const at = indexOf(cursor.id);
    if (at >= 0) return { id: cursor.id, index: at };
  }
  const index = Math.min(Math.max(0, cursor.index), ids.length - 1);
  return { id: ids[index]!, index };
}

/**
 * The chat the cursor moves to when the chats in `leaving` leave the view: the first chat past the cursor in the
 * setting's direction that stays, else the nearest one the other way; null when none stays. `list` moves like `next`
 * (the cursor stays in the list; the caller closes the open chat).
 */
export function cursorAfterLeaving(ids: readonly string[], cursorId: string, leaving: ReadonlySet<string>, setting: AdvanceSetting): string | null {
  const at = ids.indexOf(cursorId);
  if (at < 0) return null;
  const forward = setting !== 'previous';
  const scan = (from: number, step: number): string | null => {
    for (let i = from; i >= 0 && i < ids.length; i += step) {
      const id = ids[i]!;
      if (!leaving.has(id)) return id;
    }
    return null;
  };
  return forward ? (scan(at + 1, 1) ?? scan(at - 1, -1)) : (scan(at - 1, -1) ?? scan(at + 1, 1));
}

/** The ids from `a` to `b` inclusive, in list order (either may come first); just the one present if the other is not. */
export function rangeBetween(ids: readonly string[], a: string, b: string): string[] {
  const i = ids.indexOf(a);
  const j = ids.indexOf(b);
  if (i < 0 && j < 0) return [];
  if (i < 0 || j < 0) return [i < 0 ? b : a];
  return ids.slice(Math.min(i, j), Math.max(i, j) + 1);
}

/** The picked chats in list order (the order bulk actions report and undo in). Picked chats no longer in view are kept last. */
export function inViewOrder(ids: readonly string[], picked: ReadonlySet<string>): string[] {
  const ordered = ids.filter((id) => picked.has(id));
  if (ordered.length === picked.size) return ordered;
  const seen = new Set(ordered);
  return [...ordered, ...[...picked].filter((id) => !seen.has(id))];
}
