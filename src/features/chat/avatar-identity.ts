import type { ChatAttendee } from '@/lib/chats/attendees';
import type { InboxChat } from '@/lib/chats/model';

/** What an Avatar is drawn from: the same three values wherever the same person appears. */
export interface AvatarIdentity {
  name: string;
  colorSeed: string;
  /** A same-origin path only when the data says a picture exists; null draws initials and requests nothing. */
  pictureSrc: string | null;
}

/**
 * The person an attendee is. In a 1:1 chat the other person is drawn as the list row draws the chat (its name and its
 * id as the colour seed, since a list item carries no attendee id), so the row, the header, the attendee panel and
 * the messages agree; everyone else by their attendee id.
 */
export function attendeeIdentity(chat: Pick<InboxChat, 'id' | 'kind' | 'displayName'>, attendee: ChatAttendee): AvatarIdentity {
  if (chat.kind === 'direct' && !attendee.isSelf) return { name: chat.displayName, colorSeed: chat.id, pictureSrc: attendee.pictureSrc };
  return { name: attendee.name, colorSeed: attendee.id, pictureSrc: attendee.pictureSrc };
}

/**
 * The chat as its header draws it. A 1:1 chat is its other person (their picture, once the attendees are known); a
 * group's own picture is only asked for when `groupPictureSrc` says one exists.
 */
export function chatIdentity(
  chat: Pick<InboxChat, 'id' | 'kind' | 'displayName'>,
  attendees: readonly ChatAttendee[] | undefined,
  groupPictureSrc: string | null = null,
): AvatarIdentity {
  if (chat.kind === 'direct') {
    const other = attendees?.find((a) => !a.isSelf);
    return { name: chat.displayName, colorSeed: chat.id, pictureSrc: other?.pictureSrc ?? null };
  }
  return { name: chat.displayName, colorSeed: chat.id, pictureSrc: groupPictureSrc };
}
