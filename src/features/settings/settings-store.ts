import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { DEFAULT_PAGE_SIZE } from '@/lib/chats/filters';
import type { Density } from '@/lib/density';
import type { ThemePreference } from '@/lib/theme';
import type { TimeStyle } from '@/lib/time-format';
import { ADVANCE_SETTINGS, type AdvanceSetting } from '@/lib/triage/cursor';
import { PAGE_SIZE } from '@/lib/wire/vocabulary';
import { hiddenAmong } from './account-visibility';

export type { Density };

/** Client settings only: what the person chose, never data the server owns. */
export interface Settings {
  /** Accounts whose chats the list leaves out; every other account (one connected later too) is shown. */
  hiddenAccountIds: string[];
  /**
   * A version 1 selection ("only these accounts"), kept until the accounts list arrives and turns it into hidden ids
   * (the rest); null once converted, or when there was none.
   */
  legacyShownAccountIds: string[] | null;
  theme: ThemePreference;
  density: Density;
  pageSize: number;
  timeFormat: TimeStyle;
  /** Opening a chat marks it read (the chat-details feature reads this through the app). */
  markReadOnOpen: boolean;
  /** After an action makes the cursor chat leave the view: open the next one, the previous one, or go back to the list. */
  advance: AdvanceSetting;
  /** Desktop notifications for new messages in chats that are not muted, while the page is hidden (opt-in). */
  notifyNewMessages: boolean;
}

export interface SettingsActions {
  setAccountShown: (accountId: string, shown: boolean) => void;
  showAllAccounts: () => void;
  /**
   * Once the accounts list has arrived: drops ids of accounts that no longer exist and converts a version 1 selection
   * (see `hiddenAmong`).
   */
  pruneAccounts: (existingIds: Iterable<string>) => void;
  setTheme: (theme: ThemePreference) => void;
  setDensity: (density: Density) => void;
  /** Stores a valid page size and returns true; an invalid one is refused (false) and never stored. */
  setPageSize: (pageSize: number) => boolean;
  setTimeFormat: (timeFormat: TimeStyle) => void;
  setMarkReadOnOpen: (markReadOnOpen: boolean) => void;
  setAdvance: (advance: AdvanceSetting) => void;
  setNotifyNewMessages: (notifyNewMessages: boolean) => void;
}

export type SettingsState = Settings & SettingsActions;

export const SETTINGS_STORAGE_KEY = 'triage.settings';
export const SETTINGS_VERSION = 2;

/** Unipile's bounds for `limit` (lib/chats/filters.ts clamps to the same range; here an out-of-range value is refused). */
export const PAGE_SIZE_MIN = PAGE_SIZE.min;
export const PAGE_SIZE_MAX = PAGE_SIZE.max;
export const PAGE_SIZE_MESSAGE = `Page size must be a whole number from ${PAGE_SIZE_MIN} to ${PAGE_SIZE_MAX}`;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  hiddenAccountIds: [],
  legacyShownAccountIds: null,
  theme: 'system',
  density: 'comfortable',
  pageSize: DEFAULT_PAGE_SIZE,
  timeFormat: 'relative',
  markReadOnOpen: true,
  advance: 'next',
  notifyNewMessages: false,
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

/** An old "only these accounts" selection; an empty one meant every account, so there is nothing to convert. */
function legacySelection(value: unknown): string[] | null {
  const ids = accountIdList(value);
  return ids.length > 0 ? ids : null;
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
    hiddenAccountIds: accountIdList(stored.hiddenAccountIds),
    legacyShownAccountIds: legacySelection(stored.legacyShownAccountIds),
    theme: oneOf(THEMES, stored.theme, DEFAULT_SETTINGS.theme),
    density: oneOf(DENSITIES, stored.density, DEFAULT_SETTINGS.density),
    pageSize: isValidPageSize(stored.pageSize) ? stored.pageSize : DEFAULT_SETTINGS.pageSize,
    timeFormat: oneOf(TIME_FORMATS, stored.timeFormat, DEFAULT_SETTINGS.timeFormat),
    markReadOnOpen: typeof stored.markReadOnOpen === 'boolean' ? stored.markReadOnOpen : DEFAULT_SETTINGS.markReadOnOpen,
    advance: oneOf(ADVANCE_SETTINGS, stored.advance, DEFAULT_SETTINGS.advance),
    // Only a stored true turns it on: a notification nobody asked for is worse than none.
    notifyNewMessages: stored.notifyNewMessages === true,
  };
}

/**
 * Version 1 kept `selectedAccountIds` ("only these; none means all"): without the accounts list it cannot become
 * hidden ids yet, so it is kept as `legacyShownAccountIds` and the list shows the same chats as before meanwhile.
 * Version 0 (the first prototype) kept `{ accounts: { [id]: boolean }, darkMode: boolean | null, compactRows,
 * limit: string | number, relativeTime }`. Anything unreadable becomes the default; the other fields survive.
 */
export function migrateSettings(persisted: unknown, fromVersion: number): Settings {
  if (fromVersion === 1) {
    const v1 = record(persisted);
    return sanitizeSettings({ ...v1, hiddenAccountIds: [], legacyShownAccountIds: v1.selectedAccountIds });
  }
  if (fromVersion !== 0) return sanitizeSettings(persisted);
  const v0 = record(persisted);
  const accounts = record(v0.accounts);
  // It came from a text field then, so it may be a string.
  const pageSize = typeof v0.limit === 'string' ? Number(v0.limit.trim()) : v0.limit;
  return sanitizeSettings({
    legacyShownAccountIds: Object.keys(accounts).filter((id) => accounts[id] === true),
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
        setAccountShown: (accountId, shown) => {
          const current = get().hiddenAccountIds;
          const hidden = current.includes(accountId);
          if (shown !== hidden) return;
          set({ hiddenAccountIds: shown ? current.filter((id) => id !== accountId) : [...current, accountId] });
        },
        showAllAccounts: () => {
          if (get().hiddenAccountIds.length > 0 || get().legacyShownAccountIds) set({ hiddenAccountIds: [], legacyShownAccountIds: null });
        },
        pruneAccounts: (existingIds) => {
          const { hiddenAccountIds: current, legacyShownAccountIds: legacy } = get();
          const kept = hiddenAmong([...existingIds], current, legacy);
          // No write when nothing changed: every subscriber (and the query key) stays the same.
          if (legacy || !sameIds(kept, current)) set({ hiddenAccountIds: kept, legacyShownAccountIds: null });
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
        setAdvance: (advance) => set({ advance: oneOf(ADVANCE_SETTINGS, advance, get().advance) }),
        setNotifyNewMessages: (notifyNewMessages) => set({ notifyNewMessages: notifyNewMessages === true }),
      }),
      {
        name: SETTINGS_STORAGE_KEY,
        version: SETTINGS_VERSION,
        storage: createJSONStorage(getStorage),
        partialize: ({ hiddenAccountIds, legacyShownAccountIds, theme, density, pageSize, timeFormat, markReadOnOpen, advance, notifyNewMessages }): Settings => ({
          hiddenAccountIds,
          legacyShownAccountIds,
          theme,
          density,
          pageSize,
          timeFormat,
          markReadOnOpen,
          advance,
          notifyNewMessages,
        }),
        migrate: migrateSettings,
        // The stored copy of the current version is checked too, not trusted because its version number matches.
        merge: (persisted, current) => ({ ...current, ...sanitizeSettings(persisted) }),
      },
    ),
  );
}

