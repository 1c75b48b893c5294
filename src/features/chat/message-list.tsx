import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { MessageSquare, MessageSquareOff } from 'lucide-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { StatePanel } from '@/components/ui/state-panel';
import { providerLabel } from '@/config/providers';
import type { InboxChat } from '@/lib/chats/model';
import { describeError, isNotOffered, retryingText, type ErrorContext } from '@/lib/error-messages';
import type { ChatAttendee } from '@/lib/chats/attendees';
import { attendeeIdentity, chatIdentity } from './avatar-identity';
import { MessageRow, type Sender } from './message-row';
import { MessageSkeleton } from './message-skeleton';
import { messagesOldestFirst, type ChatMessage } from '@/lib/chats/messages';
import { buildTimeline } from './timeline';
import { chatQueries } from '@/lib/chats/queries';

/** Older messages are requested while this many rows are still above the first one on screen. */
const PREFETCH_ROWS = 10;

export interface MessageListProps {
  chat: InboxChat;
  attendeesById: ReadonlyMap<string, ChatAttendee>;
  /** The messaging API serving the chat ("postpress"), when known: its errors name it. */
  backendLabel?: string | undefined;
}

function useSenderOf({ id, kind, displayName }: InboxChat, attendeesById: ReadonlyMap<string, ChatAttendee>) {
  // Only what a sender depends on: a mark-as-read must not hand every memoized row a new sender.
  const chat = useMemo(() => ({ id, kind, displayName }), [id, kind, displayName]);
  return useCallback(
    (message: Pick<ChatMessage, 'mine' | 'senderAttendeeId' | 'senderId'>): Sender => {
      const attendee = (message.senderAttendeeId ? attendeesById.get(message.senderAttendeeId) : undefined) ?? (message.senderId ? attendeesById.get(message.senderId) : undefined);
      // Drawn as the attendee panel draws the same person (one avatar everywhere).
      if (attendee) return message.mine || attendee.isSelf ? { ...attendeeIdentity(chat, attendee), name: 'You' } : attendeeIdentity(chat, attendee);
      const seed = message.senderAttendeeId ?? message.senderId ?? chat.id;
      if (message.mine) return { name: 'You', pictureSrc: null, colorSeed: seed };
      // Unknown sender in a 1:1 chat (or attendees not in yet): the other person, as the header shows them.
      if (chat.kind === 'direct') return chatIdentity(chat, [...attendeesById.values()]);
      return { name: message.senderId ?? 'Someone', pictureSrc: null, colorSeed: seed };
    },
    [chat, attendeesById],
  );
}

/**
 * The conversation, newest at the bottom. Pages arrive newest first and are shown oldest first; scrolling up loads
 * older pages, and the end-anchored virtualizer keeps the message on screen where it was while they are prepended.
 */
export function MessageList({ chat, attendeesById, backendLabel }: MessageListProps) {
  // A first load or an older page that fails is shown here; a failed refresh of messages on screen is toasted.
  const query = useInfiniteQuery({ ...chatQueries.messages(chat.id), meta: { failure: 'The messages could not be refreshed.' } });
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage, refetch, failureCount, failureReason } = query;
  const context: ErrorContext = { providerLabel: providerLabel(chat.provider), backendLabel };
  const retrying = query.isFetching && failureCount > 0 ? retryingText(failureReason, context) : null;
  const messages = useMemo(() => messagesOldestFirst(data), [data]);
  const [now] = useState(() => Date.now());
  const rows = useMemo(() => buildTimeline(messages, now), [messages, now]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const senderOf = useSenderOf(chat, attendeesById);
  // Senders resolved once per data change, so memoized rows keep their props' identity while scrolling.
  const entries = useMemo(
    () =>
      rows.map((row) => ({
        row,
        sender: senderOf(row.message),
        quotedSender: row.message.quoted ? senderOf({ mine: false, senderAttendeeId: null, senderId: row.message.quoted.senderId }).name : null,
      })),
    [rows, senderOf],
  );

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.day ? 100 : 68),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: 80,
    paddingStart: 8,
    paddingEnd: 16,
  });
  const virtualItems = virtualizer.getVirtualItems();

  // Start at the newest message, once there are rows; until then nothing may ask for older pages.
  const [started, setStarted] = useState(false);
  useLayoutEffect(() => {
    if (started || rows.length === 0) return;
    virtualizer.scrollToEnd();
    const frame = requestAnimationFrame(() => setStarted(true));
    return () => cancelAnimationFrame(frame);
  }, [started, rows.length, virtualizer]);

  // A message of one's own just added (the optimistic reply) brings the view down, wherever it was.
  const newest = messages[messages.length - 1];
  const newestPendingId = newest?.status === 'sending' ? newest.id : null;
  useEffect(() => {
    if (newestPendingId) virtualizer.scrollToEnd();
  }, [newestPendingId, virtualizer]);

  const firstVisible = virtualItems[0]?.index ?? 0;
  const wantsOlder = started && hasNextPage && !isFetchingNextPage && !isFetchNextPageError && firstVisible < PREFETCH_ROWS;
  useEffect(() => {
    if (wantsOlder) void fetchNextPage();
  }, [wantsOlder, fetchNextPage]);

  // Placeholder rows where the messages will be, never a blank area or a lone spinner.
  if (query.isPending) return <MessageSkeleton status={retrying} />;
  if (query.isError && messages.length === 0 && isNotOffered(query.error)) {
    // The backend has no way to list them (postpress): said calmly, with no Retry, and the rest of the pane works.
    return (
      <div className="flex flex-1 items-center justify-center">
        <StatePanel role="status" icon={<MessageSquareOff className="size-5" aria-hidden="true" />} title="Messages not available here">
          {describeError(query.error, context).message}
        </StatePanel>
      </div>
    );
  }
  if (query.isError && messages.length === 0) {
    return (
      <div className="flex flex-1 items-center justify-center">
        <ErrorState
          error={query.error}
          context={context}
          what="Messages could not be loaded"
          onRetry={() => void refetch()}
          retrying={query.isFetching}
          failureCount={failureCount}
        />
      </div>
    );
  }
  if (rows.length === 0) {
    return (
      <div className="flex flex-1 items-center justify-center">
        <StatePanel icon={<MessageSquare className="size-5" aria-hidden="true" />} title="No messages yet">
          Nothing has been said in this chat so far.
        </StatePanel>
      </div>
    );
  }

  const showSenderNames = chat.kind !== 'direct';
  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      {isFetchingNextPage || isFetchNextPageError ? (
        <div className="pointer-events-none absolute inset-x-0 top-2 z-10 flex justify-center">
          {isFetchNextPageError ? (
            <p role="alert" className="pointer-events-auto flex items-center gap-2 rounded-full border border-danger/30 bg-surface px-3 py-1 text-xs text-danger shadow-pane">
              Older messages could not be loaded.
              <button type="button" className="font-semibold underline" onClick={() => void fetchNextPage()}>
                Retry
              </button>
            </p>
          ) : (
            <p role="status" className="flex items-center gap-2 rounded-full border border-line bg-surface px-3 py-1 text-xs text-muted shadow-pane">
              <Spinner className="size-3.5" />
              {retrying ?? 'Loading older messages…'}
            </p>
          )}
        </div>
      ) : null}
      <div
        ref={scrollRef}
        tabIndex={0}
        role="region"
        aria-label="Messages"
        className="flex min-h-0 flex-1 flex-col overflow-y-auto overscroll-contain bg-canvas/60 [overflow-anchor:none]"
      >
        {/* mt-auto: a short conversation sits at the bottom, by the reply box, as in any messenger. */}
        <div role="list" className="relative mt-auto w-full shrink-0" style={{ height: virtualizer.getTotalSize() }}>
          {virtualItems.map((item) => {
            const entry = entries[item.index];
            if (!entry) return null;
            return (
              <div
                key={item.key}
                role="listitem"
                data-index={item.index}
                data-message-id={entry.row.message.id}
                ref={virtualizer.measureElement}
                className="absolute inset-x-0 top-0"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <MessageRow
                  row={entry.row}
                  sender={entry.sender}
                  quotedSenderName={entry.quotedSender}
                  provider={chat.provider}
                  showSenderNames={showSenderNames}
                />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
