import { FILE_TEMPLATES, HOSTILE_STRINGS, PLAIN_MESSAGES } from '../corpus';
import { hash3, hex, int, mulberry32, pick, weighted, type Rng } from '../prng';
import { messageGap, SALT } from './generate';
import type { ChatRecord, MessageRecord } from './records';
import type { PeriskopeMediaJson, PeriskopeMessageKind } from './wire';

/**
 * A chat's generated messages. Message k (0 = newest) comes from its own seeded stream, and only its time depends on
 * the newer ones (k - 1 gaps back from the newest), so the chat list builds each chat's latest message alone, without
 * generating the rest.
 */

const MIME: Record<(typeof FILE_TEMPLATES)[number]['kind'], string> = {
  pdf: 'application/pdf', txt: 'text/plain', csv: 'text/csv', log: 'text/plain',
};

const CAPTIONS = ['Look at this 😍', 'Here you go', 'As discussed', 'From yesterday', 'The signed copy', 'FYI'];

function datePart(ts: number): string {
  return new Date(ts).toISOString().slice(0, 10).replace(/-/g, '');
}

function mediaOf(r: Rng, kind: PeriskopeMessageKind, ts: number): PeriskopeMediaJson | null {
  const size = int(r, 8_000, 4_000_000);
  const serial = String(int(r, 1, 9999)).padStart(4, '0');
  switch (kind) {
    case 'chat':
      return null;
    case 'image':
      return { filename: `IMG-${datePart(ts)}-WA${serial}.jpg`, mimetype: 'image/jpeg', size };
    case 'video':
      return { filename: `VID-${datePart(ts)}-WA${serial}.mp4`, mimetype: 'video/mp4', size };
    case 'document': {
      const file = pick(r, FILE_TEMPLATES);
      return { filename: file.name, mimetype: MIME[file.kind], size };
    }
    case 'audio':
      return { filename: `AUD-${datePart(ts)}-WA${serial}.mp3`, mimetype: 'audio/mpeg', size };
    case 'ptt':
      return { mimetype: 'audio/ogg; codecs=opus', size: Math.min(size, 300_000) };
    case 'sticker':
      return { mimetype: 'image/webp', size: Math.min(size, 100_000) };
  }
}

/** A text a person would send: mostly plain, now and then markup the UI must show as text. */
export function messageText(r: Rng): string {
  return r() < 0.03 ? pick(r, HOSTILE_STRINGS) : pick(r, PLAIN_MESSAGES);
}

/**
 * Message k of a chat, sent at `ts`. `r` must be the message's stream with its gap already drawn (messageStream).
 * The `unread` newest messages are incoming: unread messages are someone else's.
 */
function messageFrom(r: Rng, chat: ChatRecord, orgPhone: string, k: number, ts: number): MessageRecord {
  const fromMe = k < chat.generated.unread ? false : r() < 0.4;
  const sender = fromMe ? orgPhone : (chat.kind === 'group' ? pick(r, chat.contacts) : chat.contacts[0])?.id ?? orgPhone;
  const kind = weighted(r, [['chat', 0.8], ['image', 0.08], ['document', 0.05], ['video', 0.02], ['audio', 0.01], ['ptt', 0.03], ['sticker', 0.01]] as const);
  const media = mediaOf(r, kind, ts);
  let body = kind === 'chat' ? messageText(r) : kind === 'image' || kind === 'video' || kind === 'document' ? (r() < 0.4 ? pick(r, CAPTIONS) : '') : '';
  const deleted = r() < 0.03;
  const prevBody = !deleted && kind === 'chat' && r() < 0.04 ? messageText(r) : null;
  if (deleted) body = '';
  return {
    uniqueId: fromMe ? `3EB0${hex(r, 16, true)}` : hex(r, 32, true),
    fromMe, sender, ts, kind,
    body,
    media: deleted ? null : media,
    deleted,
    prevBody,
    ack: fromMe ? int(r, 1, 3) : 0,
  };
}

function messageStream(seed: number, chat: ChatRecord, k: number): { r: Rng; gap: number } {
  const r = mulberry32(hash3(seed ^ SALT.message, chat.index, k));
  return { r, gap: messageGap(r) };
}

/** The newest generated message of a chat, or null when it has none. */
export function latestGenerated(seed: number, chat: ChatRecord, orgPhone: string): MessageRecord | null {
  const { count, latestTs } = chat.generated;
  if (count === 0 || latestTs === null) return null;
  return messageFrom(messageStream(seed, chat, 0).r, chat, orgPhone, 0, latestTs);
}

/** Every generated message of a chat, oldest first. */
export function generateMessages(seed: number, chat: ChatRecord, orgPhone: string): MessageRecord[] {
  const out: MessageRecord[] = [];
  const { count, latestTs } = chat.generated;
  if (latestTs === null) return out;
  let ts = latestTs;
  for (let k = 0; k < count; k++) {
    const { r, gap } = messageStream(seed, chat, k);
    if (k > 0) ts -= gap;
    out.push(messageFrom(r, chat, orgPhone, k, ts));
  }
  return out.reverse();
}
