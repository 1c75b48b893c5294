import { Archive, ArchiveRestore, ArrowLeft, Bell, BellOff, ChevronDown, ExternalLink, Mail, MailOpen, Pin, PinOff, Users, type LucideIcon } from 'lucide-react';
import { useId, useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { ProviderIcon } from '@/components/ui/provider-icon';
import { contentTypeLabel } from '@/config/folders';
import { providerLabel } from '@/config/providers';
import { TRIAGE_SHORTCUTS } from '@/config/shortcuts';
import type { Account } from '@/lib/accounts';
import { actionLabel, toggleAction, type ChatAction, type ChatActionKind } from '@/lib/chats/actions';
import type { InboxChat } from '@/lib/chats/model';
import { cn } from '@/lib/cn';
import { describeMute, visibleFolders } from '@/lib/chats/describe';
import { backendOfId, type BackendInfo } from '@/lib/wire/backends';
import { triageActionGap } from '@/lib/chats/action-gap';
import { isDisconnected, reconnectUrl } from './availability';
import type { AvatarIdentity } from './avatar-identity';
import { HEADER_AVATAR_SIZE, HEADER_GRID } from './header-layout';
import { WithTooltip } from './header-tooltip';

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

const NO_BACKENDS: readonly BackendInfo[] = [];

const iconButton =
  'inline-flex h-8 shrink-0 items-center justify-center gap-1.5 rounded-md px-2 text-[13px] font-medium text-muted transition-colors hover:bg-hover hover:text-ink disabled:cursor-not-allowed disabled:opacity-45 disabled:hover:bg-transparent disabled:hover:text-muted aria-disabled:cursor-not-allowed aria-disabled:opacity-45 aria-disabled:hover:bg-transparent aria-disabled:hover:text-muted';

/** The folded details in a few words, so a phone still tells an unread or muted chat without unfolding. */
function summaryOf(chat: InboxChat, mute: string | null): string {
  const parts = [chat.unreadCount > 0 ? `${chat.unreadCount.toLocaleString()} unread` : 'Read'];
  if (chat.pinned) parts.push('Pinned');
  if (mute) parts.push('Muted');
  if (chat.archived) parts.push('Archived');
  if (chat.readOnly !== 'writable') parts.push(chat.readOnly === 'locked' ? 'Locked' : 'Read-only');
  return parts.join(' · ');
}

export interface ChatHeaderProps {
  chat: InboxChat;
  account: Account | undefined;
  now: number;
  /** The chat's avatar, drawn as the list row and the attendee panel draw the same person. */
  avatar: AvatarIdentity;
  /**
   * Why the actions are disabled (null: they are not; a read-only chat keeps them), and the id of the element that
   * says so: the disabled buttons, and the composer when its reason is the same, are described by it.
   */
  blockedReason: string | null;
  blockedReasonId: string;
  /** The configured backends (/api/config): what the chat's own cannot do is unavailable, with its reason. */
  backends?: readonly BackendInfo[];
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
  avatar,
  blockedReason,
  blockedReasonId,
  backends = NO_BACKENDS,
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

  const tooltipIds = useId();
  const badgesId = useId();
  // Phone: the badges and subject fold behind "Details" so the conversation keeps most of the height.
  const [detailsOpen, setDetailsOpen] = useState(false);

  return (
    <header className="relative z-30 shrink-0 border-b border-line bg-surface">
      <div className={HEADER_GRID}>
        <WithTooltip id={`${tooltipIds}-back`} text="Back to chats (Esc)" className="-ml-1 [grid-area:back] lg:hidden">
          <a
            href={backHref}
            onClick={(event) => {
              // A plain click stays in the app (and puts focus back on the list); a modified one opens a tab as usual.
              if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
              event.preventDefault();
              onBack();
            }}
            aria-label="Back to chats"
            aria-describedby={`${tooltipIds}-back`}
            aria-keyshortcuts="Escape"
            className={cn(iconButton, 'peer w-8 px-0')}
          >
            <ArrowLeft aria-hidden="true" className="size-4" />
          </a>
        </WithTooltip>
        <Avatar src={avatar.pictureSrc} name={avatar.name} colorSeed={avatar.colorSeed} size={HEADER_AVATAR_SIZE} className="[grid-area:avatar]" />
        <div className="min-w-0 [grid-area:title]">
          <h2 id="chat-pane-title" className="truncate text-[15px] font-semibold text-ink" title={chat.displayName}>
            {chat.displayName}
          </h2>
          <p className="flex min-w-0 items-center gap-1.5 text-xs text-muted">
            <ProviderIcon provider={chat.provider} className="size-3" />
            <span className="truncate">{subtitle}</span>
          </p>
        </div>
        <button
          type="button"
          aria-expanded={detailsOpen}
          aria-controls={badgesId}
          onClick={() => setDetailsOpen((open) => !open)}
          className="-ml-1 inline-flex h-8 min-w-0 items-center gap-1 justify-self-start rounded-md px-1.5 text-xs font-medium text-muted hover:bg-hover hover:text-ink [grid-area:details] sm:hidden"
        >
          <span className="shrink-0 text-ink">Details</span>
          {detailsOpen ? null : <span className="truncate font-normal">· {summaryOf(chat, mute)}</span>}
          <ChevronDown aria-hidden="true" className={cn('size-3.5 shrink-0 transition-transform', detailsOpen && 'rotate-180')} />
        </button>
        <div role="group" aria-label="Chat actions" className="flex shrink-0 items-center gap-0.5 justify-self-end [grid-area:actions]">
          {ACTION_KINDS.map((kind) => {
            const action = toggleAction(chat, kind, now);
            const label = actionLabel(action);
            const Icon = iconFor(action);
            const key = SHORTCUT_KEY[kind];
            const tooltipId = `${tooltipIds}-${kind}`;
            // What the chat's backend cannot do (Periskope cannot archive): its reason is the tooltip.
            const gap = blockedReason ? null : triageActionGap(chat, action, backends);
            return (
              <WithTooltip key={kind} id={tooltipId} text={gap ?? (key ? `${label} (${key})` : label)}>
                <button
                  type="button"
                  aria-label={label}
                  aria-keyshortcuts={gap ? undefined : key}
                  // A disabled action is described by why; an available one by its tooltip (the shortcut).
                  aria-describedby={blockedReason ? blockedReasonId : tooltipId}
                  disabled={blockedReason !== null}
                  // Not `disabled`: the button stays focusable, so its tooltip (the only place saying why) shows on focus.
                  aria-disabled={gap ? true : undefined}
                  onClick={() => {
                    if (!gap) onAction(action);
                  }}
                  className={cn(iconButton, 'peer w-8 px-0 2xl:w-auto 2xl:px-2')}
                >
                  <Icon aria-hidden="true" className="size-4" />
                  <span aria-hidden="true" className="hidden 2xl:inline">
                    {label}
                  </span>
                </button>
              </WithTooltip>
            );
          })}
          <span aria-hidden="true" className="mx-1 h-5 w-px bg-line" />
          <WithTooltip id={`${tooltipIds}-attendees`} text={attendeesOpen ? 'Hide attendees' : 'Show attendees'}>
            <button
              type="button"
              aria-expanded={attendeesOpen}
              aria-controls={attendeesOpen ? attendeesPanelId : undefined}
              aria-describedby={`${tooltipIds}-attendees`}
              onClick={onToggleAttendees}
              className={cn(iconButton, 'peer w-8 px-0', attendeesOpen && 'bg-selected text-ink hover:bg-selected')}
            >
              <Users aria-hidden="true" className="size-4" />
              <span className="sr-only">Attendees</span>
            </button>
          </WithTooltip>
        </div>
        <ul
          id={badgesId}
          aria-label="Chat state"
          className={cn('min-w-0 flex-wrap items-center gap-1.5 [grid-area:badges] sm:flex', detailsOpen ? 'flex' : 'hidden')}
        >
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
            <li className="min-w-0 max-sm:basis-full max-sm:[overflow-wrap:anywhere] sm:truncate text-xs text-muted" title={chat.subject}>
              Subject: {chat.subject}
            </li>
          ) : null}
        </ul>
      </div>
      {blockedReason ? (
        <BlockedNotice reason={blockedReason} reasonId={blockedReasonId} href={isDisconnected(account) ? reconnectUrl(backendOfId(chat.id, backends)) : null} />
      ) : null}
    </header>
  );
}

/** The reason, with a link to reconnect a disconnected account where the app knows the page (outside the described text). */
function BlockedNotice({ reason, reasonId, href }: { reason: string; reasonId: string; href: string | null }) {
  return (
    <p className="border-t border-warn/25 bg-warn/10 px-3 py-1.5 text-xs text-ink sm:px-4 sm:py-2 sm:text-[13px]">
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
