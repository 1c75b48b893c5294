import type { KnownProvider } from '../../../src/lib/wire/vocabulary';
import {
  COMPANIES, FILE_TEMPLATES, HOSTILE_STRINGS, LINKEDIN_HTML_MESSAGES, LINKEDIN_PLAIN_MESSAGES, PLAIN_MESSAGES, REACTIONS,
} from '../corpus';
import { ID_KIND } from '../ids';
import { at, base62, digits, hash2, hash3, hex, int, mulberry32, pick, type Rng } from '../prng';
import type { AttachmentJson, Flag, MessageJson, QuotedJson, ReactionJson } from '../types';
import { chatAttendees, type AttendeeRecord } from './attendees';
import { generateChatCore, type ChatCore, type ChatDetails } from './chats';
import { SALT, type GenContext } from './context';
import { DAY, HOUR, isoMs, MINUTE } from './time';

/** A chat's message history (texts, events, attachments, reactions, quotes, edits), and the ids every message shares. */

export function messageProviderId(r: Rng, provider: KnownProvider, ts: number, j: number): string {
  switch (provider) {
    case 'WHATSAPP':
      return `3EB0${hex(r, 18, true)}`;
    case 'LINKEDIN':
      return `2-${base62(r, 38)}==`;
    case 'SLACK':
      return `${Math.floor(ts / 1000)}.${String(j % 1_000_000).padStart(6, '0')}`;
    case 'TELEGRAM':
      return String(1000 + j);
    case 'INSTAGRAM':
      return `aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlE${base62(r, 28)}`;
    case 'MESSENGER':
      return `mid.$${base62(r, 30)}`;
    case 'TWITTER':
      return digits(r, 19);
  }
}

/** The provider's raw payload, as Unipile passes it along (a JSON string); ids and dates here need no escaping. */
export function originalJson(provider: KnownProvider, providerId: string, timestamp: string): string {
  return `{"provider":"${provider}","id":"${providerId}","timestamp":"${timestamp}"}`;
}

/** What a generated attachment's bytes look like; rebuilt from the attachment JSON alone. */
export function attachmentId(seed: number, i: number, j: number, k: number): string {
  return base62(mulberry32(hash3(seed ^ 0xa77ac4, i, j * 8 + k)), 22);
}

/** How a reply carries the message it quotes. */
export function quoteOf(m: MessageJson): QuotedJson {
  return { provider_id: m.provider_id, sender_id: m.sender_id, text: m.text, attachments: m.attachments };
}

function makeAttachments(r: Rng, ctx: GenContext, i: number, j: number, provider: KnownProvider): AttachmentJson[] {
  const a = r();
  if (a < 0.06) {
    const n = r() < 0.85 ? 1 : int(r, 2, 3);
    const out: AttachmentJson[] = [];
    for (let k = 0; k < n; k++) {
      const [width, height] = pick(r, [[640, 480], [480, 640], [800, 600], [600, 800], [512, 512], [320, 240]] as const);
      out.push({
        id: attachmentId(ctx.seed, i, j, k),
        type: 'img',
        size: { width, height },
        sticker: false,
        unavailable: false,
        file_size: Math.round(width * height * (0.2 + r() * 0.3)),
        mimetype: 'image/png',
      });
    }
    return out;
  }
  if (a < 0.09) {
    const t = pick(r, FILE_TEMPLATES);
    const size = t.kind === 'pdf' ? int(r, 20_000, 2_000_000) : int(r, 1_000, 200_000);
    const mimetype = t.kind === 'pdf' ? 'application/pdf' : t.kind === 'csv' ? 'text/csv' : 'text/plain';
    return [{ id: attachmentId(ctx.seed, i, j, 0), type: 'file', file_name: t.name, file_size: size, mimetype, unavailable: false }];
  }
  if (a < 0.1 && provider === 'WHATSAPP') {
    return [{ id: attachmentId(ctx.seed, i, j, 0), type: 'img', size: { width: 256, height: 256 }, sticker: true, unavailable: false, file_size: 18_000, mimetype: 'image/png' }];
  }
  return [];
}

function messageText(r: Rng, provider: KnownProvider, hostile: number, me: string, other: string): string {
  if (hostile !== 0 && r() < 0.25) return pick(r, HOSTILE_STRINGS);
  if (provider === 'LINKEDIN') {
    const u = r();
    if (u < 0.35) {
      return pick(r, LINKEDIN_HTML_MESSAGES)
        .replace('{first}', other.split(' ')[0] ?? other)
        .replace('{company}', pick(r, COMPANIES))
        .replace('{me}', me);
    }
    if (u < 0.65) return pick(r, LINKEDIN_PLAIN_MESSAGES);
  }
  return pick(r, PLAIN_MESSAGES);
}

const EVENT_TYPES = [3, 4, 5, 6, 7] as const;

function eventText(eventType: number, actor: string, target: string, chatName: string): string {
  switch (eventType) {
    case 3:
      return `${actor} created group "${chatName}"`;
    case 4:
      return `${actor} changed the subject to "${chatName}"`;
    case 5:
      return `${actor} added ${target}`;
    case 6:
      return `${actor} removed ${target}`;
    default:
      return `${actor} left`;
  }
}

/** What a history is generated from: the chat's generated (original) core, not its later changes. */
interface GeneratedChatInput extends Pick<ChatCore, 'accountIdx' | 'type' | 'ts' | 'unread'> {
  index: number;
  chatId: string;
  details: ChatDetails;
  attendees: AttendeeRecord[];
}

/** Generated chat i's history, oldest first, from its generated core (not from later changes). */
export function chatHistory(ctx: GenContext, i: number, chatId: string, details: ChatDetails): MessageJson[] {
  const core = generateChatCore(ctx, i);
  const attendees = chatAttendees(ctx, i, core.accountIdx, details);
  return generateMessages(ctx, { index: i, accountIdx: core.accountIdx, type: core.type, ts: core.ts, unread: core.unread, chatId, details, attendees });
}

/** The chat's history, oldest first; the newest message carries exactly the chat's generated timestamp. */
function generateMessages(ctx: GenContext, c: GeneratedChatInput): MessageJson[] {
  if (Number.isNaN(c.ts)) return []; // a chat without a timestamp has no messages yet
  const r = mulberry32(hash2(ctx.seed ^ SALT.messages, c.index));
  const account = at(ctx.accounts, c.accountIdx);
  const provider = account.type;
  const count = 3 + Math.floor(197 * r() ** 2.5);
  const times = new Array<number>(count);
  times[count - 1] = c.ts;
  for (let j = count - 2; j >= 0; j--) {
    const g = r();
    const gap = g < 0.6 ? int(r, 5_000, 20 * MINUTE) : g < 0.9 ? int(r, 20 * MINUTE, 8 * HOUR) : g < 0.98 ? int(r, 8 * HOUR, 4 * DAY) : int(r, 4 * DAY, 40 * DAY);
    times[j] = (times[j + 1] ?? c.ts) - gap;
  }
  const self = at(c.attendees, c.attendees.length - 1);
  const others = c.attendees.slice(0, -1);
  const visibleOthers = others.filter((a) => !a.hidden);
  const speakers = visibleOthers.length > 0 ? visibleOthers : others;
  const unreadN = Math.min(c.unread, count);
  const out: MessageJson[] = [];
  for (let j = 0; j < count; j++) {
    const ts = times[j] ?? c.ts;
    const timestamp = isoMs(ts);
    const forcedInbound = j >= count - unreadN;
    const fromSelf = !forcedInbound && r() < (c.type === 2 ? 0.1 : 0.45);
    const sender = fromSelf ? self : pick(r, speakers);
    const providerId = messageProviderId(r, provider, ts, j);
    let text: string | null;
    let isEvent: Flag = 0;
    let eventType: number | undefined;
    let hidden: Flag = 0;
    let attachments: AttachmentJson[] = [];
    if (c.type !== 0 && j > 0 && r() < 0.03) {
      isEvent = 1;
      eventType = pick(r, EVENT_TYPES);
      text = eventText(eventType, sender.name, pick(r, others).name, c.details.name ?? 'Group');
      hidden = r() < 0.3 ? 1 : 0;
    } else {
      attachments = makeAttachments(r, ctx, c.index, j, provider);
      const otherName = c.details.person?.name ?? sender.name;
      text = attachments.length > 0 && r() < 0.5 ? null : messageText(r, provider, c.details.hostile, account.ownerName, otherName);
    }
    const reactions: ReactionJson[] = [];
    if (!isEvent && r() < 0.08) {
      const n = int(r, 1, 3);
      for (let k = 0; k < n; k++) {
        const who = r() < 0.3 ? self : pick(r, speakers);
        reactions.push({ value: pick(r, REACTIONS), sender_id: who.providerId, is_sender: who.isSelf });
      }
    }
    let edited: Flag = !isEvent && text !== null && r() < 0.03 ? 1 : 0;
    let deleted: Flag = 0;
    if (!isEvent && r() < 0.015) {
      deleted = 1;
      edited = 0;
      text = null;
      attachments = [];
      reactions.length = 0;
    }
    let quoted: QuotedJson | undefined;
    if (!isEvent && !deleted && j > 0 && r() < 0.05) {
      const q = out[j - int(r, 1, Math.min(5, j))];
      if (q && !q.deleted && !q.is_event) quoted = quoteOf(q);
    }
    const seen: Flag = fromSelf ? (j >= count - 2 && r() < 0.5 ? 0 : 1) : forcedInbound ? 0 : 1;
    const seenBy: Record<string, string | boolean> = {};
    if (fromSelf && seen) {
      const readers = c.type === 0 ? others : others.filter(() => r() < 0.6);
      for (const reader of readers) seenBy[reader.providerId] = isoMs(Math.min(ctx.anchor, ts + int(r, 1_000, 2 * HOUR)));
    }
    // Fixed shape first, optional fields assigned after: object spread here made generation several times slower.
    const message: MessageJson = {
      object: 'Message',
      id: ctx.codec.encode(ID_KIND.message, c.index, j),
      account_id: account.id,
      chat_id: c.chatId,
      chat_provider_id: c.details.providerId,
      provider_id: providerId,
      sender_id: sender.providerId,
      sender_attendee_id: sender.id,
      text,
      timestamp,
      is_sender: fromSelf ? 1 : 0,
      attachments,
      reactions,
      seen,
      seen_by: seenBy,
      hidden,
      deleted,
      edited,
      is_event: isEvent,
      // Only a message not yet seen can still be undelivered.
      delivered: fromSelf && !seen && r() < 0.3 ? 0 : 1,
      behavior: r() < 0.02 ? 0 : null,
      original: originalJson(provider, providerId, timestamp),
    };
    if (quoted) message.quoted = quoted;
    if (eventType !== undefined) message.event_type = eventType;
    out.push(message);
  }
  return out;
}
