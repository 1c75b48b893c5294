import { describe, expect, it, vi } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import {
  createSettingsStore,
  DEFAULT_SETTINGS,
  migrateSettings,
  PAGE_SIZE_MESSAGE,
  parsePageSize,
  sanitizeSettings,
  SETTINGS_STORAGE_KEY,
} from './settings-store';

/** localStorage stand-in: strings in, strings out, like the real one. */
function fakeStorage(initial: Record<string, unknown> = {}) {
  const items = new Map(Object.entries(initial).map(([key, value]) => [key, JSON.stringify(value)]));
  const storage: StateStorage = {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => void items.set(name, value),
    removeItem: (name) => void items.delete(name),
  };
  const read = (): unknown => {
    const raw = items.get(SETTINGS_STORAGE_KEY);
    return raw === undefined ? undefined : JSON.parse(raw);
  };
  return { storage, read };
}

describe('settings store', () => {
  it('starts with the defaults when nothing is stored', () => {
    const { storage } = fakeStorage();
    const store = createSettingsStore(() => storage);
    const { selectedAccountIds, theme, density, pageSize, timeFormat, markReadOnOpen } = store.getState();
    expect({ selectedAccountIds, theme, density, pageSize, timeFormat, markReadOnOpen }).toEqual(DEFAULT_SETTINGS);
    expect(markReadOnOpen).toBe(true);
  });

  it('persists every setting (and no action) under triage.settings, version 1, and reads it back', () => {
    const { storage, read } = fakeStorage();
    const first = createSettingsStore(() => storage);
    first.getState().setAccountSelected('acc-b', true);
    first.getState().setAccountSelected('acc-a', true);
    first.getState().setTheme('dark');
    first.getState().setDensity('compact');
    expect(first.getState().setPageSize(40)).toBe(true);
    first.getState().setTimeFormat('absolute');
    first.getState().setMarkReadOnOpen(false);

    const expected = {
      selectedAccountIds: ['acc-b', 'acc-a'],
      theme: 'dark',
      density: 'compact',
      pageSize: 40,
      timeFormat: 'absolute',
      markReadOnOpen: false,
    };
    expect(read()).toEqual({ state: expected, version: 1 });

    // A reload: a new store on the same storage.
    const second = createSettingsStore(() => storage);
    expect(second.persist.hasHydrated()).toBe(true);
    expect(second.getState()).toMatchObject(expected);
  });

  it('migrates the version 0 shape and writes it back as version 1', () => {
    const { storage, read } = fakeStorage({
      [SETTINGS_STORAGE_KEY]: {
        version: 0,
        state: { accounts: { 'acc-1': true, 'acc-2': false, 'acc-3': true }, darkMode: true, compactRows: true, limit: '50', relativeTime: false },
      },
    });
    const store = createSettingsStore(() => storage);
    expect(store.getState()).toMatchObject({
      selectedAccountIds: ['acc-1', 'acc-3'],
      theme: 'dark',
      density: 'compact',
      pageSize: 50,
      timeFormat: 'absolute',
      markReadOnOpen: true,
    });
    expect(read()).toMatchObject({ version: 1, state: { selectedAccountIds: ['acc-1', 'acc-3'], pageSize: 50 } });
  });

  it('migrates version 0 field by field: unreadable fields get defaults, the others survive', () => {
    expect(migrateSettings({ accounts: ['not', 'a', 'map'], darkMode: null, limit: '1.5', compactRows: true }, 0)).toEqual({
      ...DEFAULT_SETTINGS,
      density: 'compact',
    });
    expect(migrateSettings({ darkMode: false, limit: 999 }, 0)).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect(migrateSettings('garbage', 0)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings(null, 0)).toEqual(DEFAULT_SETTINGS);
  });

  it('does not trust stored values of the current version either', () => {
    const { storage } = fakeStorage({
      [SETTINGS_STORAGE_KEY]: {
        version: 1,
        state: { selectedAccountIds: ['a', 'a', 7, '', 'b'], theme: 'blue', density: 'compact', pageSize: 0, timeFormat: 'absolute', markReadOnOpen: 'yes' },
      },
    });
    const store = createSettingsStore(() => storage);
    expect(store.getState()).toMatchObject({
      selectedAccountIds: ['a', 'b'],
      theme: 'system',
      density: 'compact',
      pageSize: DEFAULT_SETTINGS.pageSize,
      timeFormat: 'absolute',
      markReadOnOpen: true,
    });
    expect(sanitizeSettings({ pageSize: 300 }).pageSize).toBe(DEFAULT_SETTINGS.pageSize);
  });

  it('survives storage holding something that is not JSON', () => {
    const storage: StateStorage = { getItem: () => '{not json', setItem: () => {}, removeItem: () => {} };
    const store = createSettingsStore(() => storage);
    expect(store.getState().pageSize).toBe(DEFAULT_SETTINGS.pageSize);
  });

  it('prunes ids of accounts that no longer exist, and does not write when nothing changes', () => {
    const { storage, read } = fakeStorage();
    const store = createSettingsStore(() => storage);
    store.getState().setSelectedAccountIds(['a', 'b', 'c']);
    store.getState().pruneAccounts(['a', 'c', 'd']);
    expect(store.getState().selectedAccountIds).toEqual(['a', 'c']);
    expect(read()).toMatchObject({ state: { selectedAccountIds: ['a', 'c'] } });

    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.getState().pruneAccounts(new Set(['a', 'c']));
    expect(listener).not.toHaveBeenCalled();
    unsubscribe();

    // Every selected account gone: the selection is empty, which means every account.
    store.getState().pruneAccounts([]);
    expect(store.getState().selectedAccountIds).toEqual([]);
  });

  it('selects and deselects single accounts without duplicates', () => {
    const { storage } = fakeStorage();
    const store = createSettingsStore(() => storage);
    store.getState().setAccountSelected('a', true);
    store.getState().setAccountSelected('a', true);
    store.getState().setAccountSelected('b', true);
    store.getState().setAccountSelected('a', false);
    expect(store.getState().selectedAccountIds).toEqual(['b']);
    store.getState().setSelectedAccountIds([' x ', 'x', 'y']);
    expect(store.getState().selectedAccountIds).toEqual(['x', 'y']);
  });

  it('refuses an invalid page size and never stores it', () => {
    const { storage, read } = fakeStorage();
    const store = createSettingsStore(() => storage);
    store.getState().setPageSize(25);
    for (const invalid of [0, -1, 251, 300, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(store.getState().setPageSize(invalid)).toBe(false);
    }
    expect(store.getState().pageSize).toBe(25);
    expect(read()).toMatchObject({ state: { pageSize: 25 } });
    expect(store.getState().setPageSize(1)).toBe(true);
    expect(store.getState().setPageSize(250)).toBe(true);
    expect(store.getState().pageSize).toBe(250);
  });
});

describe('parsePageSize', () => {
  it('accepts whole numbers from 1 to 250', () => {
    expect(parsePageSize('1')).toEqual({ ok: true, value: 1 });
    expect(parsePageSize(' 42 ')).toEqual({ ok: true, value: 42 });
    expect(parsePageSize('250')).toEqual({ ok: true, value: 250 });
    expect(parsePageSize('007')).toEqual({ ok: true, value: 7 });
  });

  it('refuses anything else with the message the panel shows', () => {
    for (const raw of ['0', '251', '300', '', ' ', '-5', '1.5', '1e2', 'abc', '99999']) {
      expect(parsePageSize(raw)).toEqual({ ok: false, message: PAGE_SIZE_MESSAGE });
    }
    expect(PAGE_SIZE_MESSAGE).toBe('Page size must be a whole number from 1 to 250');
  });
});
