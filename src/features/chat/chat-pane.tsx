import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { PaneErrorBoundary } from '@/components/ui/error-boundary';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { accountsQueryOptions, indexAccounts } from '@/lib/accounts';
import { findCachedChat } from '@/lib/chats/list-pages';
import { retryingText } from '@/lib/error-messages';
import { AttendeePanel } from './attendee-panel';
import { indexAttendees } from '@/lib/chats/attendees';
import { replyBlockReason, triageBlockReason } from './availability';
import { ChatHeader } from './chat-header';
import { Composer } from './composer';
import { MessageList } from './message-list';
import type { ChatActionKind } from '@/lib/chats/actions';
import { chatQueries } from '@/lib/chats/queries';
import { chatKeys } from '@/lib/chats/keys';

export interface ChatPaneProps {
  chatId: string;
  /** The setting "mark as read when opened" (the settings feature owns it). */
  markReadOnOpen: boolean;
  /** The list's URL, query string included: the Back link on narrow screens points there. */
  backHref: string;
  /** Back to the list: the Back link's plain click (Esc is the app's global shortcut). */
  onClose: () => void;
  /** The header's actions: the app's triage loop (the open chat is the cursor chat; the next one opens after it leaves). */
  onTriage: (kind: ChatActionKind) => void;
  /** Opening an unread chat marks it read: no toast, no undo, no cursor move. */
  onMarkRead: (chatId: string) => void;
}

/** Wide screens show the attendees beside the conversation from the start; narrower ones on request. */
const ATTENDEES_OPEN_QUERY = '(min-width: 1280px)';

function ChatPaneContent({ chatId, markReadOnOpen, backHref, onClose, onTriage, onMarkRead }: ChatPaneProps) {
  const queryClient = useQueryClient();
  const detail = useQuery({
    ...chatQueries.detail(chatId),
    // Without a chat the pane shows the error; when it shows the list's copy, a failed refresh is toasted with this.
    meta: { failure: 'The chat could not be refreshed.' },
    // The list already holds the chat: show it at once (stale, so the detail is fetched straight away).
    initialData: () => findCachedChat(queryClient, chatId),
    initialDataUpdatedAt: 0,
  });
  const accounts = useQuery(accountsQueryOptions());
  const attendees = useQuery({ ...chatQueries.attendees(chatId), meta: { failure: 'The attendees could not be refreshed.' } });
  const chat = detail.data;
  const account = chat ? indexAccounts(accounts.data).get(chat.accountId) : undefined;
  const attendeesById = useMemo(() => indexAttendees(attendees.data), [attendees.data]);
  const [now] = useState(() => Date.now());
  const [attendeesOpen, setAttendeesOpen] = useState(() => typeof window !== 'undefined' && window.matchMedia(ATTENDEES_OPEN_QUERY).matches);
  const attendeesPanelId = useId();
  const blockedReasonId = useId();

  const triageBlocked = chat ? triageBlockReason(chat, account) : null;
  const replyBlocked = chat ? replyBlockReason(chat, account) : null;

  // Opening an unread chat marks it read (once per opening), unless the setting is off or the API would refuse.
  const markedFor = useRef<string | null>(null);
  const accountsKnown = !accounts.isPending;
  useEffect(() => {
    if (!markReadOnOpen || !chat || !accountsKnown || markedFor.current === chatId) return;
    markedFor.current = chatId;
    if (chat.unreadCount > 0 && triageBlocked === null) onMarkRead(chatId);
  }, [markReadOnOpen, chat, accountsKnown, chatId, triageBlocked, onMarkRead]);

  if (!chat) {
    if (detail.isError) {
      return (
        <section aria-label="Chat" className="flex min-h-0 flex-1 flex-col items-center justify-center bg-surface">
          <ErrorState
            error={detail.error}
            what="This chat could not be opened"
            onRetry={() => void detail.refetch()}
            retrying={detail.isFetching}
            failureCount={detail.failureCount}
            actions={<BackButton onClose={onClose} />}
          />
        </section>
      );
    }
    const retrying = detail.failureCount > 0 ? retryingText(detail.failureReason) : null;
    return (
      <section aria-label="Chat" aria-busy="true" className="flex min-h-0 flex-1 items-center justify-center gap-2 bg-surface text-[13px] text-muted">
        <Spinner className="size-5" />
        {retrying ? <span role="status">{retrying}</span> : <span className="sr-only">Loading the chat</span>}
      </section>
    );
  }

  const other = chat.kind === 'direct' ? attendees.data?.find((a) => !a.isSelf) : undefined;
  const pictureSrc = other ? other.pictureSrc : `/api/v1/chat_attendees/${encodeURIComponent(chat.id)}/picture`;

  return (
    <section aria-labelledby="chat-pane-title" className="flex min-h-0 min-w-0 flex-1 flex-col bg-surface">
      <ChatHeader
        chat={chat}
        account={account}
        now={now}
        pictureSrc={pictureSrc}
        blockedReason={triageBlocked}
        blockedReasonId={blockedReasonId}
        backHref={backHref}
        onBack={onClose}
        onAction={(action) => onTriage(action.kind)}
        attendeesOpen={attendeesOpen}
        attendeesPanelId={attendeesPanelId}
        onToggleAttendees={() => setAttendeesOpen((open) => !open)}
      />
      <div className="relative flex min-h-0 flex-1">
        <div className="flex min-h-0 min-w-0 flex-1 flex-col">
          <MessageList key={chat.id} chat={chat} attendeesById={attendeesById} />
          <Composer
            key={chat.id}
            chat={chat}
            blockedReason={replyBlocked}
            blockedReasonShownBy={replyBlocked !== null && replyBlocked === triageBlocked ? blockedReasonId : undefined}
          />
        </div>
        {attendeesOpen ? <AttendeePanel id={attendeesPanelId} query={attendees} onClose={() => setAttendeesOpen(false)} /> : null}
      </div>
    </section>
  );
}

/**
 * One chat: header with its state and triage actions, the conversation, the reply box and the attendees. Loaded
 * lazily (with DOMPurify) so the list's first paint does not pay for it; a rendering error stays inside the pane.
 */
export default function ChatPane(props: ChatPaneProps) {
  const queryClient = useQueryClient();
  const { chatId } = props;
  // Reset fetches the chat afresh: if its data made the pane fail, the same data would fail it again.
  const onReset = () => {
    for (const queryKey of [chatKeys.detail(chatId), chatKeys.messages(chatId), chatKeys.attendees(chatId)]) {
      void queryClient.resetQueries({ queryKey, exact: true });
    }
  };
  return (
    <PaneErrorBoundary name="This chat" onReset={onReset} actions={<BackButton onClose={props.onClose} />}>
      <ChatPaneContent {...props} />
    </PaneErrorBoundary>
  );
}

function BackButton({ onClose }: { onClose: () => void }) {
  return (
    <Button onClick={onClose}>
      <ArrowLeft aria-hidden="true" className="size-4" />
      Back to chats
    </Button>
  );
}
