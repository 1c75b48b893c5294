import type { QueryClient } from '@tanstack/react-query';
import { accountKeys } from '../accounts';
import { chatKeys } from '../chats/keys';
import { applyLiveEvent } from './apply-live-event';
import { refreshActiveFirstPages } from './first-page';
import { connectLive } from './live-client';
import { useLiveStatus } from './status-store';
import { notifyIfHidden } from './notify';
import { followUnreadCount } from './tab-title';
import type { LiveUpdatesOptions } from './use-live-updates';

/** While the stream is down, the list on screen asks for its first page this often. */
export const POLL_WHILE_PAUSED_MS = 30_000;

/** After a gap: the top of the visible list, the accounts (a status change), and the open chat's messages. */
export function resyncAfterGap(queryClient: QueryClient): void {
  void refreshActiveFirstPages(queryClient);
  // Lists not on screen are only marked stale: they refetch when shown again.
  void queryClient.invalidateQueries({ queryKey: chatKeys.lists(), refetchType: 'none' });
  void queryClient.invalidateQueries({ queryKey: accountKeys.list() });
  void queryClient.invalidateQueries({ queryKey: [...chatKeys.all, 'messages'], type: 'active' });
}

/**
 * The live session: the event stream into the caches, polling the visible list while the stream is down, and the
 * unread count in the tab title. Its own chunk, started once the first screen is up (see use-live-updates.ts).
 */
export function startLiveSession(queryClient: QueryClient, options: { readonly current: LiveUpdatesOptions }): () => void {
  const stops: (() => void)[] = [];
  let caughtUp = false;
  if (typeof EventSource === 'undefined') {
    useLiveStatus.setState({ status: 'paused' });
  } else {
    stops.push(
      connectLive({
        // Whatever arrived between the first page and the stream's first open would be missed: the visible list's
        // first page is asked for once more then (one request per load).
        onStatus: (status) => {
          useLiveStatus.setState({ status });
          if (status === 'live' && !caughtUp) {
            caughtUp = true;
            void refreshActiveFirstPages(queryClient);
          }
        },
        onEvent: (event) => {
          // Before the cache changes nothing it reads (muted, name); after would do too.
          if (options.current.notifyNewMessages) notifyIfHidden(queryClient, event, options.current.onOpenChat);
          applyLiveEvent(queryClient, event);
        },
        onResync: () => resyncAfterGap(queryClient),
      }),
    );
  }
  let poll = 0;
  const follow = (status: string) => {
    window.clearInterval(poll);
    if (status === 'paused') poll = window.setInterval(() => void refreshActiveFirstPages(queryClient), POLL_WHILE_PAUSED_MS);
  };
  follow(useLiveStatus.getState().status);
  stops.push(useLiveStatus.subscribe((s) => follow(s.status)));
  stops.push(() => window.clearInterval(poll));
  stops.push(followUnreadCount(queryClient));
  return () => stops.forEach((stop) => stop());
}
