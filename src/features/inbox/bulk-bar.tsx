import { useQuery } from '@tanstack/react-query';
import { Archive, ArchiveRestore, Bell, BellOff, Mail, MailOpen, Pin, PinOff, X } from 'lucide-react';
import { useMemo, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ariaKeyShortcuts, keyLabel, keysOf, type ShortcutAction } from '@/config/shortcuts';
import { appConfigQueryOptions } from '@/lib/app-config';
import { sharedActionGap } from '@/lib/chats/action-gap';
import { chatState, type ChatActionKind } from '@/lib/chats/actions';
import type { InboxChat } from '@/lib/chats/model';
import { formatCount } from '@/lib/number-format';
import { useCursorStore } from '@/lib/triage/cursor-store';
import type { BackendInfo } from '@/lib/wire/backends';

const NO_BACKENDS: readonly BackendInfo[] = [];

export interface BulkBarProps {
  headingId: string;
  /** The view's loaded chats; the picked ones among them decide the buttons' names. */
  chats: readonly InboxChat[];
  picked: ReadonlySet<string>;
  /** `value` for Mark read / Mark unread; the others flip: off when every picked chat already has the state. */
  onAction: (kind: ChatActionKind, value?: boolean) => void;
}

interface BarButtonProps {
  label: string;
  shortcut?: ShortcutAction;
  /** Why none of the picked chats can have this done (their backend lacks it); the button then does nothing. */
  unavailable?: string | null;
  onClick: () => void;
  children: ReactNode;
}

function BarButton({ label, shortcut, unavailable = null, onClick, children }: BarButtonProps) {
  const keys = shortcut ? keysOf(shortcut) : [];
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label={label}
      // Not `disabled`: still focusable, so the reason (its title, read as its description) can be found.
      aria-disabled={unavailable ? true : undefined}
      title={unavailable ?? (keys.length > 0 ? `${label} (${keys.map(keyLabel).join(' or ')})` : label)}
      aria-keyshortcuts={keys.length > 0 && !unavailable ? ariaKeyShortcuts(keys) : undefined}
      className="aria-disabled:cursor-not-allowed aria-disabled:opacity-50 aria-disabled:hover:bg-transparent aria-disabled:hover:text-muted"
      onClick={() => {
        if (!unavailable) onClick();
      }}
    >
      {children}
    </Button>
  );
}

/** Replaces the list header while chats are picked: how many, and what can be done to all of them at once. */
export function BulkBar({ headingId, chats, picked, onAction }: BulkBarProps) {
  const config = useQuery({ ...appConfigQueryOptions(), meta: { silent: true } });
  const backends = config.data?.backends ?? NO_BACKENDS;
  const state = useMemo(() => {
    const now = Date.now();
    const chosen = chats.filter((chat) => picked.has(chat.id));
    const all = (kind: ChatActionKind) => chosen.length > 0 && chosen.every((chat) => chatState(chat, kind, now));
    const archived = all('archive');
    const muted = all('mute');
    const pinned = all('pin');
    // Only when no picked chat's backend can do it: with some that can, the server does those and refuses the rest.
    const gap = (kind: ChatActionKind, value: boolean) => sharedActionGap(chosen, { kind, value }, backends);
    const gaps = { archive: gap('archive', !archived), read: gap('read', true), unread: gap('read', false), mute: gap('mute', !muted), pin: gap('pin', !pinned) };
    return { archived, muted, pinned, gaps };
  }, [chats, picked, backends]);
  const icon = 'size-4';
  return (
    <div className="flex h-11 shrink-0 items-center gap-0.5 border-b border-line bg-selected/60 pr-2 pl-4">
      <h2 id={headingId} className="mr-auto min-w-0 truncate text-[13px] font-semibold text-ink tabular-nums" aria-live="polite">
        {formatCount(picked.size)} selected
      </h2>
      <BarButton label={state.archived ? 'Unarchive' : 'Archive'} shortcut="archive" unavailable={state.gaps.archive} onClick={() => onAction('archive')}>
        {state.archived ? <ArchiveRestore aria-hidden="true" className={icon} /> : <Archive aria-hidden="true" className={icon} />}
      </BarButton>
      <BarButton label="Mark read" shortcut="read" unavailable={state.gaps.read} onClick={() => onAction('read', true)}>
        <MailOpen aria-hidden="true" className={icon} />
      </BarButton>
      <BarButton label="Mark unread" unavailable={state.gaps.unread} onClick={() => onAction('read', false)}>
        <Mail aria-hidden="true" className={icon} />
      </BarButton>
      <BarButton label={state.muted ? 'Unmute' : 'Mute'} shortcut="mute" unavailable={state.gaps.mute} onClick={() => onAction('mute')}>
        {state.muted ? <Bell aria-hidden="true" className={icon} /> : <BellOff aria-hidden="true" className={icon} />}
      </BarButton>
      <BarButton label={state.pinned ? 'Unpin' : 'Pin'} shortcut="pin" unavailable={state.gaps.pin} onClick={() => onAction('pin')}>
        {state.pinned ? <PinOff aria-hidden="true" className={icon} /> : <Pin aria-hidden="true" className={icon} />}
      </BarButton>
      <span aria-hidden="true" className="mx-1 h-5 w-px bg-line" />
      <BarButton label="Clear selection" shortcut="close" onClick={() => useCursorStore.getState().clearPicked()}>
        <X aria-hidden="true" className={icon} />
      </BarButton>
    </div>
  );
}
