import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { accountKeys } from '../accounts';
import { chatKeys } from '../chats/keys';
import { applyLiveEvent } from './apply-live-event';
import { refreshActiveFirstPages } from './first-page';
import { connectLive, useLiveStatus } from './live-client';
import { notifyIfHidden } from './notify';
import { followUnreadCount } from './tab-title';

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

export interface LiveUpdatesOptions {
  /** Settings → "Notify me of new messages" (the settings feature owns it; the app passes it in). */
  notifyNewMessages: boolean;
  /** A notification was clicked: open that chat. */
  onOpenChat?: (chatId: string) => void;
}

/**
 * Live updates for the whole app, called once (the app shell): the event stream into the caches, polling while it is
 * down, and the unread count in the tab title.
 */
export function useLiveUpdates({ notifyNewMessages, onOpenChat }: LiveUpdatesOptions): void {
  const queryClient = useQueryClient();
  const latest = useRef({ notifyNewMessages, onOpenChat });
  useEffect(() => {
    latest.current = { notifyNewMessages, onOpenChat };
  });

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      useLiveStatus.setState({ status: 'paused' });
      return;
    }
    return connectLive({
      onEvent: (event) => {
        // Before the cache changes nothing it reads (muted, name); after would do too.
        if (latest.current.notifyNewMessages) notifyIfHidden(queryClient, event, latest.current.onOpenChat);
        applyLiveEvent(queryClient, event);
      },
      onResync: () => resyncAfterGap(queryClient),
    });
  }, [queryClient]);

  const status = useLiveStatus((s) => s.status);
  useEffect(() => {
    if (status !== 'paused') return;
    const timer = window.setInterval(() => void refreshActiveFirstPages(queryClient), POLL_WHILE_PAUSED_MS);
    return () => window.clearInterval(timer);
  }, [status, queryClient]);

  useEffect(() => followUnreadCount(queryClient), [queryClient]);
}
