import { DEFAULT_FOLDER } from '../../../src/lib/wire/vocabulary';
import { memberSchema, type PeriskopeChat, type PeriskopeMember } from './schemas';
import { toUnipileMessage, type UnipileMessage } from './messages';
import { epochMs, isoOf } from './time';

/** A Periskope chat (ChatType) as Unipile's Chat, field by field. */

export interface UnipileChat {
  object: 'Chat';
  id: string;
  account_id: string | null;
  account_type: 'WHATSAPP';
  provider_id: string;
  attendee_provider_id?: string;
  name: string | null;
  type: 0 | 1;
  timestamp: string | null;
  unread_count: number;
  archived: 0 | 1;
  muted_until: -1 | null;
  read_only: 0 | 1;
  pinned: 0 | 1;
  folder: string[];
  disabledFeatures: string[];
}

export interface UnipileChatDetail extends UnipileChat {
  lastMessage: UnipileMessage | null;
}

/**
 * The time Periskope sorts by (`sort_by=latest_message_timestamp`): the chat's own field, else its latest message's.
 * Null for a chat without messages.
 */
export function chatSortKey(chat: PeriskopeChat): number | null {
  return epochMs(chat.latest_message_timestamp) ?? epochMs(chat.latest_message?.timestamp);
}

function unreadOf(chat: PeriskopeChat): number {
  const own = chat.message_unread_count ?? (chat.org_phone ? chat.unread_count?.[chat.org_phone] : undefined);
  return typeof own === 'number' && Number.isFinite(own) && own > 0 ? Math.floor(own) : 0;
}

/** The chat's members (GET /chats/{chat_id} only), read one by one; a malformed one is left out. */
export function membersOf(chat: PeriskopeChat): { id: string; member: PeriskopeMember }[] {
  return Object.entries(chat.members ?? {}).flatMap(([key, raw]) => {
    const parsed = memberSchema.safeParse(raw);
    return parsed.success ? [{ id: parsed.data.contact_id ?? key, member: parsed.data }] : [];
  });
}

export function memberName(m: PeriskopeMember): string | null {
  return m.contact_name ?? m.name ?? m.verified_name ?? m.pushname ?? m.short_name ?? m.number ?? null;
}

/**
 * Read-only when the org phone left the group, or when only admins may write and the members say we are none. Without
 * members (the list) an admins-only group stays writable: a refused reply says why, a disabled composer would not.
 */
function readOnly(chat: PeriskopeChat): 0 | 1 {
  if (chat.is_exited === true) return 1;
  if (chat.messages_admins_only !== true || !chat.members) return 0;
  const self = membersOf(chat).find(({ id, member }) => id === chat.org_phone || member.is_me === true);
  return self && (self.member.is_admin === true || self.member.is_super_admin === true) ? 0 : 1;
}

/**
 * Folders: every chat is in the inbox, plus one folder per label. A chat carries only its labels' keys, not their
 * names, so the key is the folder's name.
 */
function foldersOf(chat: PeriskopeChat): string[] {
  const labels = Object.entries(chat.label_ids ?? {}).flatMap(([key, on]) => (on === false || key.trim() === '' ? [] : [key]));
  return [DEFAULT_FOLDER, ...labels];
}

export function toUnipileChat(chat: PeriskopeChat): UnipileChat {
  // A chat without messages has no activity: null, which sorts last, where Periskope lists it too. Its created_at would
  // put it among chats it is not listed with, and a merged list (server/backends/registry) relies on each backend
  // listing newest first by the time it answers: measured, 100 of 10,000 merged chats were skipped with created_at.
  const timestamp = chatSortKey(chat);
  // Business chats are 1:1 chats with a business account; anything Periskope adds later is read as 1:1 too.
  const type = chat.chat_type === 'group' ? 1 : 0;
  return {
    object: 'Chat',
    id: chat.chat_id,
    account_id: chat.org_phone ?? null,
    account_type: 'WHATSAPP',
    provider_id: chat.chat_id,
    ...(type === 0 ? { attendee_provider_id: chat.chat_id } : {}),
    name: chat.chat_name?.trim() ? chat.chat_name : null,
    type,
    timestamp: isoOf(timestamp),
    unread_count: unreadOf(chat),
    archived: chat.is_archived === true || (chat.closed_at !== null && chat.closed_at !== undefined) ? 1 : 0,
    muted_until: chat.is_muted === true ? -1 : null,
    read_only: readOnly(chat),
    pinned: chat.is_pinned === true ? 1 : 0,
    folder: foldersOf(chat),
    disabledFeatures: [],
  };
}

/** GET /chats/:id: the chat with its latest message, whose sender is named from the members when they know them. */
export function toUnipileChatDetail(chat: PeriskopeChat): UnipileChatDetail {
  const names = new Map<string, string>();
  for (const { id, member } of membersOf(chat)) {
    const name = memberName(member);
    if (name !== null) names.set(id, name);
  }
  return { ...toUnipileChat(chat), lastMessage: chat.latest_message ? toUnipileMessage(chat.latest_message, names) : null };
}
