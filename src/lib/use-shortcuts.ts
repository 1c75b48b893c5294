import { useCallback, useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { parseCombo, SHORTCUTS, type KeyCombo, type ScopeAction, type ShortcutDefinition, type ShortcutScope } from '@/config/shortcuts';
import { isTypingTarget } from './typing-target';

/** The fields of a key press the guard reads (a KeyboardEvent has them all). */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'repeat' | 'isComposing' | 'keyCode' | 'defaultPrevented'>;

/** Where the key press happened, as far as the guard cares. */
export interface ShortcutContext {
  /** It lands in a text field, select or contenteditable (other than the element that listens for the scope). */
  typing: boolean;
  /** A modal dialog is open and the scope's listener is not inside it: the page behind a modal is inert. */
  behindModal: boolean;
}

interface Binding<T extends ShortcutDefinition> {
  shortcut: T;
  combo: KeyCombo;
}

// Parsed once per table, on first use.
const bindingsByTable = new WeakMap<readonly ShortcutDefinition[], Binding<ShortcutDefinition>[]>();

function bindingsOf<T extends ShortcutDefinition>(table: readonly T[]): Binding<T>[] {
  let bindings = bindingsByTable.get(table);
  if (!bindings) {
    bindings = table.flatMap((shortcut) => shortcut.keys.map((key) => ({ shortcut, combo: parseCombo(key) })));
    bindingsByTable.set(table, bindings);
  }
  return bindings as Binding<T>[];
}

const isLetter = (key: string) => key.length === 1 && key.toLowerCase() !== key.toUpperCase();

function modifiersMatch(press: KeyPress, combo: KeyCombo): boolean {
  if (press.altKey !== combo.alt) return false;
  if (combo.mod) return press.ctrlKey !== press.metaKey;
  return press.ctrlKey === combo.ctrl && press.metaKey === combo.meta;
}

/**
 * The one guard and key matcher of every shortcut: the shortcut of `scope` that a key press triggers, if any. Never
 * during an IME composition, for a press another handler took, behind a modal dialog, or while typing in a field; a
 * held key repeats only actions marked `repeat`; Ctrl, Alt and ⌘ must be what the table writes.
 */
export function matchShortcut<T extends ShortcutDefinition>(press: KeyPress, scope: ShortcutScope, context: ShortcutContext, table: readonly T[]): T | undefined {
  // keyCode 229: the key press that ends a composition in some browsers (Safari) no longer says isComposing.
  if (press.isComposing || press.keyCode === 229 || press.defaultPrevented) return undefined;
  if (context.typing || context.behindModal) return undefined;
  let loose: T | undefined;
  let found: T | undefined;
  for (const { shortcut, combo } of bindingsOf(table)) {
    if (shortcut.scope !== scope || !modifiersMatch(press, combo)) continue;
    const sameKey = press.key === combo.key || (combo.shift && isLetter(combo.key) && press.key.toLowerCase() === combo.key.toLowerCase());
    if (!sameKey) continue;
    if (press.shiftKey === combo.shift) {
      found = shortcut;
      break;
    }
    // Shift held but not written: it may be what made a character ("?" on most layouts), never a named key (Shift+↓).
    if (!combo.shift && combo.key.length === 1) loose ??= shortcut;
  }
  const shortcut = found ?? loose;
  if (!shortcut || (press.repeat && !shortcut.repeat)) return undefined;
  return shortcut;
}

const isNode = (target: unknown): target is Node => typeof (target as { nodeType?: unknown } | null)?.nodeType === 'number';

/** The context of a key press that reached `listener` (window, or the element of an element scope). */
export function shortcutContext(target: EventTarget | null, listener: EventTarget, openModal: Pick<Node, 'contains'> | null): ShortcutContext {
  return {
    typing: target !== listener && isTypingTarget(target),
    behindModal: openModal !== null && !(isNode(listener) && openModal.contains(listener)),
  };
}

/** Return false when the key does not apply right now: the press then goes on as if it were no shortcut. */
type ShortcutHandler = (event: KeyboardEvent) => boolean | void;
export type ShortcutHandlers<S extends ShortcutScope> = Partial<Record<ScopeAction<S>, ShortcutHandler>>;

/** `global` keys are heard on the whole page; `list` keys on the focused list, through the handler returned. */
const ON_WINDOW: Record<ShortcutScope, boolean> = { global: true, list: false };

/**
 * The shortcuts of `scope` (config/shortcuts.ts) with the actions in `handlers`. Each handler is called with the
 * latest props; a handled key's default is prevented. Returns the onKeyDown for an element scope's element.
 */
export function useShortcuts<S extends ShortcutScope>(scope: S, handlers: ShortcutHandlers<S>): (event: ReactKeyboardEvent<HTMLElement>) => void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  const handle = useCallback(
    (event: KeyboardEvent, listener: EventTarget) => {
      const shortcut = matchShortcut(event, scope, shortcutContext(event.target, listener, document.querySelector('dialog:modal')), SHORTCUTS);
      const handler = shortcut ? (latest.current as Partial<Record<string, ShortcutHandler>>)[shortcut.action] : undefined;
      if (handler && handler(event) !== false) event.preventDefault();
    },
    [scope],
  );

  useEffect(() => {
    if (!ON_WINDOW[scope]) return;
    const onKeyDown = (event: KeyboardEvent) => handle(event, window);
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [scope, handle]);

  return useCallback((event: ReactKeyboardEvent<HTMLElement>) => handle(event.nativeEvent, event.currentTarget), [handle]);
}
