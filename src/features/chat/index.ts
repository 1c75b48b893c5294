import { lazy } from 'react';

/** The detail pane is its own chunk (with DOMPurify): the list's first paint does not load it. */
export const ChatPane = lazy(() => import('./chat-pane'));

export { COMPOSER_ID } from './composer-id';
export { triageBlockReason } from './availability';
