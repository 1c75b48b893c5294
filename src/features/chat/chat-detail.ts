import { queryOptions } from '@tanstack/react-query';
import { apiGet, ApiError } from '@/lib/api-client';
import { normalizeChat, type InboxChat } from '@/lib/chat-model';
import { chatKeys } from '@/lib/chat-queries';
import { wireChatSchema } from '@/lib/wire/chat-wire';

export function chatPath(chatId: string): string {
  return `/api/v1/chats/${encodeURIComponent(chatId)}`;
}

/** GET /api/v1/chats/:id, normalized like a list item, so optimistic changes apply to both the same way. */
export async function fetchChat(chatId: string, signal?: AbortSignal): Promise<InboxChat> {
  const json = await apiGet(chatPath(chatId), { signal });
  const parsed = wireChatSchema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({ status: 200, type: 'client/invalid_response', title: 'Unexpected response', detail: 'The chat response is not a chat.' });
  }
  return normalizeChat(parsed.data, Date.now());
}

export function chatDetailQueryOptions(chatId: string) {
  return queryOptions({
    queryKey: chatKeys.detail(chatId),
    queryFn: ({ signal }) => fetchChat(chatId, signal),
  });
}
