import { Archive, ArchiveRestore, Bell, BellOff, Mail, MailOpen, Pin, PinOff, X } from 'lucide-react';
import { useMemo, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ariaKeyShortcuts, keyLabel, keysOf, type ShortcutAction } from '@/config/shortcuts';
import { chatState, type ChatActionKind } from '@/lib/chats/actions';
import type { InboxChat } from '@/lib/chats/model';
import { formatCount } from '@/lib/number-format';
import { useCursorStore } from '@/lib/triage/cursor-store';

export interface BulkBarProps {
  headingId: string;
  /** The view's loaded chats; the picked ones among them decide the buttons' names. */
  chats: readonly InboxChat[];
  picked: ReadonlySet<string>;
  /** `value` for Mark read / Mark unread; the others flip: off when every picked chat already has the state. */
  onAction: (kind: ChatActionKind, value?: boolean) => void;
}

function BarButton({ label, shortcut, onClick, children }: { label: string; shortcut?: ShortcutAction; onClick: () => void; children: ReactNode }) {
  const keys = shortcut ? keysOf(shortcut) : [];
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label={label}
      title={keys.length > 0 ? `${label} (${keys.map(keyLabel).join(' or ')})` : label}
      aria-keyshortcuts={keys.length > 0 ? ariaKeyShortcuts(keys) : undefined}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}

/** Replaces the list header while chats are picked: how many, and what can be done to all of them at once. */
export function BulkBar({ headingId, chats, picked, onAction }: BulkBarProps) {
  const state = useMemo(() => {
    const now = Date.now();
    const chosen = chats.filter((chat) => picked.has(chat.id));
    const all = (kind: ChatActionKind) => chosen.length > 0 && chosen.every((chat) => chatState(chat, kind, now));
    return { archived: all('archive'), muted: all('mute'), pinned: all('pin') };
  }, [chats, picked]);
  const icon = 'size-4';
  return (
    <div className="flex h-11 shrink-0 items-center gap-0.5 border-b border-line bg-selected/60 pr-2 pl-4">
      <h2 id={headingId} className="mr-auto min-w-0 truncate text-[13px] font-semibold text-ink tabular-nums" aria-live="polite">
        {formatCount(picked.size)} selected
      </h2>
      <BarButton label={state.archived ? 'Unarchive' : 'Archive'} shortcut="archive" onClick={() => onAction('archive')}>
        {state.archived ? <ArchiveRestore aria-hidden="true" className={icon} /> : <Archive aria-hidden="true" className={icon} />}
      </BarButton>
      <BarButton label="Mark read" shortcut="read" onClick={() => onAction('read', true)}>
        <MailOpen aria-hidden="true" className={icon} />
      </BarButton>
      <BarButton label="Mark unread" onClick={() => onAction('read', false)}>
        <Mail aria-hidden="true" className={icon} />
      </BarButton>
      <BarButton label={state.muted ? 'Unmute' : 'Mute'} shortcut="mute" onClick={() => onAction('mute')}>
        {state.muted ? <Bell aria-hidden="true" className={icon} /> : <BellOff aria-hidden="true" className={icon} />}
      </BarButton>
      <BarButton label={state.pinned ? 'Unpin' : 'Pin'} shortcut="pin" onClick={() => onAction('pin')}>
        {state.pinned ? <PinOff aria-hidden="true" className={icon} /> : <Pin aria-hidden="true" className={icon} />}
      </BarButton>
      <span aria-hidden="true" className="mx-1 h-5 w-px bg-line" />
      <BarButton label="Clear selection" shortcut="close" onClick={() => useCursorStore.getState().clearPicked()}>
        <X aria-hidden="true" className={icon} />
      </BarButton>
    </div>
  );
}
