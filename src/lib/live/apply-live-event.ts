import type { QueryClient } from '@tanstack/react-query';
import { accountKeys, type Account } from '../accounts';
import { chatKeys } from '../chats/keys';
import { applyChatChange } from '../chats/list-cache';
import { knownChat } from '../chats/list-pages';
import { localMessage, type ChatMessage, type MessagesData } from '../chats/messages';
import type { ChatPreview, PreviewMessage } from '../chats/previews';
import type { LiveEvent, LiveMessage } from '../wire/live-events';
import { readTime } from '../wire/readers';
import { refreshActiveFirstPages } from './first-page';

/**
 * One live event into the TanStack Query caches, through the chats resource's keys and its one placement rule
 * (applyChatChange → placeChatInList → the shared matcher), so a live message lands exactly where an optimistic action
 * or a refetch would put it. No React, no EventSource: the client hands events here.
 */

/** What applying an event did, for the caller (notifications, tests). */
export interface LiveApplyResult {
  /** The chat was in no cached list nor detail: the visible list's first page was asked for again. */
  refetched: boolean;
}

/** The live message as the open chat's message list holds messages. */
export function liveChatMessage(message: LiveMessage, now: number): ChatMessage {
  // The event only counts attachments; a messages refetch brings them (see appendMessage's caller).
  return localMessage({
    id: message.id,
    senderAttendeeId: message.sender_attendee_id,
    text: message.text !== null && message.text.trim() !== '' ? message.text : null,
    sentAt: readTime(message.timestamp) ?? now,
    mine: message.is_sender === 1,
  });
}

function someMessage(data: MessagesData, test: (m: ChatMessage) => boolean): boolean {
  return data.pages.some((page) => page.messages.some(test));
}

/**
 * Pages are newest first: the message goes at the front of the first page, once. A message this browser just sent is
 * already there as "Sending…" (use-send-message's pending message, `status: 'sending'`, same text): it becomes the
 * real one instead of showing twice.
 */
export function withLiveMessage(data: MessagesData | undefined, message: ChatMessage): MessagesData | undefined {
  if (!data || data.pages.length === 0) return data;
  if (someMessage(data, (m) => m.id === message.id)) return data;
  const pending = message.mine
    ? data.pages.flatMap((page) => page.messages).findLast((m) => m.status === 'sending' && (m.text ?? '') === (message.text ?? ''))
    : undefined;
  if (pending) {
    return { ...data, pages: data.pages.map((page) => ({ ...page, messages: page.messages.map((m) => (m === pending ? message : m)) })) };
  }
  const [first, ...rest] = data.pages;
  return { ...data, pages: [{ ...first!, messages: [message, ...first!.messages] }, ...rest] };
}

function previewMessageOf(message: LiveMessage, sentAt: number): PreviewMessage {
  return {
    sender: message.is_sender === 1 ? { kind: 'self' } : { kind: 'other', name: message.sender_name },
    text: message.text ?? '',
    // Kinds are unknown from the event: the row says "Attachment" / "N attachments" until the next preview fetch.
    attachments: Array.from({ length: Math.max(0, Math.min(message.attachment_count, 20)) }, () => ({ kind: 'other' as const, name: null })),
    deleted: false,
    edited: false,
    event: false,
    at: sentAt,
  };
}

function applyMessageCreated(queryClient: QueryClient, event: Extract<LiveEvent, { type: 'message.created' }>, now: number): LiveApplyResult {
  const { chat_id: chatId, message } = event;
  const sentAt = readTime(message.timestamp) ?? now;
  const mine = message.is_sender === 1;
  const known = knownChat(queryClient, chatId);

  if (known) {
    applyChatChange(queryClient, {
      chatId,
      // Never moves a chat back in time (an event replayed after a refetch that already had a newer message).
      update: (chat) => ({
        ...chat,
        lastActivityAt: Math.max(chat.lastActivityAt ?? sentAt, sentAt),
        // Sending marks a chat read, as use-send-message does (the providers do the same).
        unreadCount: mine ? 0 : chat.unreadCount + 1,
      }),
      now,
      options: { reposition: true },
    });
  }

  // Only a preview already held is changed: without one, the row asks /api/previews as it comes on screen.
  const previewKey = chatKeys.preview(chatId);
  const preview = queryClient.getQueryData<ChatPreview>(previewKey);
  if (preview && (preview.lastMessage?.at ?? Number.NEGATIVE_INFINITY) <= sentAt) {
    queryClient.setQueryData<ChatPreview>(previewKey, { ...preview, lastMessage: previewMessageOf(message, sentAt) });
  }

  const messagesKey = chatKeys.messages(chatId);
  if (queryClient.getQueryData<MessagesData>(messagesKey)) {
    queryClient.setQueryData<MessagesData>(messagesKey, (data) => withLiveMessage(data, liveChatMessage(message, now)));
    // Attachments (kinds, names, sizes) are not in the event: the chat's messages are asked for again.
    if (message.attachment_count > 0) void queryClient.invalidateQueries({ queryKey: messagesKey, exact: true });
  }

  if (known) return { refetched: false };
  // A chat this browser has never seen: every list is stale, and the one on screen asks for its first page now
  // (refetchType 'none' alone would leave it out of the visible list until some other refetch).
  void queryClient.invalidateQueries({ queryKey: chatKeys.lists(), refetchType: 'none' });
  void refreshActiveFirstPages(queryClient);
  return { refetched: true };
}

function changedMessage(message: ChatMessage, event: Extract<LiveEvent, { type: 'message.updated' }>): ChatMessage {
  switch (event.change) {
    case 'read':
      return message.seen ? message : { ...message, seen: true, delivered: true };
    case 'delivered':
      return message.delivered ? message : { ...message, delivered: true };
    case 'edited': {
      const text = event.text !== undefined && event.text !== null && event.text.trim() !== '' ? event.text : message.text;
      return { ...message, text, edited: true };
    }
    case 'deleted':
      return { ...message, deleted: true, text: null, attachments: [], reactions: [], quoted: null };
    case 'reaction': {
      const value = event.reaction?.trim();
      // Who reacted is not in the event; the same emoji is shown once.
      if (!value || message.reactions.some((r) => r.value === value)) return message;
      return { ...message, reactions: [...message.reactions, { value, senderId: null, mine: false }] };
    }
  }
}

function applyMessageUpdated(queryClient: QueryClient, event: Extract<LiveEvent, { type: 'message.updated' }>): void {
  const messagesKey = chatKeys.messages(event.chat_id);
  const data = queryClient.getQueryData<MessagesData>(messagesKey);
  if (!data || !someMessage(data, (m) => m.id === event.message_id)) return;
  const newest = data.pages[0]?.messages[0];
  queryClient.setQueryData<MessagesData>(messagesKey, {
    ...data,
    pages: data.pages.map((page) =>
      page.messages.some((m) => m.id === event.message_id)
        ? { ...page, messages: page.messages.map((m) => (m.id === event.message_id ? changedMessage(m, event) : m)) }
        : page,
    ),
  });
  // The row's line shows the last message: an edit or a delete of that one changes it too.
  if (newest?.id !== event.message_id || (event.change !== 'edited' && event.change !== 'deleted')) return;
  const previewKey = chatKeys.preview(event.chat_id);
  const preview = queryClient.getQueryData<ChatPreview>(previewKey);
  if (!preview?.lastMessage) return;
  const last = preview.lastMessage;
  queryClient.setQueryData<ChatPreview>(previewKey, {
    ...preview,
    lastMessage:
      event.change === 'deleted'
        ? { ...last, deleted: true, text: '', attachments: [] }
        : { ...last, edited: true, text: changedMessage(newest, event).text ?? last.text },
  });
}

/** Unipile's account-status words that mean "working again" are the accounts list's OK. */
const OK_STATUSES = new Set(['OK', 'CREATION_SUCCESS', 'RECONNECTED', 'SYNC_SUCCESS']);

export function accountStatusOf(status: string): string {
  const word = status.trim().toUpperCase();
  return OK_STATUSES.has(word) ? 'OK' : word;
}

function applyAccountStatus(queryClient: QueryClient, event: Extract<LiveEvent, { type: 'account.status' }>): void {
  const accounts = queryClient.getQueryData<Account[]>(accountKeys.list());
  if (!accounts) return;
  if (!accounts.some((a) => a.id === event.account_id)) {
    // A new account (or one this browser never listed): the list is asked for again.
    void queryClient.invalidateQueries({ queryKey: accountKeys.list() });
    return;
  }
  const status = accountStatusOf(event.status);
  // The rows' "Disconnected" flag and Settings both read this query (lib/account-status.ts): they change at once.
  queryClient.setQueryData<Account[]>(
    accountKeys.list(),
    accounts.map((a) => (a.id === event.account_id && a.status !== status ? { ...a, status } : a)),
  );
}

export function applyLiveEvent(queryClient: QueryClient, event: LiveEvent, now: number = Date.now()): LiveApplyResult {
  switch (event.type) {
    case 'message.created':
      return applyMessageCreated(queryClient, event, now);
    case 'message.updated':
      applyMessageUpdated(queryClient, event);
      return { refetched: false };
    case 'account.status':
      applyAccountStatus(queryClient, event);
      return { refetched: false };
  }
}
