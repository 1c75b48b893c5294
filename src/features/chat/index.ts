import { lazy } from 'react';

/** The detail pane is its own chunk (with DOMPurify): the list's first paint does not load it. */
export const ChatPane = lazy(() => import('./chat-pane'));

/**
 * The triage keys (e, u, p, m, r, Esc, ?), also a chunk of their own: mount inside a Suspense with no fallback. They
 * start working as soon as it has loaded, a moment after the first paint.
 */
export const TriageShortcuts = lazy(() => import('./triage-shortcuts'));
