import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { PaneErrorBoundary } from '@/components/ui/error-boundary';
import { ErrorState } from '@/components/ui/error-state';
import { accountsQueryOptions, indexAccounts } from '@/lib/accounts';
import { appConfigQueryOptions } from '@/lib/app-config';
import { findCachedChat } from '@/lib/chats/list-pages';
import { retryingText } from '@/lib/error-messages';
import { AttendeePanel } from './attendee-panel';
import { chatIdentity } from './avatar-identity';
import { ChatPaneSkeleton } from './chat-pane-skeleton';
import { useAttendeesPanel } from './pane-layout-store';
import { chatDetailOptions } from './prefetch';
import { indexAttendees } from '@/lib/chats/attendees';
import { replyBlockReason, triageActionReason, triageBlockReason } from './availability';
import { ChatHeader } from './chat-header';
import { Composer } from './composer';
import { MessageList } from './message-list';
import type { ChatActionKind } from '@/lib/chats/actions';
import { chatQueries } from '@/lib/chats/queries';
import { chatKeys } from '@/lib/chats/keys';
import { displayNameOf, type ChatPreview } from '@/lib/chats/previews';
import { setOpenChatTitle } from '@/lib/live/tab-title';
import { backendOfId, type BackendInfo } from '@/lib/wire/backends';

const NO_BACKENDS: readonly BackendInfo[] = [];

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

function ChatPaneContent({ chatId, markReadOnOpen, backHref, onClose, onTriage, onMarkRead }: ChatPaneProps) {
  const queryClient = useQueryClient();
  const detail = useQuery({
    // The list already holds the chat: its copy shows at once (stale, so the detail is fetched straight away).
    ...chatDetailOptions(queryClient, chatId),
    // Without a chat the pane shows the error; when it shows the list's copy, a failed refresh is toasted with this.
    meta: { failure: 'The chat could not be refreshed.' },
    // A query made earlier without the list's copy (a failed prefetch) still shows the header from the list.
    placeholderData: () => findCachedChat(queryClient, chatId),
  });
  const accounts = useQuery(accountsQueryOptions());
  // Which backend serves the chat: what it cannot do, where to reconnect, whose name the errors say.
  const config = useQuery({ ...appConfigQueryOptions(), meta: { silent: true } });
  const backends = config.data?.backends ?? NO_BACKENDS;
  const attendees = useQuery({ ...chatQueries.attendees(chatId), meta: { failure: 'The attendees could not be refreshed.' } });
  // A 1:1 chat without a name of its own is called what its other attendee is called, as in the list and the panel.
  const preview = queryClient.getQueryData<ChatPreview>(chatKeys.preview(chatId));
  const other = attendees.data?.find((a) => !a.isSelf);
  const chat = useMemo(() => {
    const data = detail.data;
    if (!data) return data;
    const displayName = displayNameOf({ ...data, otherAttendeeName: data.otherAttendeeName ?? (data.kind === 'direct' ? (other?.name ?? null) : null) }, preview);
    return displayName === data.displayName ? data : { ...data, displayName };
  }, [detail.data, other?.name, preview]);
  const account = chat ? indexAccounts(accounts.data).get(chat.accountId) : undefined;
  const title = chat?.displayName;
  useEffect(() => {
    if (!title) return;
    // "(3) Amelia · Triage": the live updates keep the unread count in front (lib/live/tab-title.ts).
    setOpenChatTitle(title);
    return () => setOpenChatTitle(null);
  }, [title]);
  const attendeesById = useMemo(() => indexAttendees(attendees.data), [attendees.data]);
  const [now] = useState(() => Date.now());
  const { open: attendeesOpen, setOpen: setAttendeesOpen } = useAttendeesPanel();
  const attendeesPanelId = useId();
  const blockedReasonId = useId();

  const triageBlocked = chat ? triageBlockReason(chat, account, backends) : null;
  const replyBlocked = chat ? replyBlockReason(chat, account, backends) : null;
  const markReadBlocked = chat ? triageActionReason(chat, { kind: 'read', value: true }, account, backends) : null;
  const backendLabel = backendOfId(chatId, backends)?.label;

  // Opening an unread chat marks it read (once per opening), unless the setting is off or the API would refuse.
  const markedFor = useRef<string | null>(null);
  const accountsKnown = !accounts.isPending;
  useEffect(() => {
    if (!markReadOnOpen || !chat || !accountsKnown || markedFor.current === chatId) return;
    markedFor.current = chatId;
    if (chat.unreadCount > 0 && markReadBlocked === null) onMarkRead(chatId);
  }, [markReadOnOpen, chat, accountsKnown, chatId, markReadBlocked, onMarkRead]);

  if (!chat) {
    if (detail.isError) {
      return (
        <section aria-label="Chat" className="flex min-h-0 flex-1 flex-col items-center justify-center bg-surface">
          <ErrorState
            error={detail.error}
            context={{ backendLabel }}
            what="This chat could not be opened"
            onRetry={() => void detail.refetch()}
            retrying={detail.isFetching}
            failureCount={detail.failureCount}
            actions={<BackButton onClose={onClose} />}
          />
        </section>
      );
    }
    // Not in any list yet (a link, a reload): the pane's shape, then the chat; never an empty pane or a lone spinner.
    return <ChatPaneSkeleton status={detail.failureCount > 0 ? retryingText(detail.failureReason, { backendLabel }) : null} />;
  }

  const avatar = chatIdentity(chat, attendees.data);

  return (
    <section aria-labelledby="chat-pane-title" className="flex min-h-0 min-w-0 flex-1 flex-col bg-surface">
      <ChatHeader
        chat={chat}
        account={account}
        now={now}
        avatar={avatar}
        blockedReason={triageBlocked}
        blockedReasonId={blockedReasonId}
        backends={backends}
        backHref={backHref}
        onBack={onClose}
        onAction={(action) => onTriage(action.kind)}
        attendeesOpen={attendeesOpen}
        attendeesPanelId={attendeesPanelId}
        onToggleAttendees={() => setAttendeesOpen(!attendeesOpen)}
      />
      <div className="relative flex min-h-0 flex-1">
        <div className="flex min-h-0 min-w-0 flex-1 flex-col">
          <MessageList key={chat.id} chat={chat} attendeesById={attendeesById} backendLabel={backendLabel} />
          <Composer
            key={chat.id}
            chat={chat}
            blockedReason={replyBlocked}
            blockedReasonShownBy={replyBlocked !== null && replyBlocked === triageBlocked ? blockedReasonId : undefined}
          />
        </div>
        {attendeesOpen ? <AttendeePanel id={attendeesPanelId} chat={chat} query={attendees} backendLabel={backendLabel} onClose={() => setAttendeesOpen(false)} /> : null}
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
