/** The key that opens the settings panel (as in many desktop apps' Preferences: ⌘,). */
export const SETTINGS_SHORTCUT_KEY = ',';

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'month', 'time', 'week']);

/** Whether the key press is typing: a comma there is text, never a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as { nodeType?: unknown }).nodeType !== 'number') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has(((element as HTMLInputElement).type || 'text').toLowerCase());
  return false;
}

export interface ShortcutEvent {
  key: string;
  target: EventTarget | null;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  defaultPrevented: boolean;
}

/** The plain `,` key outside text fields; modified keys belong to the browser and the OS. */
export function isSettingsShortcut(event: ShortcutEvent): boolean {
  if (event.key !== SETTINGS_SHORTCUT_KEY || event.repeat || event.defaultPrevented) return false;
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  return !isTypingTarget(event.target);
}
