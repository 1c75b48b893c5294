import { isTypingTarget } from '@/lib/typing-target';

/** The key that opens the settings panel (as in many desktop apps' Preferences: ⌘,). */
export const SETTINGS_SHORTCUT_KEY = ',';

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
