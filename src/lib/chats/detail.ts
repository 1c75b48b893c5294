import { apiGet, ApiError } from '@/lib/api-client';
import { normalizeChat, type InboxChat } from './model';
import { wireChatSchema } from '@/lib/wire/chat-wire';

/** The chat's path in the API (its app URL is app/routes.ts `chatUrl`). */
export function chatApiPath(chatId: string): string {
  return `/api/v1/chats/${encodeURIComponent(chatId)}`;
}

/** GET /api/v1/chats/:id, normalized like a list item, so optimistic changes apply to both the same way. */
export async function fetchChat(chatId: string, signal?: AbortSignal): Promise<InboxChat> {
  const json = await apiGet(chatApiPath(chatId), { signal });
  const parsed = wireChatSchema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({ status: 200, type: 'client/invalid_response', title: 'Unexpected response', detail: 'The chat response is not a chat.' });
  }
  return normalizeChat(parsed.data, Date.now());
}
