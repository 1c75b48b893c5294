import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeft, TriangleAlert } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { Spinner } from '@/components/ui/spinner';
import { StatePanel } from '@/components/ui/state-panel';
import { accountsQueryOptions, indexAccounts } from '@/lib/accounts';
import { findCachedChat } from '@/lib/chat-queries';
import { describeError } from '@/lib/error-messages';
import { AttendeePanel } from './attendee-panel';
import { attendeesQueryOptions, indexAttendees } from './attendees';
import { replyBlockReason, triageBlockReason } from './availability';
import { chatDetailQueryOptions } from './chat-detail';
import { ChatHeader } from './chat-header';
import { Composer } from './composer';
import { MessageList } from './message-list';
import { useChatAction } from './use-chat-action';

export interface ChatPaneProps {
  chatId: string;
  /** The setting "mark as read when opened" (the settings feature owns it). */
  markReadOnOpen: boolean;
  /** The list's URL, query string included: the Back link on narrow screens points there. */
  backHref: string;
  /** Back to the list: the Back link's plain click (Esc is the app's global shortcut). */
  onClose: () => void;
}

/** Wide screens show the attendees beside the conversation from the start; narrower ones on request. */
const ATTENDEES_OPEN_QUERY = '(min-width: 1280px)';

function ChatPaneContent({ chatId, markReadOnOpen, backHref, onClose }: ChatPaneProps) {
  const queryClient = useQueryClient();
  const detail = useQuery({
    ...chatDetailQueryOptions(chatId),
    // The pane shows its own errors, so the app-wide error toast stays quiet.
    meta: { silent: true },
    // The list already holds the chat: show it at once (stale, so the detail is fetched straight away).
    initialData: () => findCachedChat(queryClient, chatId),
    initialDataUpdatedAt: 0,
  });
  const accounts = useQuery({ ...accountsQueryOptions(), meta: { silent: true } });
  const attendees = useQuery({ ...attendeesQueryOptions(chatId), meta: { silent: true } });
  const chat = detail.data;
  const account = chat ? indexAccounts(accounts.data).get(chat.accountId) : undefined;
  const attendeesById = useMemo(() => indexAttendees(attendees.data), [attendees.data]);
  const { run } = useChatAction();
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
    if (chat.unreadCount > 0 && triageBlocked === null) run({ chatId, action: { kind: 'read', value: true }, quiet: true });
  }, [markReadOnOpen, chat, accountsKnown, chatId, triageBlocked, run]);

  if (!chat) {
    if (detail.isError) {
      const copy = describeError(detail.error);
      return (
        <section aria-label="Chat" className="flex min-h-0 flex-1 flex-col items-center justify-center bg-surface">
          <StatePanel
            role="alert"
            tone="danger"
            icon={<TriangleAlert className="size-5" aria-hidden="true" />}
            title={`This chat could not be opened: ${copy.title}`}
            action={
              <Button onClick={onClose}>
                <ArrowLeft aria-hidden="true" className="size-4" />
                Back to chats
              </Button>
            }
          >
            {copy.message}
          </StatePanel>
        </section>
      );
    }
    return (
      <section aria-label="Chat" aria-busy="true" className="flex min-h-0 flex-1 items-center justify-center bg-surface">
        <Spinner className="size-5" />
        <span className="sr-only">Loading the chat</span>
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
        onAction={(action) => run({ chatId: chat.id, action })}
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
  return (
    <ErrorBoundary
      fallback={(_error, reset) => (
        <section aria-label="Chat" className="flex min-h-0 flex-1 flex-col items-center justify-center bg-surface">
          <StatePanel
            role="alert"
            tone="danger"
            icon={<TriangleAlert className="size-5" aria-hidden="true" />}
            title="This chat could not be shown"
            action={
              <>
                <Button onClick={reset}>Try again</Button>
                <Button onClick={props.onClose}>
                  <ArrowLeft aria-hidden="true" className="size-4" />
                  Back to chats
                </Button>
              </>
            }
          >
            Something in it could not be displayed. The list and other chats still work.
          </StatePanel>
        </section>
      )}
    >
      <ChatPaneContent {...props} />
    </ErrorBoundary>
  );
}
