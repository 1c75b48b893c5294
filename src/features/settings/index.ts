export { SETTINGS_BUTTON_ID, SettingsDialog } from './settings-dialog';
export type { Density, Settings, TimeFormat } from './settings-store';
export { useAccountSelection } from './use-account-selection';
export { useSettingsEffects } from './use-settings-effects';
export {
  selectDensity,
  selectMarkReadOnOpen,
  selectPageSize,
  selectSelectedAccountIds,
  selectTheme,
  selectTimeFormat,
  useSettings,
} from './use-settings';
