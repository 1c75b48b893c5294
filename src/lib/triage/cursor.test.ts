import { describe, expect, it } from 'vitest';
import { cursorAfterLeaving, inViewOrder, rangeBetween, resolveCursor } from './cursor';
import { useCursorStore } from './cursor-store';

const ids = ['a', 'b', 'c', 'd', 'e'];

describe('where the cursor shows', () => {
  it('stays on its chat by id when chats above it change or pages load', () => {
    expect(resolveCursor(ids, { id: 'c', index: 2 })).toEqual({ id: 'c', index: 2 });
    expect(resolveCursor(['z', ...ids], { id: 'c', index: 2 })).toEqual({ id: 'c', index: 3 });
    expect(resolveCursor([...ids, 'f', 'g'], { id: 'e', index: 4 })).toEqual({ id: 'e', index: 4 });
  });

  it('falls on the chat that took its place when its chat left, on the last at the end, on the first with none yet', () => {
    expect(resolveCursor(['a', 'b', 'd', 'e'], { id: 'c', index: 2 })).toEqual({ id: 'd', index: 2 });
    expect(resolveCursor(['a', 'b'], { id: 'e', index: 4 })).toEqual({ id: 'b', index: 1 });
    expect(resolveCursor(ids, { id: null, index: 0 })).toEqual({ id: 'a', index: 0 });
    expect(resolveCursor([], { id: 'a', index: 0 })).toBeNull();
  });
});

describe('auto-advance: the chat after the one that left', () => {
  it('opens the next one below, or the one above at the end', () => {
    expect(cursorAfterLeaving(ids, 'b', new Set(['b']), 'next')).toBe('c');
    expect(cursorAfterLeaving(ids, 'e', new Set(['e']), 'next')).toBe('d');
    // "Back to the list" moves the cursor the same way; the caller closes the chat.
    expect(cursorAfterLeaving(ids, 'b', new Set(['b']), 'list')).toBe('c');
  });

  it('opens the previous one with that setting, or the one below at the top', () => {
    expect(cursorAfterLeaving(ids, 'c', new Set(['c']), 'previous')).toBe('b');
    expect(cursorAfterLeaving(ids, 'a', new Set(['a']), 'previous')).toBe('b');
  });

  it('skips every chat that leaves with it (a bulk action), and has nowhere to go when all leave', () => {
    expect(cursorAfterLeaving(ids, 'b', new Set(['b', 'c', 'd']), 'next')).toBe('e');
    expect(cursorAfterLeaving(ids, 'd', new Set(['b', 'c', 'd', 'e']), 'next')).toBe('a');
    expect(cursorAfterLeaving(ids, 'c', new Set(ids), 'next')).toBeNull();
    expect(cursorAfterLeaving(ids, 'zz', new Set(['zz']), 'next')).toBeNull();
  });

  it('at the end of the loaded pages takes the one above: the next page is not there yet', () => {
    const loaded = ['a', 'b', 'c'];
    expect(cursorAfterLeaving(loaded, 'c', new Set(['c']), 'next')).toBe('b');
  });
});

describe('ranges and order', () => {
  it('spans either direction and keeps list order', () => {
    expect(rangeBetween(ids, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(rangeBetween(ids, 'd', 'b')).toEqual(['b', 'c', 'd']);
    expect(rangeBetween(ids, 'c', 'c')).toEqual(['c']);
    expect(rangeBetween(ids, 'zz', 'c')).toEqual(['c']);
    expect(inViewOrder(ids, new Set(['d', 'a', 'gone']))).toEqual(['a', 'd', 'gone']);
  });
});

describe('the cursor store', () => {
  it('x toggles, Shift extends from the anchor (and shrinks back), Ctrl+A picks all, Esc clears', () => {
    const store = useCursorStore.getState();
    store.resetView();
    store.setCursor('b', 1);
    store.toggle('b', 1);
    expect([...useCursorStore.getState().picked]).toEqual(['b']);
    store.extendTo(ids, 'c', 2);
    store.extendTo(ids, 'd', 3);
    expect([...useCursorStore.getState().picked].sort()).toEqual(['b', 'c', 'd']);
    expect(useCursorStore.getState().cursor).toEqual({ id: 'd', index: 3 });
    // Going back up shrinks the range, as in any list.
    store.extendTo(ids, 'c', 2);
    expect([...useCursorStore.getState().picked].sort()).toEqual(['b', 'c']);
    // Ctrl+click elsewhere adds to the picked ones and starts a new anchor.
    store.toggle('e', 4);
    store.extendTo(ids, 'd', 3);
    expect([...useCursorStore.getState().picked].sort()).toEqual(['b', 'c', 'd', 'e']);
    store.toggle('c', 2);
    expect(useCursorStore.getState().picked.has('c')).toBe(false);
    store.pickAll(ids);
    expect(useCursorStore.getState().picked.size).toBe(5);
    store.clearPicked();
    expect(useCursorStore.getState().picked.size).toBe(0);
    store.resetView();
    expect(useCursorStore.getState().cursor).toEqual({ id: null, index: 0 });
  });

  it('extends from the cursor when nothing was picked (Shift+j on a fresh list picks two)', () => {
    const store = useCursorStore.getState();
    store.resetView();
    store.setCursor('a', 0);
    store.extendTo(ids, 'b', 1);
    expect([...useCursorStore.getState().picked].sort()).toEqual(['a', 'b']);
  });
});
