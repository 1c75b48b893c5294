import type { QueryClient } from '@tanstack/react-query';
import { chatState, type ChatActionKind } from '../chats/actions';
import type { ChatListParams } from '../chats/filters';
import { chatKeys } from '../chats/keys';
import { flattenChatPages, type ChatListData } from '../chats/list-pages';
import type { InboxChat } from '../chats/model';
import { inViewOrder, resolveCursor } from './cursor';
import { useCursorStore } from './cursor-store';
import type { TriageView } from './screen';

/** Which chats an action applies to, and in which view. */

/** The view's loaded chat ids, in list order. */
export function viewIds(queryClient: QueryClient, params: ChatListParams): string[] {
  const data = queryClient.getQueryData<ChatListData>(chatKeys.list(params));
  return data ? flattenChatPages(data.pages).chats.map((chat) => chat.id) : [];
}

/** The chats an action applies to: the picked ones (in list order), else the open chat, else the cursor chat. */
export function triageTargets(queryClient: QueryClient, view: Pick<TriageView, 'params' | 'openChatId'>): { ids: string[]; bulk: boolean } {
  const { picked, cursor } = useCursorStore.getState();
  const ids = viewIds(queryClient, view.params);
  if (picked.size > 0) return { ids: inViewOrder(ids, picked), bulk: true };
  if (view.openChatId) return { ids: [view.openChatId], bulk: false };
  const at = resolveCursor(ids, cursor);
  return { ids: at ? [at.id] : [], bulk: false };
}

/** The value a bulk action sets: off when every chat already has the state ("Unarchive"), on otherwise. */
export function bulkValue(chats: readonly InboxChat[], kind: ChatActionKind, now: number): boolean {
  return !(chats.length > 0 && chats.every((chat) => chatState(chat, kind, now)));
}

