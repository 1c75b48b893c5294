export { SETTINGS_BUTTON_ID } from './settings-button-id';
export { SettingsDialogLoader as SettingsDialog } from './settings-dialog-loader';
export { useAccountSelection } from './use-account-selection';
export { useSettingsEffects } from './use-settings-effects';
export {
  selectDensity,
  selectMarkReadOnOpen,
  selectPageSize,
  selectTheme,
  selectTimeFormat,
  readSettings,
  useSettings,
} from './use-settings';
