import { memberName, membersOf } from './chats';
import type { PeriskopeChat } from './schemas';

/** A chat's attendees (Unipile ChatAttendee) from the members of GET /chats/{chat_id}. */

export interface UnipileAttendee {
  object: 'ChatAttendee';
  id: string;
  account_id: string | null;
  provider_id: string;
  name: string;
  is_self: 0 | 1;
  hidden: 0;
}

/** "918527184400@c.us" reads as its number when nothing better names it. */
const numberOf = (id: string): string => id.replace(/@.*$/, '');

function attendee(chat: PeriskopeChat, id: string, name: string | null, self: boolean): UnipileAttendee {
  // No picture_url: pictures are not relayed for Periskope, so the browser draws initials and asks for nothing.
  return { object: 'ChatAttendee', id, account_id: chat.org_phone ?? null, provider_id: id, name: name ?? numberOf(id), is_self: self ? 1 : 0, hidden: 0 };
}

export function toAttendees(chat: PeriskopeChat): UnipileAttendee[] {
  const members = membersOf(chat);
  if (members.length > 0) {
    return members.map(({ id, member }) => attendee(chat, id, memberName(member), id === chat.org_phone || member.is_me === true));
  }
  if (chat.chat_type === 'group') return [];
  // A 1:1 chat without members: the other party is the chat itself, the org phone is us.
  const out = [attendee(chat, chat.chat_id, chat.chat_name?.trim() ? chat.chat_name : null, false)];
  if (chat.org_phone) out.push(attendee(chat, chat.org_phone, null, true));
  return out;
}
