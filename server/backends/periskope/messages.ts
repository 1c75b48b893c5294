import { reactionSchema, type PeriskopeMessage } from './schemas';
import { epochMs, isoOf } from './time';

/** A Periskope message (MessageType) as Unipile's Message, the shape the browser and the previews read. */

interface Attachment {
  id: string;
  type: 'img' | 'video' | 'audio' | 'file';
  file_name: string | null;
  mimetype: string | null;
  file_size?: number;
  /** Periskope hands media out as base64 or a signed path, not through a route Triage relays: never downloadable. */
  unavailable: true;
  sticker: boolean;
  voice_note: boolean;
}

export interface UnipileMessage {
  object: 'Message';
  id: string;
  account_id: string | null;
  chat_id: string | null;
  chat_provider_id: string | null;
  provider_id: string;
  sender_id: string | null;
  sender_attendee_id: string | null;
  /** Not in Unipile's schema; the previews use it to name who wrote without asking for the attendees. */
  sender_name?: string;
  text: string | null;
  timestamp: string | null;
  is_sender: 0 | 1;
  attachments: Attachment[];
  reactions: { value: string; sender_id: string | null; is_sender: boolean }[];
  seen: 0 | 1;
  hidden: 0;
  deleted: 0 | 1;
  edited: 0 | 1;
  is_event: 0 | 1;
  delivered: 0 | 1;
}

const MEDIA_TYPES: Record<string, Attachment['type']> = { image: 'img', sticker: 'img', video: 'video', audio: 'audio', ptt: 'audio', document: 'file' };
/** WhatsApp's system messages ("X added Y", security code changed, missed call): shown as events. */
const EVENT_TYPES = new Set(['gp2', 'notification', 'notification_template', 'e2e_notification', 'call_log', 'protocol']);

const bit = (value: boolean | null | undefined): 0 | 1 => (value === true ? 1 : 0);

function attachmentsOf(m: PeriskopeMessage): Attachment[] {
  const type = m.message_type ? MEDIA_TYPES[m.message_type] : undefined;
  if (type === undefined && m.has_media !== true) return [];
  const size = m.media?.size;
  return [
    {
      id: `${m.message_id}:media`,
      type: type ?? 'file',
      file_name: m.media?.filename ?? null,
      mimetype: m.media?.mimetype ?? null,
      ...(typeof size === 'number' ? { file_size: size } : {}),
      unavailable: true,
      sticker: m.message_type === 'sticker',
      voice_note: m.message_type === 'ptt',
    },
  ];
}

function reactionsOf(m: PeriskopeMessage, self: string | null): UnipileMessage['reactions'] {
  return (m.reactions ?? []).flatMap((raw) => {
    const r = reactionSchema.safeParse(raw);
    if (!r.success || !r.data.reaction) return [];
    return [{ value: r.data.reaction, sender_id: r.data.sender_id ?? null, is_sender: self !== null && r.data.sender_id === self }];
  });
}

/** WhatsApp's ack: 1 sent to the server, 2 delivered, 3 read, 4 played. */
function ackLevel(ack: string | number | null | undefined): number {
  const n = typeof ack === 'number' ? ack : Number(ack);
  return Number.isFinite(n) ? n : 0;
}

/** Who wrote it: the org phone for our own messages, else the phone Periskope names (a group's author). */
export function senderOf(m: PeriskopeMessage): string | null {
  if (m.from_me === true) return m.org_phone ?? m.sender_phone ?? null;
  return m.sender_phone ?? m.author ?? m.from ?? null;
}

/** `names` (contact id → name, from a chat's members) fills `sender_name` when it knows the sender. */
export function toUnipileMessage(m: PeriskopeMessage, names?: ReadonlyMap<string, string>): UnipileMessage {
  const sender = senderOf(m);
  const deleted = m.is_deleted === true || m.message_type === 'revoked';
  const ack = ackLevel(m.ack);
  const mine = m.from_me === true;
  const name = sender !== null ? names?.get(sender) : undefined;
  return {
    object: 'Message',
    id: m.message_id,
    account_id: m.org_phone ?? null,
    chat_id: m.chat_id ?? null,
    chat_provider_id: m.chat_id ?? null,
    provider_id: m.message_id,
    sender_id: sender,
    sender_attendee_id: sender,
    ...(name !== undefined && !mine ? { sender_name: name } : {}),
    text: deleted ? null : (m.body ?? null),
    timestamp: isoOf(epochMs(m.timestamp)),
    is_sender: bit(mine),
    attachments: deleted ? [] : attachmentsOf(m),
    reactions: reactionsOf(m, m.org_phone ?? null),
    seen: bit(mine && ack >= 3),
    hidden: 0,
    deleted: bit(deleted),
    // Periskope keeps the text before an edit; a message never edited has none.
    edited: bit(typeof m.prev_body === 'string' && m.prev_body !== '' && !deleted),
    is_event: bit(m.message_type !== null && m.message_type !== undefined && EVENT_TYPES.has(m.message_type)),
    delivered: bit(mine && ack >= 2),
  };
}

/** The sort key of a message in Periskope's newest-first lists. */
export function messageSortKey(m: PeriskopeMessage): number | null {
  return epochMs(m.timestamp);
}
