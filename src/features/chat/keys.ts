import { chatKeys } from '@/lib/chat-queries';

/**
 * Keys of the chat pane's own queries. They sit beside `['chats', 'detail', id]` rather than under it, so a
 * `setQueriesData` on the details (which hold InboxChat) never reaches message pages or attendee lists.
 */
export const chatPaneKeys = {
  messages: (chatId: string) => [...chatKeys.all, 'messages', chatId] as const,
  attendees: (chatId: string) => [...chatKeys.all, 'attendees', chatId] as const,
};
