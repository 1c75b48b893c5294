import { Check } from 'lucide-react';
import { memo } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { DrawnText } from '@/components/ui/drawn-text';
import type { Account } from '@/lib/accounts';
import type { InboxChat } from '@/lib/chats/model';
import { cn } from '@/lib/cn';
import type { Density } from '@/lib/density';
import { describeChat } from '@/lib/chats/describe';
import type { TimeStyle } from '@/lib/time-format';
import { DETAILS, Folders, KindIcon, LastActivity, Source, StateIcons, UnreadBadge } from './chat-row-parts';

export const ROW_HEIGHT: Record<Density, number> = { comfortable: 72, compact: 52 };

/** DOM ids must be unique and stable per chat; chat ids may hold any character. */
export function optionId(chatId: string): string {
  return `chat-option-${chatId.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

export interface ChatRowProps {
  chat: InboxChat;
  account: Account | undefined;
  index: number;
  /** Total when every page is loaded, otherwise -1 (unknown). */
  setSize: number;
  start: number;
  density: Density;
  /** aria-selected: picked for a bulk action, or the cursor row while nothing is picked. */
  selected: boolean;
  /** The list's cursor (and the open chat, when one is open). */
  cursor: boolean;
  /** Picked for a bulk action: its checkbox shows, ticked. */
  picked: boolean;
  now: number;
  /** Relative ("5m") or absolute ("14:05") time of last activity. */
  timeStyle: TimeStyle;
  /** The last message and what the previews know of the chat; undefined until they arrive (the line stays empty). */
  preview?: RowPreview;
  /** A click: open it; Ctrl/⌘+click or its checkbox: pick or unpick it; Shift+click: pick up to it. */
  onActivate: (chatId: string, how: RowActivation) => void;
}

export type RowActivation = 'open' | 'toggle' | 'extend';

export interface RowPreview {
  /** "You: see you then", "Amelia: sounds good", "Photo"; '' when the chat has no message. */
  line: string;
  /** The name to show, when the chat has none of its own (a 1:1 chat's other attendee). */
  name: string;
  /** The chat's picture, when it has one: only then is one requested. */
  picture: string | null;
}

function activationOf(event: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): RowActivation {
  if (event.shiftKey) return 'extend';
  return event.ctrlKey || event.metaKey ? 'toggle' : 'open';
}

/**
 * One chat in the list. Memoized: scrolling re-renders only rows entering the window, never the visible ones.
 * The option's aria-label (describeChat) says everything in words. Its only text node is the name, so what is seen
 * and what is heard start the same way; the other details are drawn (DrawnText) and hidden from assistive technology.
 */
export const ChatRow = memo(function ChatRow({
  chat: listed,
  account,
  index,
  setSize,
  start,
  density,
  selected,
  cursor,
  picked,
  now,
  timeStyle,
  preview,
  onActivate,
}: ChatRowProps) {
  // A chat without a name of its own is called what the previews found (the other attendee), as everywhere else.
  const chat = preview && preview.name !== listed.displayName ? { ...listed, displayName: preview.name } : listed;
  const unread = chat.unreadCount > 0;
  const compact = density === 'compact';
  const id = optionId(chat.id);
  const line = preview?.line ?? '';
  const name = <span className={cn('min-w-0 truncate text-sm text-ink', unread ? 'font-semibold' : 'font-medium')}>{chat.displayName}</span>;
  const subject = chat.subject ? <DrawnText text={chat.subject} className={cn('max-w-[50%] shrink-0 truncate', unread ? 'font-medium text-ink' : '')} /> : null;
  // What was said last: brighter while unread, so read and unread rows differ by more than weight.
  const said = line ? <DrawnText text={line} className={cn('min-w-0 flex-1 truncate', unread ? 'text-ink' : 'text-muted')} /> : <span className="flex-1" />;
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      aria-label={describeChat(chat, account)}
      aria-describedby={line ? `${id}-said` : undefined}
      data-chat-id={chat.id}
      data-cursor={cursor ? '' : undefined}
      className={cn(
        // contain: a row's layout never affects another's, so rows entering during a fast scroll lay out alone.
        'chat-option group absolute top-0 left-0 flex w-full cursor-pointer items-center gap-3 border-b border-line/70 px-4 select-none [contain:strict]',
        selected || cursor ? 'bg-selected' : 'hover:bg-hover',
        // While chats are picked the cursor row is marked apart from them by a bar.
        cursor && !selected && 'shadow-[inset_3px_0_0_rgb(var(--accent))]',
      )}
      style={{ height: ROW_HEIGHT[density], transform: `translateY(${start}px)` }}
      onMouseDown={(e) => {
        // Shift+click would otherwise select the text between the clicks.
        if (e.shiftKey) e.preventDefault();
      }}
      onClick={(e) => onActivate(chat.id, activationOf(e))}
    >
      {line ? (
        <span id={`${id}-said`} hidden>
          {line}
        </span>
      ) : null}
      <span aria-hidden="true" className={cn('absolute left-1.5 size-1.5 rounded-full', unread ? 'bg-accent' : 'bg-transparent')} />
      <span className="relative shrink-0">
        <Avatar
          // Requested only when the previews say there is one: a missing picture costs no request and no console error.
          src={preview?.picture ?? null}
          name={chat.displayName}
          colorSeed={chat.id}
          size={compact ? 28 : 40}
          className={cn(picked ? 'invisible' : 'group-hover:invisible')}
        />
        {/* The pointer's way to pick a chat (x and Ctrl/⌘+click are the others); the option itself says it is selected. */}
        <span
          aria-hidden="true"
          className={cn(
            'absolute inset-0 m-auto size-5 items-center justify-center rounded border-2',
            picked ? 'flex border-accent bg-accent text-accent-ink' : 'hidden border-faint bg-surface group-hover:flex',
          )}
          onClick={(e) => {
            e.stopPropagation();
            onActivate(chat.id, 'toggle');
          }}
        >
          {picked ? <Check className="size-3.5" strokeWidth={3} /> : null}
        </span>
      </span>
      {compact ? (
        <div className="flex min-w-0 flex-1 items-center gap-2">
          <span className="flex max-w-[40%] min-w-0 shrink-0 items-center gap-1.5">
            {name}
            <KindIcon chat={chat} />
          </span>
          <span aria-hidden="true" className={cn(DETAILS, 'flex-1')}>
            <Source chat={chat} account={account} compact />
            {subject}
            {said}
            <Folders chat={chat} />
          </span>
          <span aria-hidden="true" className="flex shrink-0 items-center gap-1.5">
            <StateIcons chat={chat} />
            <UnreadBadge count={chat.unreadCount} />
            <LastActivity at={chat.lastActivityAt} now={now} style={timeStyle} />
          </span>
        </div>
      ) : (
        <div className="min-w-0 flex-1">
          {/* Line 1: who, where from, the chat's states and time; line 2: what was said last, unread count. */}
          <div className="flex items-center gap-1.5">
            {name}
            <KindIcon chat={chat} />
            <span aria-hidden="true" className={cn(DETAILS, 'ml-1 shrink-[3]')}>
              <Source chat={chat} account={account} compact={false} />
            </span>
            <span aria-hidden="true" className="ml-auto flex shrink-0 items-center gap-1.5 pl-2">
              <StateIcons chat={chat} />
              <LastActivity at={chat.lastActivityAt} now={now} style={timeStyle} />
            </span>
          </div>
          <div aria-hidden="true" className="mt-1 flex h-[18px] items-center gap-1.5">
            <span className={cn(DETAILS, 'flex-1')}>
              {subject}
              {subject && line ? <DrawnText text="·" className="shrink-0 text-faint" /> : null}
              {said}
              <Folders chat={chat} />
            </span>
            <span className="flex shrink-0 items-center">
              <UnreadBadge count={chat.unreadCount} />
            </span>
          </div>
        </div>
      )}
    </div>
  );
});
