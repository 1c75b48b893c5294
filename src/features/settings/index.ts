export { SETTINGS_BUTTON_ID } from './settings-button-id';
export { SettingsDialogLoader as SettingsDialog } from './settings-dialog-loader';
export { useAccountVisibility } from './use-account-visibility';
export { useSettingsEffects } from './use-settings-effects';
export {
  initialListAccountIds,
  selectAdvance,
  selectDensity,
  selectMarkReadOnOpen,
  selectNotifyNewMessages,
  selectPageSize,
  selectTheme,
  selectTimeFormat,
  readSettings,
  useSettings,
} from './use-settings';
