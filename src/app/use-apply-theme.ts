import { useEffect } from 'react';
import { applyTheme, type ThemePreference } from '@/lib/theme';

/** Keeps <html class="dark"> in step with the preference (and, for 'system', with the OS). */
export function useApplyTheme(preference: ThemePreference): void {
  useEffect(() => applyTheme(preference), [preference]);
}
