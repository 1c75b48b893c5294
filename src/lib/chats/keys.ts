import { normalizeListParams, type ChatListParams } from './filters';

/**
 * Every query key of the chats resource, general to specific. Message pages and attendee lists sit beside
 * `['chats', 'detail', id]` rather than under it, so a `setQueriesData` on the details (which hold InboxChat) never
 * reaches them. In lib/ because the chat feature's optimistic actions reach every cached list through these keys.
 */
export const chatKeys = {
  all: ['chats'] as const,
  lists: () => [...chatKeys.all, 'list'] as const,
  list: (params: ChatListParams) => [...chatKeys.lists(), normalizeListParams(params)] as const,
  details: () => [...chatKeys.all, 'detail'] as const,
  detail: (chatId: string) => [...chatKeys.details(), chatId] as const,
  messages: (chatId: string) => [...chatKeys.all, 'messages', chatId] as const,
  attendees: (chatId: string) => [...chatKeys.all, 'attendees', chatId] as const,
  /** Beside list and detail too: their setQueriesData never reaches a preview. */
  preview: (chatId: string) => [...chatKeys.all, 'preview', chatId] as const,
};
