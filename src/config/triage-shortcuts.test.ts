import { describe, expect, it } from 'vitest';
import { allShortcuts, keyLabel, LIST_SHORTCUTS, TRIAGE_SHORTCUTS, triageActionFor } from './shortcuts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('triage shortcuts', () => {
  it('maps e, u, p, m, r, Esc and ?', () => {
    expect(triageActionFor(key('e'))).toBe('archive');
    expect(triageActionFor(key('u'))).toBe('read');
    expect(triageActionFor(key('p'))).toBe('pin');
    expect(triageActionFor(key('m'))).toBe('mute');
    expect(triageActionFor(key('r'))).toBe('reply');
    expect(triageActionFor(key('Escape'))).toBe('close');
    expect(triageActionFor(key('?'))).toBe('help');
    expect(triageActionFor(key('E'))).toBeUndefined();
  });

  it('leaves Ctrl, ⌘ and Alt combinations alone', () => {
    expect(triageActionFor(key('e', { ctrlKey: true }))).toBeUndefined();
    expect(triageActionFor(key('p', { metaKey: true }))).toBeUndefined();
    expect(triageActionFor(key('m', { altKey: true }))).toBeUndefined();
  });

  it('the help lists every list and triage shortcut once, with a scope, and no key is bound twice', () => {
    const all = allShortcuts();
    expect(all).toHaveLength(LIST_SHORTCUTS.length + TRIAGE_SHORTCUTS.length);
    expect(all.every((s) => s.scope && s.label && s.keys.length > 0)).toBe(true);
    const keys = all.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keyLabel('Escape')).toBe('Esc');
    expect(keyLabel('e')).toBe('e');
  });
});
