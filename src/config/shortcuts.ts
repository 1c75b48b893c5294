/**
 * Keyboard shortcuts as data: the one table that the key handlers (lib/use-shortcuts.ts) and the "?" dialog read.
 * A key is written once, here; `scope` says where it is listened for, `group` under which heading the help lists it.
 */

/** Where a shortcut is listened for: `list` while the chat list has focus (its onKeyDown), `global` on the whole page. */
export type ShortcutScope = 'list' | 'global';

/** Where a shortcut works, in words for the help dialog. */
export type ShortcutGroup = 'list' | 'cursor' | 'selection' | 'chat' | 'anywhere';

export interface ShortcutDefinition {
  action: string;
  /**
   * Key combinations: a `KeyboardEvent.key`, after the modifiers it needs (`Ctrl+`, `Alt+`, `Meta+`, `Shift+`, or
   * `Mod+` for Ctrl or ⌘). Without modifiers Ctrl, Alt and ⌘ must be up; Shift counts only where it is written or the
   * key is a letter ("?" needs Shift on most layouts).
   */
  keys: readonly string[];
  label: string;
  scope: ShortcutScope;
  group: ShortcutGroup;
  /** Held down, the key repeats its action (moving through the list); other actions happen once per press. */
  repeat?: boolean;
}

export const SHORTCUTS = [
  // With a chat open, moving the cursor opens the chat it lands on: the cursor and the open chat are one.
  { action: 'next', keys: ['j'], label: 'Next chat', scope: 'global', group: 'cursor', repeat: true },
  { action: 'previous', keys: ['k'], label: 'Previous chat', scope: 'global', group: 'cursor', repeat: true },
  { action: 'down', keys: ['ArrowDown'], label: 'Move down the list', scope: 'list', group: 'list', repeat: true },
  { action: 'up', keys: ['ArrowUp'], label: 'Move up the list', scope: 'list', group: 'list', repeat: true },
  { action: 'first', keys: ['Home'], label: 'First chat', scope: 'list', group: 'list', repeat: true },
  { action: 'last', keys: ['End'], label: 'Last loaded chat', scope: 'list', group: 'list', repeat: true },
  { action: 'pageDown', keys: ['PageDown'], label: 'One screen down', scope: 'list', group: 'list', repeat: true },
  { action: 'pageUp', keys: ['PageUp'], label: 'One screen up', scope: 'list', group: 'list', repeat: true },
  { action: 'open', keys: ['Enter', 'o'], label: 'Open chat', scope: 'list', group: 'list' },
  // The triage keys act on the selected chats, or on the cursor chat when none is selected.
  { action: 'archive', keys: ['e'], label: 'Archive or unarchive', scope: 'global', group: 'cursor' },
  { action: 'read', keys: ['u'], label: 'Mark as read or unread', scope: 'global', group: 'cursor' },
  { action: 'pin', keys: ['p'], label: 'Pin or unpin', scope: 'global', group: 'cursor' },
  { action: 'mute', keys: ['m'], label: 'Mute or unmute', scope: 'global', group: 'cursor' },
  { action: 'undo', keys: ['z'], label: 'Undo the last action', scope: 'global', group: 'cursor' },
  { action: 'toggleSelect', keys: ['x'], label: 'Select or unselect the chat', scope: 'global', group: 'selection' },
  { action: 'extendDown', keys: ['Shift+j', 'Shift+ArrowDown'], label: 'Extend the selection down', scope: 'global', group: 'selection', repeat: true },
  { action: 'extendUp', keys: ['Shift+k', 'Shift+ArrowUp'], label: 'Extend the selection up', scope: 'global', group: 'selection', repeat: true },
  { action: 'selectAll', keys: ['Mod+a'], label: 'Select every loaded chat', scope: 'global', group: 'selection' },
  { action: 'reply', keys: ['r'], label: 'Write a reply', scope: 'global', group: 'chat' },
  // Esc steps back one level: the selection first, then the open chat.
  { action: 'close', keys: ['Escape'], label: 'Clear the selection, or close the chat', scope: 'global', group: 'anywhere' },
  { action: 'palette', keys: ['Mod+k'], label: 'Command palette', scope: 'global', group: 'anywhere' },
  { action: 'help', keys: ['?'], label: 'Show keyboard shortcuts', scope: 'global', group: 'anywhere' },
  { action: 'settings', keys: [','], label: 'Open settings', scope: 'global', group: 'anywhere' },
  { action: 'search', keys: ['/'], label: 'Search chats', scope: 'global', group: 'anywhere' },
] as const satisfies readonly ShortcutDefinition[];

export type Shortcut = (typeof SHORTCUTS)[number];
export type ShortcutAction = Shortcut['action'];
/** The actions listened for in `scope`. */
export type ScopeAction<S extends ShortcutScope> = Extract<Shortcut, { scope: S }>['action'];

/** A move of the cursor through the list. */
export type CursorMove = 'next' | 'previous' | 'first' | 'last' | 'pageDown' | 'pageUp';

export const SHORTCUT_GROUPS: readonly { group: ShortcutGroup; label: string }[] = [
  { group: 'cursor', label: 'On the chat under the cursor (or the selected chats)' },
  { group: 'selection', label: 'Selecting several chats' },
  { group: 'list', label: 'While the chat list has focus' },
  { group: 'chat', label: 'In an open chat' },
  { group: 'anywhere', label: 'Anywhere' },
];

/** The triage keys, for the chat header's hints. */
export const TRIAGE_SHORTCUTS: readonly Extract<Shortcut, { scope: 'global' }>[] = SHORTCUTS.filter((s) => s.scope === 'global');

/** A parsed key combination. */
export interface KeyCombo {
  key: string;
  ctrl: boolean;
  alt: boolean;
  meta: boolean;
  shift: boolean;
  /** Ctrl or ⌘, whichever the platform uses. */
  mod: boolean;
}

const MODIFIERS = ['Ctrl', 'Alt', 'Meta', 'Shift', 'Mod'] as const;

/** "Mod+Shift+k" → its parts. The last part is the key, so "Shift++" is Shift and "+". */
export function parseCombo(combo: string): KeyCombo {
  const parts = combo.length > 1 ? combo.split(/\+(?!$)/) : [combo];
  const key = parts.pop() ?? '';
  const has = (m: (typeof MODIFIERS)[number]) => parts.includes(m);
  const unknown = parts.find((p) => !(MODIFIERS as readonly string[]).includes(p));
  if (unknown !== undefined || key === '') throw new Error(`Unknown key combination "${combo}"`);
  return { key, ctrl: has('Ctrl'), alt: has('Alt'), meta: has('Meta'), shift: has('Shift'), mod: has('Mod') };
}

/** The key combinations of an action. */
export function keysOf(action: ShortcutAction): readonly string[] {
  return SHORTCUTS.find((s) => s.action === action)?.keys ?? [];
}

const ARIA_MODIFIERS = [
  ['ctrl', 'Control'],
  ['alt', 'Alt'],
  ['meta', 'Meta'],
  ['shift', 'Shift'],
] as const;

function ariaCombo(combo: KeyCombo): string {
  return [...ARIA_MODIFIERS.filter(([m]) => combo[m]).map(([, name]) => name), combo.key === ' ' ? 'Space' : combo.key].join('+');
}

/** Key combinations in `aria-keyshortcuts` syntax ("Control+K Meta+K" for Mod+K). */
export function ariaKeyShortcuts(keys: readonly string[]): string {
  return keys
    .map(parseCombo)
    .flatMap((c) => (c.mod ? [ariaCombo({ ...c, ctrl: true }), ariaCombo({ ...c, meta: true })] : [ariaCombo(c)]))
    .join(' ');
}

const KEY_NAMES: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  PageDown: 'Page Down',
  PageUp: 'Page Up',
  ' ': 'Space',
};

/** How a key combination is written in the help: "Esc", "↓", "Page Down", "Ctrl/⌘ K". */
export function keyLabel(combo: string): string {
  const { key, ctrl, alt, meta, shift, mod } = parseCombo(combo);
  const mods = [mod && 'Ctrl/⌘', ctrl && 'Ctrl', alt && 'Alt', meta && '⌘', shift && 'Shift'].filter((m) => typeof m === 'string');
  return [...mods, KEY_NAMES[key] ?? key].join(' ');
}

/** Where the selection goes for a list action, given the current index (-1: none) and the loaded count. */
export function nextIndex(action: CursorMove, current: number, count: number, pageRows: number): number {
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
