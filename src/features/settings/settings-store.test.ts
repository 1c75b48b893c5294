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
    const { hiddenAccountIds, legacyShownAccountIds, theme, density, pageSize, timeFormat, markReadOnOpen, advance, notifyNewMessages } = store.getState();
    expect({ hiddenAccountIds, legacyShownAccountIds, theme, density, pageSize, timeFormat, markReadOnOpen, advance, notifyNewMessages }).toEqual(DEFAULT_SETTINGS);
    // Desktop notifications are opt-in.
    expect(notifyNewMessages).toBe(false);
    // Every account starts shown.
    expect(hiddenAccountIds).toEqual([]);
    expect(markReadOnOpen).toBe(true);
  });

  it('persists every setting (and no action) under triage.settings, version 2, and reads it back', () => {
    const { storage, read } = fakeStorage();
    const first = createSettingsStore(() => storage);
    first.getState().setAccountShown('acc-b', false);
    first.getState().setAccountShown('acc-a', false);
    first.getState().setTheme('dark');
    first.getState().setDensity('compact');
    expect(first.getState().setPageSize(40)).toBe(true);
    first.getState().setTimeFormat('absolute');
    first.getState().setMarkReadOnOpen(false);
    first.getState().setAdvance('previous');
    first.getState().setNotifyNewMessages(true);

    const expected = {
      hiddenAccountIds: ['acc-b', 'acc-a'],
      legacyShownAccountIds: null,
      theme: 'dark',
      density: 'compact',
      pageSize: 40,
      timeFormat: 'absolute',
      markReadOnOpen: false,
      advance: 'previous',
      notifyNewMessages: true,
    };
    expect(read()).toEqual({ state: expected, version: 2 });

    // A reload: a new store on the same storage.
    const second = createSettingsStore(() => storage);
    expect(second.persist.hasHydrated()).toBe(true);
    expect(second.getState()).toMatchObject(expected);
  });

  it('migrates the version 0 shape and writes it back as version 2', () => {
    const { storage, read } = fakeStorage({
      [SETTINGS_STORAGE_KEY]: {
        version: 0,
        state: { accounts: { 'acc-1': true, 'acc-2': false, 'acc-3': true }, darkMode: true, compactRows: true, limit: '50', relativeTime: false },
      },
    });
    const store = createSettingsStore(() => storage);
    expect(store.getState()).toMatchObject({
      // Converted into hidden ids once the accounts list arrives (pruneAccounts).
      hiddenAccountIds: [],
      legacyShownAccountIds: ['acc-1', 'acc-3'],
      theme: 'dark',
      density: 'compact',
      pageSize: 50,
      timeFormat: 'absolute',
      markReadOnOpen: true,
    });
    expect(read()).toMatchObject({ version: 2, state: { legacyShownAccountIds: ['acc-1', 'acc-3'], pageSize: 50 } });
  });

  it('migrates version 1: keeps the other fields and the "only these" selection until the accounts arrive', () => {
    const { storage, read } = fakeStorage({
      [SETTINGS_STORAGE_KEY]: { version: 1, state: { selectedAccountIds: ['acc-2', 'acc-9'], theme: 'dark', pageSize: 40, markReadOnOpen: false } },
    });
    const store = createSettingsStore(() => storage);
    expect(store.getState()).toMatchObject({ hiddenAccountIds: [], legacyShownAccountIds: ['acc-2', 'acc-9'], theme: 'dark', pageSize: 40, markReadOnOpen: false });
    expect(read()).toMatchObject({ version: 2 });
    expect((read() as { state: Record<string, unknown> }).state).not.toHaveProperty('selectedAccountIds');

    // The accounts arrive: the rest of them become hidden, a gone id is forgotten, and the old field is cleared.
    store.getState().pruneAccounts(['acc-1', 'acc-2', 'acc-3']);
    expect(store.getState()).toMatchObject({ hiddenAccountIds: ['acc-1', 'acc-3'], legacyShownAccountIds: null });
    expect(read()).toMatchObject({ version: 2, state: { hiddenAccountIds: ['acc-1', 'acc-3'], legacyShownAccountIds: null } });
  });

  it('migrates an empty version 1 selection ("all accounts") to nothing hidden', () => {
    for (const selectedAccountIds of [[], undefined, 'junk', ['', 4]]) {
      expect(migrateSettings({ selectedAccountIds, theme: 'light' }, 1)).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
    }
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
        version: 2,
        state: { hiddenAccountIds: ['a', 'a', 7, '', 'b'], legacyShownAccountIds: [], theme: 'blue', density: 'compact', pageSize: 0, timeFormat: 'absolute', markReadOnOpen: 'yes' },
      },
    });
    const store = createSettingsStore(() => storage);
    expect(store.getState()).toMatchObject({
      hiddenAccountIds: ['a', 'b'],
      legacyShownAccountIds: null,
      theme: 'system',
      density: 'compact',
      pageSize: DEFAULT_SETTINGS.pageSize,
      timeFormat: 'absolute',
      markReadOnOpen: true,
    });
    expect(sanitizeSettings({ pageSize: 300 }).pageSize).toBe(DEFAULT_SETTINGS.pageSize);
    // Only a stored true turns notifications on.
    expect(sanitizeSettings({ notifyNewMessages: 'yes' }).notifyNewMessages).toBe(false);
    expect(sanitizeSettings({ notifyNewMessages: 1 }).notifyNewMessages).toBe(false);
    expect(sanitizeSettings({ notifyNewMessages: true }).notifyNewMessages).toBe(true);
  });

  it('survives storage holding something that is not JSON', () => {
    const storage: StateStorage = { getItem: () => '{not json', setItem: () => {}, removeItem: () => {} };
    const store = createSettingsStore(() => storage);
    expect(store.getState().pageSize).toBe(DEFAULT_SETTINGS.pageSize);
  });

  it('prunes ids of accounts that no longer exist, and does not write when nothing changes', () => {
    const { storage, read } = fakeStorage();
    const store = createSettingsStore(() => storage);
    for (const id of ['a', 'b', 'c']) store.getState().setAccountShown(id, false);
    store.getState().pruneAccounts(['a', 'c', 'd']);
    expect(store.getState().hiddenAccountIds).toEqual(['a', 'c']);
    expect(read()).toMatchObject({ state: { hiddenAccountIds: ['a', 'c'] } });

    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.getState().pruneAccounts(new Set(['a', 'c', 'd']));
    expect(listener).not.toHaveBeenCalled();
    unsubscribe();

    // Every account that is left is hidden: the list cannot ask for none, so all are shown again.
    store.getState().pruneAccounts(['a', 'c']);
    expect(store.getState().hiddenAccountIds).toEqual([]);
  });

  it('hides and shows single accounts without duplicates; showing all clears them', () => {
    const { storage, read } = fakeStorage();
    const store = createSettingsStore(() => storage);
    store.getState().setAccountShown('a', false);
    store.getState().setAccountShown('a', false);
    store.getState().setAccountShown('b', false);
    store.getState().setAccountShown('a', true);
    store.getState().setAccountShown('z', true);
    expect(store.getState().hiddenAccountIds).toEqual(['b']);

    store.getState().showAllAccounts();
    expect(store.getState().hiddenAccountIds).toEqual([]);
    expect(read()).toMatchObject({ state: { hiddenAccountIds: [] } });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.getState().showAllAccounts();
    expect(listener).not.toHaveBeenCalled();
    unsubscribe();
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
