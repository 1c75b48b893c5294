import { useEffect } from 'react';
import { useShortcuts } from '@/lib/use-shortcuts';
import { useUiStore } from '@/lib/ui-store';
import { SETTINGS_STORAGE_KEY } from './settings-store';
import { settingsStore } from './use-settings';

/**
 * What the settings do outside their panel; the app calls this once: the `,` shortcut (config/shortcuts.ts), and
 * settings changed in another tab (the storage event fires only in the other tabs). The app applies the theme with
 * its own hook.
 */
export function useSettingsEffects(): void {
  useShortcuts('global', { settings: () => useUiStore.getState().openSettings() });

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === SETTINGS_STORAGE_KEY) void settingsStore.persist.rehydrate();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
}
