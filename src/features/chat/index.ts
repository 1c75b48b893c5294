import { lazy } from 'react';
import { loadChatPane } from './prefetch';

/** The detail pane is its own chunk (with DOMPurify): the list's first paint does not load it. */
export const ChatPane = lazy(loadChatPane);

/** The pane's Suspense fallback: in the initial chunk, shaped like the pane, with the header from the list's data. */
export { ChatPaneSkeleton } from './chat-pane-skeleton';
export { prefetchChat } from './prefetch';
export { COMPOSER_ID } from './composer-id';
export { triageActionReason } from './availability';
