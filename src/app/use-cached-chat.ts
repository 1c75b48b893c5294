import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { InboxChat } from '@/lib/chat-model';
import { findCachedChat } from '@/lib/chat-queries';

/** A chat from whichever cached list holds it, updating as the cache does (until a detail query exists). */
export function useCachedChat(chatId: string): InboxChat | undefined {
  const queryClient = useQueryClient();
  const subscribe = useCallback((onChange: () => void) => queryClient.getQueryCache().subscribe(onChange), [queryClient]);
  const read = useCallback(() => findCachedChat(queryClient, chatId), [queryClient, chatId]);
  return useSyncExternalStore(subscribe, read);
}
