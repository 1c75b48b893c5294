/** The header's Settings button carries this id: focus goes back to it when the element focused before is gone. */
export const SETTINGS_BUTTON_ID = 'settings-button';
