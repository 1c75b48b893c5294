import { useLayoutEffect } from 'react';
import { applyTheme, type ThemePreference } from '@/lib/theme';

/**
 * Keeps <html class="dark"> in step with the preference (and, for 'system', with the OS). A layout effect, so a
 * stored Light/Dark choice is applied before the first paint instead of flashing the system palette for a frame.
 */
export function useApplyTheme(preference: ThemePreference): void {
  useLayoutEffect(() => applyTheme(preference), [preference]);
}
