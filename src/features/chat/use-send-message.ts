import { useMutation, useQueryClient } from '@tanstack/react-query';
import { providerLabel } from '@/config/providers';
import { apiPost } from '@/lib/api-write';
import { applyChatChange, restoreSnapshot, type CacheSnapshot } from '@/lib/chats/list-cache';
import { type ChatListData } from '@/lib/chats/list-pages';
import { describeError } from '@/lib/error-messages';
import { chatApiPath } from '@/lib/chats/detail';
import { restoreDraft, takeDraft } from './draft-store';
import { knownChat } from '@/lib/chats/list-pages';
import type { ChatPreview } from '@/lib/chats/previews';
import { localMessage, type ChatMessage, type MessagesData } from '@/lib/chats/messages';
import { MAX_PAGES_REFETCHED_ON_FOCUS } from '@/lib/chats/queries';
import { chatKeys } from '@/lib/chats/keys';

export interface SendRequest {
  text: string;
}

interface SendContext {
  pendingId: string;
  snapshot: CacheSnapshot;
  /** The row's preview before "You: …" replaced it (undefined: there was none). */
  previewBefore: ChatPreview | undefined;
}

let pendingSeq = 0;

export function pendingMessage(id: string, text: string, now: number): ChatMessage {
  return localMessage({ id, text, sentAt: now, mine: true, delivered: false, status: 'sending' });
}

/** Pages are newest first: a new message goes at the front of the first page. */
export function withPendingMessage(data: MessagesData | undefined, message: ChatMessage): MessagesData | undefined {
  if (!data || data.pages.length === 0) return data;
  const [first, ...rest] = data.pages;
  return { ...data, pages: [{ ...first!, messages: [message, ...first!.messages] }, ...rest] };
}

export function withoutMessage(data: MessagesData | undefined, messageId: string): MessagesData | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => (page.messages.some((m) => m.id === messageId) ? { ...page, messages: page.messages.filter((m) => m.id !== messageId) } : page)) };
}

/**
 * POST /api/v1/chats/:id/messages. The message shows at once as "Sending…", the chat moves to the top of every list
 * that shows it (and is read: sending marks it read, as the providers do); the answer is reconciled by refetching the
 * messages and the lists on screen. A failure takes the message out again, puts the lists back and the text back
 * into the reply box; the app-wide error path toasts it with a Retry that sends the same text again.
 */
export function useSendMessage(chatId: string) {
  const queryClient = useQueryClient();
  const messagesKey = chatKeys.messages(chatId);

  return useMutation<unknown, unknown, SendRequest, SendContext>({
    meta: {
      describeFailure: (error, { text }: SendRequest) => {
        const chat = knownChat(queryClient, chatId);
        const copy = describeError(error, { providerLabel: chat ? providerLabel(chat.provider) : undefined });
        const where = chat ? `to “${chat.displayName}” ` : '';
        return { title: `Not sent: ${copy.title}`, message: `Your reply ${where}is back in the reply box. ${copy.message}`, retryKey: `send:${chatId}:${text}` };
      },
    },
    mutationFn: ({ text }) => apiPost(`${chatApiPath(chatId)}/messages`, { text }),
    onMutate: async ({ text }) => {
      // A Retry from the toast sends the text the failure put back: it leaves the box again.
      takeDraft(chatId, text);
      await queryClient.cancelQueries({ queryKey: messagesKey });
      const now = Date.now();
      pendingSeq += 1;
      const pendingId = `pending:${now}:${pendingSeq}`;
      queryClient.setQueryData<MessagesData>(messagesKey, (data) => withPendingMessage(data, pendingMessage(pendingId, text, now)));
      const snapshot = applyChatChange(queryClient, {
        chatId,
        update: (chat) => ({ ...chat, lastActivityAt: now, unreadCount: 0 }),
        now,
        options: { reposition: true },
      });
      // The row says what was sent last at once ("You: …"), as the list's order already does.
      const previewKey = chatKeys.preview(chatId);
      const previewBefore = queryClient.getQueryData<ChatPreview>(previewKey);
      queryClient.setQueryData<ChatPreview>(previewKey, {
        chatId,
        lastMessage: { sender: { kind: 'self' }, text, attachments: [], deleted: false, edited: false, event: false, at: now },
        displayName: previewBefore?.displayName ?? null,
        pictureSrc: previewBefore?.pictureSrc ?? null,
        partial: false,
      });
      return { pendingId, snapshot, previewBefore };
    },
    onError: (_error, { text }, context) => {
      restoreDraft(chatId, text);
      if (!context) return;
      queryClient.setQueryData<MessagesData>(messagesKey, (data) => withoutMessage(data, context.pendingId));
      restoreSnapshot(queryClient, context.snapshot);
      if (context.previewBefore) queryClient.setQueryData(chatKeys.preview(chatId), context.previewBefore);
      else queryClient.removeQueries({ queryKey: chatKeys.preview(chatId), exact: true });
    },
    onSettled: async (_data, error) => {
      if (error) return;
      void queryClient.invalidateQueries({ queryKey: chatKeys.lists(), refetchType: 'none' });
      void queryClient.refetchQueries({
        queryKey: chatKeys.lists(),
        type: 'active',
        // The same bound the list uses for focus refetches: a long scrolled list is not replayed page by page.
        predicate: (query) => ((query.state.data as ChatListData | undefined)?.pages.length ?? 0) <= MAX_PAGES_REFETCHED_ON_FOCUS,
      });
      void queryClient.invalidateQueries({ queryKey: chatKeys.detail(chatId), exact: true });
      // Returned, so the mutation stays pending (and the message "Sending…") until the real one is in the cache.
      await queryClient.invalidateQueries({ queryKey: messagesKey });
    },
  });
}
