import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { DEFAULT_PAGE_SIZE } from '@/lib/chats/filters';
import type { Density } from '@/lib/density';
import type { ThemePreference } from '@/lib/theme';
import type { TimeStyle } from '@/lib/time-format';
import { PAGE_SIZE } from '@/lib/wire/vocabulary';

export type { Density };

/** Client settings only: what the person chose, never data the server owns. */
export interface Settings {
  /** Accounts whose chats the list shows; empty means every account. */
  selectedAccountIds: string[];
  theme: ThemePreference;
  density: Density;
  pageSize: number;
  timeFormat: TimeStyle;
  /** Opening a chat marks it read (the chat-details feature reads this through the app). */
  markReadOnOpen: boolean;
}

export interface SettingsActions {
  setAccountSelected: (accountId: string, selected: boolean) => void;
  setSelectedAccountIds: (accountIds: readonly string[]) => void;
  /** Drops ids of accounts that no longer exist, once the accounts list has arrived. */
  pruneAccounts: (existingIds: Iterable<string>) => void;
  setTheme: (theme: ThemePreference) => void;
  setDensity: (density: Density) => void;
  /** Stores a valid page size and returns true; an invalid one is refused (false) and never stored. */
  setPageSize: (pageSize: number) => boolean;
  setTimeFormat: (timeFormat: TimeStyle) => void;
  setMarkReadOnOpen: (markReadOnOpen: boolean) => void;
}

export type SettingsState = Settings & SettingsActions;

export const SETTINGS_STORAGE_KEY = 'triage.settings';
export const SETTINGS_VERSION = 1;

/** Unipile's bounds for `limit` (lib/chats/filters.ts clamps to the same range; here an out-of-range value is refused). */
export const PAGE_SIZE_MIN = PAGE_SIZE.min;
export const PAGE_SIZE_MAX = PAGE_SIZE.max;
export const PAGE_SIZE_MESSAGE = `Page size must be a whole number from ${PAGE_SIZE_MIN} to ${PAGE_SIZE_MAX}`;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  selectedAccountIds: [],
  theme: 'system',
  density: 'comfortable',
  pageSize: DEFAULT_PAGE_SIZE,
  timeFormat: 'relative',
  markReadOnOpen: true,
});

export function isValidPageSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= PAGE_SIZE_MIN && value <= PAGE_SIZE_MAX;
}

export type PageSizeInput = { ok: true; value: number } | { ok: false; message: string };

/** Reads what the person typed: digits only, so "1.5", "1e2" and "-3" are refused rather than rounded. */
export function parsePageSize(raw: string): PageSizeInput {
  const text = raw.trim();
  if (!/^\d{1,4}$/.test(text)) return { ok: false, message: PAGE_SIZE_MESSAGE };
  const value = Number(text);
  return isValidPageSize(value) ? { ok: true, value } : { ok: false, message: PAGE_SIZE_MESSAGE };
}

const THEMES: readonly ThemePreference[] = ['system', 'light', 'dark'];
const DENSITIES: readonly Density[] = ['comfortable', 'compact'];
const TIME_FORMATS: readonly TimeStyle[] = ['relative', 'absolute'];

const oneOf = <T extends string>(options: readonly T[], value: unknown, fallback: T): T =>
  typeof value === 'string' && (options as readonly string[]).includes(value) ? (value as T) : fallback;

function accountIdList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const ids = value.filter((id): id is string => typeof id === 'string' && id.trim() !== '').map((id) => id.trim());
  return [...new Set(ids)];
}

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * Settings from storage, field by field: localStorage is editable by hand and by older builds, so a bad field
 * falls back to its default instead of reaching the query key (a page size of 0) or losing the other fields.
 */
export function sanitizeSettings(value: unknown): Settings {
  const stored = record(value);
  return {
    selectedAccountIds: accountIdList(stored.selectedAccountIds),
    theme: oneOf(THEMES, stored.theme, DEFAULT_SETTINGS.theme),
    density: oneOf(DENSITIES, stored.density, DEFAULT_SETTINGS.density),
    pageSize: isValidPageSize(stored.pageSize) ? stored.pageSize : DEFAULT_SETTINGS.pageSize,
    timeFormat: oneOf(TIME_FORMATS, stored.timeFormat, DEFAULT_SETTINGS.timeFormat),
    markReadOnOpen: typeof stored.markReadOnOpen === 'boolean' ? stored.markReadOnOpen : DEFAULT_SETTINGS.markReadOnOpen,
  };
}

/**
 * Version 0 (the first prototype) kept `{ accounts: { [id]: boolean }, darkMode: boolean | null, compactRows,
 * limit: string | number, relativeTime }`. Anything unreadable becomes the default; the other fields survive.
 */
export function migrateSettings(persisted: unknown, fromVersion: number): Settings {
  if (fromVersion !== 0) return sanitizeSettings(persisted);
  const v0 = record(persisted);
  const accounts = record(v0.accounts);
  // It came from a text field then, so it may be a string.
  const pageSize = typeof v0.limit === 'string' ? Number(v0.limit.trim()) : v0.limit;
  return sanitizeSettings({
    selectedAccountIds: Object.keys(accounts).filter((id) => accounts[id] === true),
    theme: v0.darkMode === true ? 'dark' : v0.darkMode === false ? 'light' : 'system',
    density: v0.compactRows === true ? 'compact' : 'comfortable',
    pageSize,
    timeFormat: v0.relativeTime === false ? 'absolute' : 'relative',
    // Version 0 always marked chats read when opened.
    markReadOnOpen: true,
  });
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** A page that refuses localStorage (sandboxed, some private modes) throws here; persist then keeps settings in memory. */
function browserStorage(): StateStorage {
  return window.localStorage;
}

/** A store per call, so tests get a fresh one with a fake storage; the app uses the one in `use-settings.ts`. */
export function createSettingsStore(getStorage: () => StateStorage = browserStorage) {
  return createStore<SettingsState>()(
    persist(
      (set, get) => ({
        ...DEFAULT_SETTINGS,
        setAccountSelected: (accountId, selected) => {
          const current = get().selectedAccountIds;
          const has = current.includes(accountId);
          if (selected === has) return;
          set({ selectedAccountIds: selected ? [...current, accountId] : current.filter((id) => id !== accountId) });
        },
        setSelectedAccountIds: (accountIds) => set({ selectedAccountIds: accountIdList(accountIds) }),
        pruneAccounts: (existingIds) => {
          const existing = new Set(existingIds);
          const current = get().selectedAccountIds;
          const kept = current.filter((id) => existing.has(id));
          // No write when nothing changed: every subscriber (and the query key) stays the same.
          if (!sameIds(kept, current)) set({ selectedAccountIds: kept });
        },
        setTheme: (theme) => set({ theme: oneOf(THEMES, theme, get().theme) }),
        setDensity: (density) => set({ density: oneOf(DENSITIES, density, get().density) }),
        setPageSize: (pageSize) => {
          if (!isValidPageSize(pageSize)) return false;
          set({ pageSize });
          return true;
        },
        setTimeFormat: (timeFormat) => set({ timeFormat: oneOf(TIME_FORMATS, timeFormat, get().timeFormat) }),
        setMarkReadOnOpen: (markReadOnOpen) => set({ markReadOnOpen }),
      }),
      {
        name: SETTINGS_STORAGE_KEY,
        version: SETTINGS_VERSION,
        storage: createJSONStorage(getStorage),
        partialize: ({ selectedAccountIds, theme, density, pageSize, timeFormat, markReadOnOpen }): Settings => ({
          selectedAccountIds,
          theme,
          density,
          pageSize,
          timeFormat,
          markReadOnOpen,
        }),
        migrate: migrateSettings,
        // The stored copy of the current version is checked too, not trusted because its version number matches.
        merge: (persisted, current) => ({ ...current, ...sanitizeSettings(persisted) }),
      },
    ),
  );
}

