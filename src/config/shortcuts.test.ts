import { describe, expect, it } from 'vitest';
import { listActionFor, nextIndex } from './shortcuts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('list shortcuts', () => {
  it('maps arrows, j/k, Home/End and Enter/o', () => {
    expect(listActionFor(key('j'))).toBe('next');
    expect(listActionFor(key('ArrowDown'))).toBe('next');
    expect(listActionFor(key('k'))).toBe('previous');
    expect(listActionFor(key('End'))).toBe('last');
    expect(listActionFor(key('o'))).toBe('open');
    expect(listActionFor(key('Enter'))).toBe('open');
    expect(listActionFor(key('x'))).toBeUndefined();
  });

  it('leaves modified keys to the browser', () => {
    expect(listActionFor(key('j', { ctrlKey: true }))).toBeUndefined();
    expect(listActionFor(key('End', { metaKey: true }))).toBeUndefined();
  });

  it('moves within the loaded rows', () => {
    expect(nextIndex('next', -1, 10, 5)).toBe(0);
    expect(nextIndex('next', 9, 10, 5)).toBe(9);
    expect(nextIndex('previous', 0, 10, 5)).toBe(0);
    expect(nextIndex('last', 2, 10, 5)).toBe(9);
    expect(nextIndex('pageDown', 7, 10, 5)).toBe(9);
    expect(nextIndex('pageUp', 3, 10, 5)).toBe(0);
    expect(nextIndex('first', 3, 0, 5)).toBe(-1);
  });
});
