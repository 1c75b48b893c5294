/** Keyboard shortcuts as data: the list's key handler and any help screen read the same table. */
export type ListAction = 'next' | 'previous' | 'first' | 'last' | 'pageDown' | 'pageUp' | 'open';

export interface Shortcut<A extends string> {
  action: A;
  /** `KeyboardEvent.key` values. */
  keys: readonly string[];
  label: string;
}

export const LIST_SHORTCUTS: readonly Shortcut<ListAction>[] = [
  { action: 'next', keys: ['ArrowDown', 'j'], label: 'Next chat' },
  { action: 'previous', keys: ['ArrowUp', 'k'], label: 'Previous chat' },
  { action: 'first', keys: ['Home'], label: 'First chat' },
  { action: 'last', keys: ['End'], label: 'Last loaded chat' },
  { action: 'pageDown', keys: ['PageDown'], label: 'One screen down' },
  { action: 'pageUp', keys: ['PageUp'], label: 'One screen up' },
  { action: 'open', keys: ['Enter', 'o'], label: 'Open chat' },
];

const BY_KEY = new Map(LIST_SHORTCUTS.flatMap((s) => s.keys.map((key) => [key, s.action] as const)));

/** The list action for a key press; modified keys (Ctrl/⌘/Alt) belong to the browser and the OS. */
export function listActionFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): ListAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return BY_KEY.get(event.key);
}

/** Where the selection goes for an action, given the current index (-1: none) and the loaded count. */
export function nextIndex(action: Exclude<ListAction, 'open'>, current: number, count: number, pageRows: number): number {
  if (count === 0) return -1;
  const last = count - 1;
  switch (action) {
    case 'next':
      return current < 0 ? 0 : Math.min(last, current + 1);
    case 'previous':
      return current < 0 ? 0 : Math.max(0, current - 1);
    case 'first':
      return 0;
    case 'last':
      return last;
    case 'pageDown':
      return Math.min(last, Math.max(0, current) + pageRows);
    case 'pageUp':
      return Math.max(0, current - pageRows);
  }
}

/*
 * Triage shortcuts (the chat feature): they act on the open chat, or on the list's selected chat when none is open.
 * Listed here with the list's own keys so the help dialog shows every shortcut from one table.
 */
export type TriageAction = 'archive' | 'read' | 'pin' | 'mute' | 'reply' | 'close' | 'help' | 'settings' | 'search';

/** Where a shortcut works, in words for the help dialog. */
export type ShortcutScope = 'list' | 'chat-or-selected' | 'chat' | 'anywhere';

export interface ScopedShortcut<A extends string> extends Shortcut<A> {
  scope: ShortcutScope;
}

export const SHORTCUT_SCOPE_LABELS: Record<ShortcutScope, string> = {
  list: 'In the chat list',
  'chat-or-selected': 'On the open chat, or the selected chat in the list',
  chat: 'In an open chat',
  anywhere: 'Anywhere',
};

export const TRIAGE_SHORTCUTS: readonly ScopedShortcut<TriageAction>[] = [
  { action: 'archive', keys: ['e'], label: 'Archive or unarchive', scope: 'chat-or-selected' },
  { action: 'read', keys: ['u'], label: 'Mark as read or unread', scope: 'chat-or-selected' },
  { action: 'pin', keys: ['p'], label: 'Pin or unpin', scope: 'chat-or-selected' },
  { action: 'mute', keys: ['m'], label: 'Mute or unmute', scope: 'chat-or-selected' },
  { action: 'reply', keys: ['r'], label: 'Write a reply', scope: 'chat' },
  { action: 'close', keys: ['Escape'], label: 'Close the chat and return to the list', scope: 'chat' },
  { action: 'help', keys: ['?'], label: 'Show keyboard shortcuts', scope: 'anywhere' },
  // The settings feature handles "," and the filter bar "/" itself; they are listed so the help is complete.
  { action: 'settings', keys: [','], label: 'Open settings', scope: 'anywhere' },
  { action: 'search', keys: ['/'], label: 'Search chats', scope: 'anywhere' },
];

/** Every shortcut, grouped by where it works, for the "Keyboard shortcuts" dialog. */
export function allShortcuts(): readonly ScopedShortcut<string>[] {
  return [...LIST_SHORTCUTS.map((s) => ({ ...s, scope: 'list' as const })), ...TRIAGE_SHORTCUTS];
}

// Built on first use: a top-level Map would be kept in the initial bundle even where nothing reads it.
let triageByKey: Map<string, TriageAction> | null = null;

/** The triage action for a key press. Shift is allowed (it makes "?"); Ctrl/⌘/Alt combinations are not ours. */
export function triageActionFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): TriageAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  triageByKey ??= new Map(TRIAGE_SHORTCUTS.flatMap((s) => s.keys.map((key) => [key, s.action] as const)));
  return triageByKey.get(event.key);
}

/** How a key is written in the help: "Esc", "↓", "Page Down". */
export function keyLabel(key: string): string {
  const names: Record<string, string> = {
    ArrowDown: '↓',
    ArrowUp: '↑',
    Escape: 'Esc',
    PageDown: 'Page Down',
    PageUp: 'Page Up',
  };
  return names[key] ?? key;
}
