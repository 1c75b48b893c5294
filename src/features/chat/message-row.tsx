import { Ban, Quote } from 'lucide-react';
import { memo } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { cn } from '@/lib/cn';
import { timeFormat } from '@/lib/time-format';
import type { AvatarIdentity } from './avatar-identity';
import { MessageAttachments } from './message-attachments';
import { MessageText } from './message-text';
import type { MessageReaction } from '@/lib/chats/messages';
import type { TimelineRow } from './timeline';

/** Who wrote a message, drawn with the same avatar as everywhere else. */
export type Sender = AvatarIdentity;

const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

function groupReactions(reactions: readonly MessageReaction[]): { value: string; count: number; mine: boolean }[] {
  const groups = new Map<string, { value: string; count: number; mine: boolean }>();
  for (const r of reactions) {
    const group = groups.get(r.value) ?? { value: r.value, count: 0, mine: false };
    group.count += 1;
    group.mine ||= r.mine;
    groups.set(r.value, group);
  }
  return [...groups.values()];
}

function DaySeparator({ label, dateTime }: { label: string; dateTime: string }) {
  return (
    <div className="flex items-center gap-3 px-4 pt-4 pb-1" role="separator" aria-label={label}>
      <span aria-hidden="true" className="h-px flex-1 bg-line" />
      <time dateTime={dateTime} className="text-xs font-medium text-muted">
        {label}
      </time>
      <span aria-hidden="true" className="h-px flex-1 bg-line" />
    </div>
  );
}

export interface MessageRowProps {
  row: TimelineRow;
  sender: Sender;
  quotedSenderName: string | null;
  provider: string;
  /** Group and broadcast chats name each sender; in a 1:1 chat the header already says who it is. */
  showSenderNames: boolean;
}

export const MessageRow = memo(function MessageRow({ row, sender, quotedSenderName, provider, showSenderNames }: MessageRowProps) {
  const { message, startsRun, day } = row;
  const time =
    message.sentAt !== null ? (
      <time dateTime={new Date(message.sentAt).toISOString()} title={timeFormat.absolute(message.sentAt)}>
        {clock.format(message.sentAt)}
      </time>
    ) : null;

  if (message.isEvent) {
    return (
      <div>
        {day ? <DaySeparator {...day} /> : null}
        <div className="flex justify-center px-6 py-1.5">
          <p className="max-w-xl rounded-full bg-raised px-3 py-1 text-center text-xs text-muted [overflow-wrap:anywhere]">
            {message.text ? <span>{message.text}</span> : <span>Chat event</span>}
            {time ? <span className="ml-2 text-faint">{time}</span> : null}
          </p>
        </div>
      </div>
    );
  }

  const mine = message.mine;
  const reactions = groupReactions(message.reactions);
  const showName = startsRun && !mine && showSenderNames;
  const empty = !message.deleted && message.text === null && message.attachments.length === 0;

  return (
    <div>
      {day ? <DaySeparator {...day} /> : null}
      <div className={cn('flex gap-2 px-4', mine ? 'justify-end' : 'justify-start', startsRun ? 'pt-3' : 'pt-0.5')}>
        {!mine ? (
          startsRun ? (
            <Avatar src={sender.pictureSrc} name={sender.name} colorSeed={sender.colorSeed} size={28} className="mt-auto mb-5" />
          ) : (
            <span aria-hidden="true" className="w-7 shrink-0" />
          )
        ) : null}
        <div className={cn('flex max-w-[min(80%,38rem)] min-w-0 flex-col', mine ? 'items-end' : 'items-start')}>
          {showName ? (
            <p className="mb-0.5 max-w-full truncate px-1 text-xs font-medium text-muted">{sender.name}</p>
          ) : (
            <span className="sr-only">{sender.name}:</span>
          )}
          <div
            className={cn(
              'max-w-full min-w-0 rounded-2xl px-3 py-2 text-sm leading-relaxed',
              mine ? 'rounded-br-md bg-accent text-accent-ink' : 'rounded-bl-md border border-line bg-surface text-ink',
              message.status === 'sending' && 'opacity-75',
            )}
          >
            {message.quoted ? (
              <blockquote
                className={cn(
                  'mb-1.5 border-l-2 pl-2 text-xs',
                  mine ? 'border-accent-ink/50 text-accent-ink/85' : 'border-line text-muted',
                )}
              >
                <p className="flex items-center gap-1 font-medium">
                  <Quote aria-hidden="true" className="size-3" />
                  {quotedSenderName ?? 'Quoted message'}
                </p>
                {message.quoted.text ? (
                  <MessageText text={message.quoted.text} provider={provider} className="line-clamp-3" />
                ) : (
                  <p>{message.quoted.attachmentCount > 0 ? 'Attachment' : 'Message'}</p>
                )}
              </blockquote>
            ) : null}
            {message.deleted ? (
              <p className={cn('flex items-center gap-1.5 italic', mine ? 'text-accent-ink/85' : 'text-muted')}>
                <Ban aria-hidden="true" className="size-3.5" />
                This message was deleted
              </p>
            ) : message.text !== null ? (
              <MessageText text={message.text} provider={provider} />
            ) : null}
            {empty ? <p className={cn('italic', mine ? 'text-accent-ink/85' : 'text-muted')}>Empty message</p> : null}
            <MessageAttachments messageId={message.id} attachments={message.attachments} className={message.text !== null ? 'mt-2' : undefined} />
          </div>
          {reactions.length > 0 ? (
            <ul aria-label="Reactions" className={cn('-mt-1 flex flex-wrap gap-1 px-1', mine ? 'justify-end' : 'justify-start')}>
              {reactions.map((r) => (
                <li
                  key={r.value}
                  className={cn(
                    'rounded-full border px-1.5 text-xs leading-5',
                    r.mine ? 'border-accent/40 bg-accent/10 text-ink' : 'border-line bg-surface text-ink',
                  )}
                >
                  {r.value}
                  {r.count > 1 ? <span className="ml-0.5 text-muted">{r.count}</span> : null}
                  {r.mine ? <span className="sr-only"> (yours)</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="mt-0.5 flex items-center gap-1.5 px-1 text-[11px] text-faint">
            {time}
            {message.edited ? <span>· Edited</span> : null}
            {message.status === 'sending' ? <span className="text-muted">· Sending…</span> : null}
          </p>
        </div>
      </div>
    </div>
  );
});
