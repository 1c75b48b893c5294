import { describe, expect, it } from 'vitest';
import { SHORTCUTS, type ShortcutDefinition } from '@/config/shortcuts';
import { matchShortcut, shortcutContext, type KeyPress, type ShortcutContext } from './use-shortcuts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  repeat: false,
  isComposing: false,
  keyCode: 0,
  defaultPrevented: false,
  ...extra,
});
const free: ShortcutContext = { typing: false, behindModal: false };
const global = (p: KeyPress, context = free) => matchShortcut(p, 'global', context, SHORTCUTS)?.action;
const list = (p: KeyPress, context = free) => matchShortcut(p, 'list', context, SHORTCUTS)?.action;

// Combinations the table will need (issue 12: Shift+j, Ctrl/⌘+K), so the matcher is proven on them now.
const COMBOS: readonly ShortcutDefinition[] = [
  { action: 'down', keys: ['j'], label: 'Down', scope: 'list', group: 'list' },
  { action: 'extend', keys: ['Shift+J'], label: 'Extend', scope: 'list', group: 'list' },
  { action: 'palette', keys: ['Mod+k'], label: 'Palette', scope: 'global', group: 'anywhere' },
  { action: 'move', keys: ['ArrowDown'], label: 'Move', scope: 'list', group: 'list' },
  { action: 'grow', keys: ['Shift+ArrowDown'], label: 'Grow', scope: 'list', group: 'list' },
];
const combo = (p: KeyPress, scope: 'list' | 'global' = 'list') => matchShortcut(p, scope, free, COMBOS)?.action;

// The unit tests run without a DOM: elements are stood in for by the fields the checks read.
const element = (tagName: string, extra: Record<string, unknown> = {}) => ({ nodeType: 1, tagName, isContentEditable: false, ...extra }) as unknown as EventTarget;
const windowLike = {} as EventTarget;

describe('matchShortcut: keys to actions', () => {
  it('maps every page-wide key to its action', () => {
    expect(['j', 'k', 'e', 'u', 'p', 'm', 'z', 'x', 'r', 'Escape', '?', ',', '/'].map((key) => global(press(key)))).toEqual([
      'next',
      'previous',
      'archive',
      'read',
      'pin',
      'mute',
      'undo',
      'toggleSelect',
      'reply',
      'close',
      'help',
      'settings',
      'search',
    ]);
    expect(global(press('J', { shiftKey: true }))).toBe('extendDown');
    expect(global(press('K', { shiftKey: true }))).toBe('extendUp');
    expect(global(press('ArrowDown', { shiftKey: true }))).toBe('extendDown');
    expect(global(press('a', { ctrlKey: true }))).toBe('selectAll');
    expect(global(press('k', { metaKey: true }))).toBe('palette');
    expect(global(press('q'))).toBeUndefined();
    // A letter's case is part of the key: "E" (Shift or Caps Lock) is not "e".
    expect(global(press('E', { shiftKey: true }))).toBeUndefined();
  });

  it('keeps each scope to its own keys', () => {
    expect(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp', 'Enter', 'o'].map((key) => list(press(key)))).toEqual([
      'down',
      'up',
      'first',
      'last',
      'pageDown',
      'pageUp',
      'open',
      'open',
    ]);
    expect(global(press('ArrowDown'))).toBeUndefined();
    expect(list(press('j'))).toBeUndefined();
    expect(list(press('e'))).toBeUndefined();
  });

  it('leaves Ctrl, ⌘ and Alt combinations to the browser and the OS unless the table writes them', () => {
    expect(global(press('e', { ctrlKey: true }))).toBeUndefined();
    expect(global(press('p', { metaKey: true }))).toBeUndefined();
    expect(global(press('m', { altKey: true }))).toBeUndefined();
    expect(global(press(',', { metaKey: true }))).toBeUndefined();
    expect(list(press('End', { metaKey: true }))).toBeUndefined();
    expect(list(press('j', { ctrlKey: true }))).toBeUndefined();
  });

  it('takes Shift where it makes the character ("?") but not where it changes a letter', () => {
    expect(global(press('?', { shiftKey: true }))).toBe('help');
    expect(global(press('/', { shiftKey: true }))).toBe('search');
    expect(combo(press('J', { shiftKey: true }))).toBe('extend');
    expect(combo(press('j'))).toBe('down');
    expect(combo(press('J'))).toBeUndefined();
  });

  it('prefers the binding that writes Shift, and falls back to the plain one', () => {
    expect(combo(press('ArrowDown', { shiftKey: true }))).toBe('grow');
    expect(combo(press('ArrowDown'))).toBe('move');
    // A named key's Shift is never what made it: Shift+↓ is not ↓ (it extends the selection instead).
    expect(list(press('ArrowDown', { shiftKey: true }))).toBeUndefined();
  });

  it('reads Mod as Ctrl or ⌘, not both and not neither', () => {
    expect(combo(press('k', { ctrlKey: true }), 'global')).toBe('palette');
    expect(combo(press('k', { metaKey: true }), 'global')).toBe('palette');
    expect(combo(press('k', { ctrlKey: true, metaKey: true }), 'global')).toBeUndefined();
    expect(combo(press('k'), 'global')).toBeUndefined();
    expect(combo(press('k', { ctrlKey: true, altKey: true }), 'global')).toBeUndefined();
  });
});

describe('matchShortcut: the guard', () => {
  it('never fires during an IME composition, nor on the key press that ends one', () => {
    expect(global(press('e', { isComposing: true }))).toBeUndefined();
    expect(global(press('e', { keyCode: 229 }))).toBeUndefined();
    expect(list(press('Enter', { isComposing: true }))).toBeUndefined();
  });

  it('ignores keys typed into a field and keys behind an open modal dialog', () => {
    expect(global(press(','), { typing: true, behindModal: false })).toBeUndefined();
    expect(global(press('/'), { typing: true, behindModal: false })).toBeUndefined();
    expect(global(press('?'), { typing: false, behindModal: true })).toBeUndefined();
    expect(global(press('Escape'), { typing: false, behindModal: true })).toBeUndefined();
    expect(list(press('j'), { typing: false, behindModal: true })).toBeUndefined();
  });

  it('lets a held key repeat only actions that move; others happen once per press', () => {
    expect(global(press('j', { repeat: true }))).toBe('next');
    expect(list(press('ArrowDown', { repeat: true }))).toBe('down');
    expect(list(press('PageDown', { repeat: true }))).toBe('pageDown');
    expect(list(press('Enter', { repeat: true }))).toBeUndefined();
    expect(global(press('e', { repeat: true }))).toBeUndefined();
    expect(global(press(',', { repeat: true }))).toBeUndefined();
  });

  it('skips a key press another handler already took', () => {
    expect(global(press('e', { defaultPrevented: true }))).toBeUndefined();
  });
});

describe('shortcutContext', () => {
  it('is typing in text fields, selects and contenteditable, not on buttons, checkboxes or the page', () => {
    for (const target of [element('INPUT', { type: 'text' }), element('INPUT', { type: 'search' }), element('INPUT', { type: '' }), element('TEXTAREA'), element('SELECT'), element('DIV', { isContentEditable: true })]) {
      expect(shortcutContext(target, windowLike, null).typing).toBe(true);
    }
    for (const target of [element('BODY'), element('BUTTON'), element('INPUT', { type: 'checkbox' }), element('DIV'), null]) {
      expect(shortcutContext(target, windowLike, null).typing).toBe(false);
    }
  });

  it('lets a field listen for its own keys (a scope on the field itself is not "typing elsewhere")', () => {
    const box = element('INPUT', { type: 'search' });
    expect(shortcutContext(box, box, null).typing).toBe(false);
  });

  it('is behind a modal for page-wide listeners and elements outside it, not for elements inside the dialog', () => {
    const inside = element('DIV');
    const outside = element('DIV');
    const modal = { contains: (node: Node | null) => node === (inside as unknown as Node) };
    expect(shortcutContext(element('BODY'), windowLike, modal).behindModal).toBe(true);
    expect(shortcutContext(outside, outside, modal).behindModal).toBe(true);
    expect(shortcutContext(inside, inside, modal).behindModal).toBe(false);
    expect(shortcutContext(element('BODY'), windowLike, null).behindModal).toBe(false);
  });
});
