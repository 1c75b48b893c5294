import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

export interface LiveUpdatesOptions {
  /** Settings → "Notify me of new messages" (the settings feature owns it; the app passes it in). */
  notifyNewMessages: boolean;
  /** A notification was clicked: open that chat. */
  onOpenChat?: (chatId: string) => void;
}

/**
 * Live updates for the whole app, called once (the app shell). The session itself (src/lib/live/live-session.ts)
 * loads as its own chunk once the first screen is up: the first rows never wait for the stream code.
 */
export function useLiveUpdates(options: LiveUpdatesOptions): void {
  const queryClient = useQueryClient();
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import('./live-session').then(({ startLiveSession }) => {
      if (!cancelled) stop = startLiveSession(queryClient, latest);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [queryClient]);
}
