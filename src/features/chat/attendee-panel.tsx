import type { UseQueryResult } from '@tanstack/react-query';
import { ExternalLink, X } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { describeError, isNotOffered } from '@/lib/error-messages';
import type { ChatAttendee } from '@/lib/chats/attendees';
import type { InboxChat } from '@/lib/chats/model';
import { attendeeIdentity } from './avatar-identity';

export interface AttendeePanelProps {
  id: string;
  /** Whose attendees: a 1:1 chat's other person is drawn as the chat is everywhere else. */
  chat: Pick<InboxChat, 'id' | 'kind' | 'displayName'>;
  query: UseQueryResult<ChatAttendee[]>;
  /** The messaging API serving the chat, when known: its errors name it. */
  backendLabel?: string | undefined;
  onClose: () => void;
}

/** Who is in the chat: pictures, names, headlines and profile links. The person's own entry comes last. */
export function AttendeePanel({ id, chat, query, backendLabel, onClose }: AttendeePanelProps) {
  const attendees = query.data ? [...query.data].sort((a, b) => Number(a.isSelf) - Number(b.isSelf)) : [];
  return (
    <aside
      id={id}
      aria-labelledby={`${id}-title`}
      className="absolute inset-0 z-20 flex flex-col bg-surface lg:static lg:z-auto lg:w-72 lg:shrink-0 lg:border-l lg:border-line"
    >
      <div className="flex h-11 shrink-0 items-center justify-between border-b border-line pr-2 pl-4">
        <h3 id={`${id}-title`} className="text-sm font-semibold text-ink">
          Attendees{query.data ? <span className="ml-1.5 font-normal text-muted">{query.data.length}</span> : null}
        </h3>
        <button type="button" aria-label="Close attendees" onClick={onClose} className="flex size-7 items-center justify-center rounded-md text-muted hover:bg-hover hover:text-ink">
          <X aria-hidden="true" className="size-4" />
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {query.isPending ? (
          <div role="status" aria-label="Loading attendees">
            <span className="sr-only">Loading attendees…</span>
            <ul aria-hidden="true" className="divide-y divide-line motion-safe:animate-pulse">
              {[0, 1].map((i) => (
                <li key={i} className="flex items-center gap-3 px-4 py-2.5">
                  <span className="size-8 shrink-0 rounded-full bg-hover" />
                  <span className="flex flex-1 flex-col gap-1.5">
                    <span className="h-3 w-32 rounded bg-hover" />
                    <span className="h-2.5 w-44 rounded bg-hover/70" />
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : query.isError && !query.data && isNotOffered(query.error) ? (
          // The backend has no way to list them: a fact, not a failure.
          <p role="status" className="p-4 text-sm text-muted">
            {describeError(query.error, { backendLabel }).message}
          </p>
        ) : query.isError && !query.data ? (
          <p role="alert" className="p-4 text-sm text-muted">
            Attendees could not be loaded. {describeError(query.error, { backendLabel }).message}
          </p>
        ) : attendees.length === 0 ? (
          <p className="p-4 text-sm text-muted">No attendees listed.</p>
        ) : (
          <ul className="divide-y divide-line">
            {attendees.map((a) => (
              <li key={a.id} className="flex items-center gap-3 px-4 py-2.5">
                <AttendeeAvatar chat={chat} attendee={a} />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium text-ink" title={a.name}>
                    <span>{a.name}</span>
                    {a.isSelf ? <span className="ml-1.5 text-xs font-normal text-muted">(you)</span> : null}
                  </p>
                  {a.headline ? (
                    <p className="truncate text-xs text-muted" title={a.headline}>
                      {a.headline}
                    </p>
                  ) : null}
                </div>
                {a.profileUrl ? (
                  <a
                    href={a.profileUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-label={`Profile of ${a.name} (opens in a new tab)`}
                    title="Open profile"
                    className="flex size-7 shrink-0 items-center justify-center rounded-md text-muted hover:bg-hover hover:text-ink"
                  >
                    <ExternalLink aria-hidden="true" className="size-3.5" />
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </aside>
  );
}

function AttendeeAvatar({ chat, attendee }: { chat: AttendeePanelProps['chat']; attendee: ChatAttendee }) {
  const { name, colorSeed, pictureSrc } = attendeeIdentity(chat, attendee);
  return <Avatar src={pictureSrc} name={name} colorSeed={colorSeed} size={32} />;
}
