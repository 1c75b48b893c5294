import { useEffect } from 'react';
import { useUiStore } from '@/lib/ui-store';
import { isSettingsShortcut } from './settings-shortcut';
import { SETTINGS_STORAGE_KEY } from './settings-store';
import { settingsStore } from './use-settings';

/**
 * What the settings do outside their panel; the app calls this once: the `,` shortcut, and settings changed in
 * another tab (the storage event fires only in the other tabs). The app applies the theme with its own hook.
 */
export function useSettingsEffects(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSettingsShortcut(event)) return;
      // Another modal (or this one) is open: the page behind it is inert, and a shortcut must not reach through.
      if (document.querySelector('dialog:modal')) return;
      event.preventDefault();
      useUiStore.getState().openSettings();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === SETTINGS_STORAGE_KEY) void settingsStore.persist.rehydrate();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
}
