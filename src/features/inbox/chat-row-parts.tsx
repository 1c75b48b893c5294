import { Archive, BellOff, CircleAlert, Lock, LockKeyhole, Megaphone, Pin, Users } from 'lucide-react';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { DrawnText } from '@/components/ui/drawn-text';
import { ProviderIcon } from '@/components/ui/provider-icon';
import { contentTypeLabel } from '@/config/folders';
import { isKnownProvider, providerLabel } from '@/config/providers';
import { accountNeedsReconnect, describeAccountStatus } from '@/lib/account-status';
import type { Account } from '@/lib/accounts';
import { accountShortName, describeMute, visibleFolders } from '@/lib/chats/describe';
import type { InboxChat } from '@/lib/chats/model';
import { cn } from '@/lib/cn';
import { timeFormat, type TimeStyle } from '@/lib/time-format';

/** The drawn pieces of a chat row (chat-row.tsx): icons, badges, source, folders, time. Hidden from assistive technology; the row's label says it all. */

/** A small icon with a tooltip; decorative for assistive technology, which hears the row's description. */
function StateIcon({ title, children }: { title: string; children: ReactNode }) {
  return (
    <span title={title} aria-hidden="true" className="inline-flex text-faint">
      {children}
    </span>
  );
}

const ICON = 'size-3.5';
/** A run of details: text that does not fit ends in an ellipsis; chips never shrink, so none is cut mid-word. */
export const DETAILS = 'flex min-w-0 items-center gap-1.5 overflow-hidden text-[13px] text-muted';

export function StateIcons({ chat }: { chat: InboxChat }) {
  const mute = describeMute(chat);
  return (
    <>
      {chat.archived ? (
        <Badge className="gap-1" aria-hidden="true">
          <Archive aria-hidden="true" className="size-3" />
          <DrawnText text="Archived" />
        </Badge>
      ) : null}
      {chat.readOnly === 'read_only' ? (
        <StateIcon title="Read-only">
          <Lock aria-hidden="true" className={ICON} />
        </StateIcon>
      ) : null}
      {chat.readOnly === 'locked' ? (
        <StateIcon title="Locked">
          <LockKeyhole aria-hidden="true" className={ICON} />
        </StateIcon>
      ) : null}
      {mute ? (
        <StateIcon title={mute.charAt(0).toUpperCase() + mute.slice(1)}>
          <BellOff aria-hidden="true" className={ICON} />
        </StateIcon>
      ) : null}
      {chat.pinned ? (
        <StateIcon title="Pinned">
          <Pin aria-hidden="true" className={cn(ICON, 'text-accent')} />
        </StateIcon>
      ) : null}
    </>
  );
}

export function KindIcon({ chat }: { chat: InboxChat }) {
  if (chat.kind === 'group') {
    return (
      <StateIcon title="Group">
        <Users aria-hidden="true" className={ICON} />
      </StateIcon>
    );
  }
  if (chat.kind === 'broadcast') {
    return (
      <StateIcon title="Broadcast">
        <Megaphone aria-hidden="true" className={ICON} />
      </StateIcon>
    );
  }
  return null;
}

export function UnreadBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <DrawnText
      text={count > 99 ? '99+' : String(count)}
      className="inline-flex h-[18px] min-w-[18px] items-center justify-center rounded-full bg-accent px-1.5 text-[11px] leading-none font-semibold text-accent-ink tabular-nums"
    />
  );
}

export function Source({ chat, account, compact }: { chat: InboxChat; account: Account | undefined; compact: boolean }) {
  const label = providerLabel(chat.provider);
  // An unknown provider has no recognisable icon, so its raw name is always shown.
  const unknown = !isKnownProvider(chat.provider);
  // The icon says the provider; the label says which of its accounts (the whole name is in the tooltip and the label).
  const accountLabel = account ? accountShortName(account.name, chat.provider) : null;
  return (
    <span className="flex min-w-0 shrink-[3] items-center gap-1" title={account ? `${label} · ${account.name}` : label}>
      <ProviderIcon provider={chat.provider} />
      {unknown ? <DrawnText text={label} className="shrink-0 font-medium" /> : null}
      {accountLabel && !compact ? <DrawnText text={accountLabel} className="min-w-0 truncate" /> : null}
      {/* Its chats stop syncing until someone reconnects it. An icon fits the narrow line; the words are in the tooltip and the row's label. */}
      {account && accountNeedsReconnect(account.status) ? (
        <span title={describeAccountStatus(account.status).long} className="inline-flex shrink-0 text-danger">
          <CircleAlert aria-hidden="true" className="size-3.5" />
        </span>
      ) : null}
    </span>
  );
}

/** Shown folder chips; the rest are counted in a "+N" chip (all of them are in the tooltip and the label). */
const MAX_FOLDER_CHIPS = 1;

export function Folders({ chat }: { chat: InboxChat }) {
  const folders = visibleFolders(chat);
  const badge = contentTypeLabel(chat.contentType);
  const hidden = folders.length - MAX_FOLDER_CHIPS;
  return (
    <>
      {badge ? (
        <Badge tone="accent" className="shrink-0">
          <DrawnText text={badge} />
        </Badge>
      ) : null}
      {folders.slice(0, MAX_FOLDER_CHIPS).map((folder) => (
        <Badge key={folder} className="max-w-28 shrink-0" title={folder}>
          <DrawnText text={folder} className="truncate" />
        </Badge>
      ))}
      {hidden > 0 ? (
        <Badge title={folders.join(', ')}>
          <DrawnText text={`+${hidden}`} />
        </Badge>
      ) : null}
    </>
  );
}

export function LastActivity({ at, now, style }: { at: number | null; now: number; style: TimeStyle }) {
  if (at === null) return null;
  return (
    <time
      dateTime={new Date(at).toISOString()}
      title={timeFormat.absolute(at)}
      data-text={style === 'relative' ? timeFormat.relative(at, now) : timeFormat.short(at, now)}
      className="drawn-text shrink-0 text-xs text-muted tabular-nums"
    />
  );
}
