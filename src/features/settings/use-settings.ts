import { useStore } from 'zustand';
import { createSettingsStore, type SettingsState } from './settings-store';

/** The app's one settings store, kept in localStorage under `triage.settings`. */
export const settingsStore = createSettingsStore();

/** Reads one slice of the settings; the component re-renders only when that slice changes. */
export function useSettings<T>(selector: (state: SettingsState) => T): T {
  return useStore(settingsStore, selector);
}

// Selectors for the app to hand settings to other features as props (features never import each other).
export const selectHiddenAccountIds = (state: SettingsState) => state.hiddenAccountIds;
export const selectLegacyShownAccountIds = (state: SettingsState) => state.legacyShownAccountIds;
export const selectTheme = (state: SettingsState) => state.theme;
export const selectDensity = (state: SettingsState) => state.density;
export const selectPageSize = (state: SettingsState) => state.pageSize;
export const selectTimeFormat = (state: SettingsState) => state.timeFormat;
export const selectMarkReadOnOpen = (state: SettingsState) => state.markReadOnOpen;
export const selectNotifyNewMessages = (state: SettingsState) => state.notifyNewMessages;
export const selectAdvance = (state: SettingsState) => state.advance;

/** The settings as they are now, outside React (the app prefetches the first page of the list before rendering). */
export function readSettings(): SettingsState {
  return settingsStore.getState();
}

/**
 * The accounts of the list prefetched before React renders: [] when nothing is hidden; null otherwise, since the
 * shown ids need the accounts list (the app then skips the prefetch).
 */
export function initialListAccountIds(): string[] | null {
  const { hiddenAccountIds, legacyShownAccountIds } = settingsStore.getState();
  return hiddenAccountIds.length === 0 && !legacyShownAccountIds ? [] : null;
}
