/** The reply box's id: the "r" shortcut focuses it (kept apart so the shortcut does not load the composer). */
export const COMPOSER_ID = 'chat-reply';
