export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

/**
 * Puts the `dark` class on <html> for the chosen theme and, for 'system', follows the OS as it changes.
 * Returns the cleanup (stop following); call it again with a new preference when the setting changes.
 */
export function applyTheme(preference: ThemePreference, root: HTMLElement = document.documentElement): () => void {
  const media = window.matchMedia(DARK_QUERY);
  const apply = () => {
    const theme = resolveTheme(preference, media.matches);
    root.classList.toggle('dark', theme === 'dark');
    root.style.colorScheme = theme;
  };
  apply();
  if (preference !== 'system') return () => {};
  media.addEventListener('change', apply);
  return () => media.removeEventListener('change', apply);
}
