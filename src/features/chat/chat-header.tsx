import { useQuery } from '@tanstack/react-query';
import { Archive, ArchiveRestore, ArrowLeft, Bell, BellOff, ExternalLink, Mail, MailOpen, Pin, PinOff, Users, type LucideIcon } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { ProviderIcon } from '@/components/ui/provider-icon';
import { contentTypeLabel } from '@/config/folders';
import { providerLabel } from '@/config/providers';
import { TRIAGE_SHORTCUTS } from '@/config/shortcuts';
import type { Account } from '@/lib/accounts';
import { appConfigQueryOptions } from '@/lib/app-config';
import { actionLabel, toggleAction, type ChatAction, type ChatActionKind } from '@/lib/chats/actions';
import type { InboxChat } from '@/lib/chats/model';
import { cn } from '@/lib/cn';
import { describeMute, visibleFolders } from '@/lib/chats/describe';
import { isDisconnected, reconnectUrl } from './availability';

const KIND_LABELS: Record<InboxChat['kind'], string> = { direct: '1:1 chat', group: 'Group', broadcast: 'Broadcast' };

const ACTION_KINDS: readonly ChatActionKind[] = ['read', 'mute', 'archive', 'pin'];

function iconFor(action: ChatAction): LucideIcon {
  switch (action.kind) {
    case 'read':
      return action.value ? MailOpen : Mail;
    case 'mute':
      return action.value ? BellOff : Bell;
    case 'archive':
      return action.value ? Archive : ArchiveRestore;
    case 'pin':
      return action.value ? Pin : PinOff;
  }
}

const SHORTCUT_KEY: Partial<Record<ChatActionKind, string>> = Object.fromEntries(
  TRIAGE_SHORTCUTS.flatMap((s) => (s.action === 'archive' || s.action === 'read' || s.action === 'pin' || s.action === 'mute' ? [[s.action, s.keys[0]]] : [])),
);

const iconButton =
  'inline-flex h-8 shrink-0 items-center justify-center gap-1.5 rounded-md px-2 text-[13px] font-medium text-muted transition-colors hover:bg-hover hover:text-ink disabled:cursor-not-allowed disabled:opacity-45 disabled:hover:bg-transparent disabled:hover:text-muted';

export interface ChatHeaderProps {
  chat: InboxChat;
  account: Account | undefined;
  now: number;
  pictureSrc: string | null;
  /**
   * Why the actions are disabled (null: they are not; a read-only chat keeps them), and the id of the element that
   * says so: the disabled buttons, and the composer when its reason is the same, are described by it.
   */
  blockedReason: string | null;
  blockedReasonId: string;
  /** The list's URL (with its query string), for the Back link on narrow screens. */
  backHref: string;
  onBack: () => void;
  onAction: (action: ChatAction) => void;
  attendeesOpen: boolean;
  attendeesPanelId: string;
  onToggleAttendees: () => void;
}

export function ChatHeader({
  chat,
  account,
  now,
  pictureSrc,
  blockedReason,
  blockedReasonId,
  backHref,
  onBack,
  onAction,
  attendeesOpen,
  attendeesPanelId,
  onToggleAttendees,
}: ChatHeaderProps) {
  const mute = describeMute(chat);
  const content = contentTypeLabel(chat.contentType);
  const folders = visibleFolders(chat);
  const subtitle = [providerLabel(chat.provider), account ? `account ${account.name}` : null, KIND_LABELS[chat.kind]].filter(Boolean).join(' · ');

  return (
    <header className="shrink-0 border-b border-line bg-surface">
      {/* Narrow: the title gets the first row and the actions share the second with the badges; wide: one row each. */}
      <div
        className={cn(
          'grid grid-cols-[auto_auto_minmax(0,1fr)_auto] items-center gap-x-2 gap-y-2 px-3 py-2.5 sm:px-4',
          "[grid-template-areas:'back_avatar_title_title'_'badges_badges_badges_actions']",
          "sm:[grid-template-areas:'back_avatar_title_actions'_'badges_badges_badges_badges']",
          "lg:grid-cols-[auto_minmax(0,1fr)_auto] lg:[grid-template-areas:'avatar_title_actions'_'._badges_badges']",
        )}
      >
        <a
          href={backHref}
          onClick={(event) => {
            // A plain click stays in the app (and puts focus back on the list); a modified one opens a tab as usual.
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            onBack();
          }}
          aria-label="Back to chats"
          className={cn(iconButton, '-ml-1 w-8 px-0 [grid-area:back] lg:hidden')}
        >
          <ArrowLeft aria-hidden="true" className="size-4" />
        </a>
        <Avatar src={pictureSrc} name={chat.displayName} colorSeed={chat.id} size={40} className="[grid-area:avatar]" />
        <div className="min-w-0 [grid-area:title]">
          <h2 id="chat-pane-title" className="truncate text-[15px] font-semibold text-ink" title={chat.displayName}>
            {chat.displayName}
          </h2>
          <p className="flex min-w-0 items-center gap-1.5 text-xs text-muted">
            <ProviderIcon provider={chat.provider} className="size-3" />
            <span className="truncate">{subtitle}</span>
          </p>
        </div>
        <div role="group" aria-label="Chat actions" className="flex shrink-0 items-center gap-0.5 self-start justify-self-end [grid-area:actions] sm:self-center">
          {ACTION_KINDS.map((kind) => {
            const action = toggleAction(chat, kind, now);
            const label = actionLabel(action);
            const Icon = iconFor(action);
            const key = SHORTCUT_KEY[kind];
            return (
              <button
                key={kind}
                type="button"
                aria-label={label}
                title={blockedReason ?? (key ? `${label} (${key})` : label)}
                aria-describedby={blockedReason ? blockedReasonId : undefined}
                disabled={blockedReason !== null}
                onClick={() => onAction(action)}
                className={cn(iconButton, 'w-8 px-0 2xl:w-auto 2xl:px-2')}
              >
                <Icon aria-hidden="true" className="size-4" />
                <span aria-hidden="true" className="hidden 2xl:inline">
                  {label}
                </span>
              </button>
            );
          })}
          <span aria-hidden="true" className="mx-1 h-5 w-px bg-line" />
          <button
            type="button"
            aria-expanded={attendeesOpen}
            aria-controls={attendeesOpen ? attendeesPanelId : undefined}
            onClick={onToggleAttendees}
            title="Attendees"
            className={cn(iconButton, 'w-8 px-0', attendeesOpen && 'bg-selected text-ink hover:bg-selected')}
          >
            <Users aria-hidden="true" className="size-4" />
            <span className="sr-only">Attendees</span>
          </button>
        </div>
        <ul aria-label="Chat state" className="flex min-w-0 flex-wrap items-center gap-1.5 [grid-area:badges]">
          <li>{chat.unreadCount > 0 ? <Badge tone="accent">{chat.unreadCount.toLocaleString()} unread</Badge> : <Badge>Read</Badge>}</li>
          {chat.pinned ? (
            <li>
              <Badge>Pinned</Badge>
            </li>
          ) : null}
          {mute ? (
            <li>
              <Badge>{mute.charAt(0).toUpperCase() + mute.slice(1)}</Badge>
            </li>
          ) : null}
          {chat.archived ? (
            <li>
              <Badge>Archived</Badge>
            </li>
          ) : null}
          {chat.readOnly !== 'writable' ? (
            <li>
              <Badge tone="warn">{chat.readOnly === 'locked' ? 'Locked' : 'Read-only'}</Badge>
            </li>
          ) : null}
          {isDisconnected(account) ? (
            <li>
              <Badge tone="warn">Account disconnected</Badge>
            </li>
          ) : null}
          {folders.map((folder) => (
            <li key={folder}>
              <Badge>Folder {folder}</Badge>
            </li>
          ))}
          {content ? (
            <li>
              <Badge>{content}</Badge>
            </li>
          ) : null}
          {chat.subject ? (
            <li className="min-w-0 truncate text-xs text-muted" title={chat.subject}>
              Subject: {chat.subject}
            </li>
          ) : null}
        </ul>
      </div>
      {blockedReason ? <BlockedNotice reason={blockedReason} reasonId={blockedReasonId} disconnected={isDisconnected(account)} /> : null}
    </header>
  );
}

/** The reason, with a link to reconnect a disconnected account where the app knows the page (outside the described text). */
function BlockedNotice({ reason, reasonId, disconnected }: { reason: string; reasonId: string; disconnected: boolean }) {
  const config = useQuery({ ...appConfigQueryOptions(), enabled: disconnected, meta: { silent: true } });
  const href = disconnected ? reconnectUrl(config.data) : null;
  return (
    <p className="border-t border-warn/25 bg-warn/10 px-4 py-2 text-[13px] text-ink">
      <span id={reasonId}>{reason}</span>
      {href ? (
        <>
          {' '}
          <a href={href} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 font-medium whitespace-nowrap text-accent underline underline-offset-2 hover:no-underline">
            Reconnect in Unipile
            <ExternalLink aria-hidden="true" className="size-3.5" />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        </>
      ) : null}
    </p>
  );
}
