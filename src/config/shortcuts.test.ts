import { describe, expect, it } from 'vitest';
import { ariaKeyShortcuts, keyLabel, keysOf, nextIndex, parseCombo, SHORTCUT_GROUPS, SHORTCUTS, TRIAGE_SHORTCUTS } from './shortcuts';

describe('the shortcut table', () => {
  it('binds no key combination twice, and every combination parses', () => {
    const combos = SHORTCUTS.flatMap((s) => s.keys.map((key) => JSON.stringify(parseCombo(key))));
    expect(combos.length).toBeGreaterThan(0);
    expect(new Set(combos).size).toBe(combos.length);
  });

  it('names each action once, with a label, keys and a help group that has a heading', () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
    const groups = new Set(SHORTCUT_GROUPS.map((g) => g.group));
    for (const s of SHORTCUTS) {
      expect(s.label).not.toBe('');
      expect(s.keys.length).toBeGreaterThan(0);
      expect(groups.has(s.group)).toBe(true);
    }
  });

  it('has the keys the README documents, each written once', () => {
    expect(keysOf('next')).toEqual(['j']);
    expect(keysOf('down')).toEqual(['ArrowDown']);
    expect(keysOf('toggleSelect')).toEqual(['x']);
    expect(keysOf('undo')).toEqual(['z']);
    expect(keysOf('extendDown')).toEqual(['Shift+j', 'Shift+ArrowDown']);
    expect(keysOf('selectAll')).toEqual(['Mod+a']);
    expect(keysOf('palette')).toEqual(['Mod+k']);
    expect(keysOf('open')).toEqual(['Enter', 'o']);
    expect(keysOf('archive')).toEqual(['e']);
    expect(keysOf('settings')).toEqual([',']);
    expect(keysOf('search')).toEqual(['/']);
    expect(keysOf('help')).toEqual(['?']);
    expect(TRIAGE_SHORTCUTS.map((s) => s.action)).toEqual(expect.arrayContaining(['archive', 'read', 'pin', 'mute']));
  });
});

describe('key combinations', () => {
  it('parse modifiers before the key, the key last (so "+" itself can be bound)', () => {
    expect(parseCombo('j')).toEqual({ key: 'j', ctrl: false, alt: false, meta: false, shift: false, mod: false });
    expect(parseCombo('Mod+Shift+k')).toEqual({ key: 'k', ctrl: false, alt: false, meta: false, shift: true, mod: true });
    expect(parseCombo('Shift++')).toMatchObject({ key: '+', shift: true });
    expect(parseCombo('+')).toMatchObject({ key: '+', shift: false });
    expect(() => parseCombo('Hyper+k')).toThrow(/Unknown key combination/);
    expect(() => parseCombo('')).toThrow(/Unknown key combination/);
  });

  it('are written for people in the help and for assistive technology in aria-keyshortcuts', () => {
    expect(keyLabel('Escape')).toBe('Esc');
    expect(keyLabel('ArrowDown')).toBe('↓');
    expect(keyLabel('PageUp')).toBe('Page Up');
    expect(keyLabel('e')).toBe('e');
    expect(keyLabel('Mod+k')).toBe('Ctrl/⌘ k');
    expect(keyLabel('Shift+J')).toBe('Shift J');
    expect(ariaKeyShortcuts(keysOf('search'))).toBe('/');
    expect(ariaKeyShortcuts(keysOf('extendDown'))).toBe('Shift+j Shift+ArrowDown');
    expect(ariaKeyShortcuts(['Mod+k', 'Alt+Shift+ ', 'Ctrl+Meta+x'])).toBe('Control+k Meta+k Alt+Shift+Space Control+Meta+x');
  });
});

describe('list movement', () => {
  it('moves within the loaded rows', () => {
    expect(nextIndex('next', -1, 10, 5)).toBe(0);
    expect(nextIndex('next', 9, 10, 5)).toBe(9);
    expect(nextIndex('previous', 0, 10, 5)).toBe(0);
    expect(nextIndex('previous', -1, 10, 5)).toBe(0);
    expect(nextIndex('last', 2, 10, 5)).toBe(9);
    expect(nextIndex('pageDown', 7, 10, 5)).toBe(9);
    expect(nextIndex('pageDown', -1, 10, 5)).toBe(5);
    expect(nextIndex('pageUp', 3, 10, 5)).toBe(0);
    expect(nextIndex('first', 3, 0, 5)).toBe(-1);
  });
});
