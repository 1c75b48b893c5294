import { attachmentId, isoMs, messageProviderId, originalJson, quoteOf, type AttendeeRecord, type GenContext } from '../data-generator';
import { errors } from '../errors';
import { ID_KIND, MAX_SUB } from '../ids';
import { at, hash3, mulberry32 } from '../prng';
import type { AttachmentJson, MessageJson, QuotedJson } from '../types';
import type { Binaries, UploadedFile } from './binaries';
import { BoundedCache } from './bounded-cache';

/** Each chat's history: the generated messages (rebuilt on demand, the recent ones cached), then those added since. */

const MESSAGE_CACHE_SIZE = 128;

/** The GET /chats/:id/messages query, under the API's parameter names, dates as ms. */
export interface UpstreamMessageQuery {
  before?: number;
  after?: number;
  sender_id?: string;
}

export interface MessagePage {
  items: MessageJson[];
  /** Index of the last message returned, to continue below it; null when done. */
  next: number | null;
}

/** A message to add to chat `chatIdx`, as sent by the account or received from `sender`. */
export interface NewMessage {
  chatIdx: number;
  chatId: string;
  chatProviderId: string;
  accountIdx: number;
  sender: AttendeeRecord;
  text: string | null;
  files: UploadedFile[];
  quoteId: string | undefined;
  fromSelf: boolean;
}

export class ChatMessages {
  private readonly added = new Map<number, MessageJson[]>();
  private readonly generated = new BoundedCache<number, MessageJson[]>(MESSAGE_CACHE_SIZE);

  constructor(
    private readonly ctx: GenContext,
    private readonly binaries: Binaries,
    private readonly now: () => number,
    /** The chat's generated history (empty for a chat created at run time). */
    private readonly generate: (chatIdx: number) => MessageJson[],
  ) {}

  /** All messages of a chat, oldest first; position j is the message's sub-index in its id. */
  all(chatIdx: number): MessageJson[] {
    const generated = this.generated.get(chatIdx) ?? this.generate(chatIdx);
    this.generated.set(chatIdx, generated);
    const added = this.added.get(chatIdx);
    return added ? [...generated, ...added] : generated;
  }

  /** Newest first, continuing below `fromIndex` (exclusive) when given. */
  list(chatIdx: number, query: UpstreamMessageQuery, limit: number, fromIndex?: number): MessagePage {
    const all = this.all(chatIdx);
    const items: MessageJson[] = [];
    let lastIndex = -1;
    let hasMore = false;
    for (let j = Math.min(fromIndex ?? all.length, all.length) - 1; j >= 0; j--) {
      const m = all[j];
      if (!m) continue;
      const t = Date.parse(m.timestamp);
      if (query.after !== undefined && t <= query.after) continue;
      if (query.before !== undefined && t >= query.before) continue;
      if (query.sender_id !== undefined && m.sender_id !== query.sender_id && m.sender_attendee_id !== query.sender_id) continue;
      if (items.length === limit) {
        hasMore = true;
        break;
      }
      items.push(m);
      lastIndex = j;
    }
    return { items, next: hasMore ? lastIndex : null };
  }

  /** Adds a message stamped with the clock's time, which it returns too: the chat moves to that time. */
  add(m: NewMessage): { message: MessageJson; at: number } {
    const all = this.all(m.chatIdx);
    const j = all.length;
    if (j >= MAX_SUB) throw errors.insufficientPermissions('This chat holds too many messages for the simulator.');
    const { seed } = this.ctx;
    const account = at(this.ctx.accounts, m.accountIdx);
    const now = this.now();
    const iso = isoMs(now);
    const providerId = messageProviderId(mulberry32(hash3(seed, m.chatIdx, j)), account.type, now, j);
    const attachments: AttachmentJson[] = m.files.map((f, k) => {
      const id = attachmentId(seed, m.chatIdx, j, k); // j is new for this chat, so no clash with generated ones
      const mimetype = f.type || 'application/octet-stream';
      const fits = this.binaries.keepUpload(id, f.bytes, mimetype);
      return { id, type: 'file', file_name: f.name || `attachment-${k + 1}`, file_size: f.bytes.length, mimetype, unavailable: !fits };
    });
    let quoted: QuotedJson | undefined;
    if (m.quoteId !== undefined) {
      const q = all.find((x) => x.id === m.quoteId);
      if (!q) throw errors.invalidParameters(`quote_id: no message "${m.quoteId}" in this chat.`);
      quoted = quoteOf(q);
    }
    const message: MessageJson = {
      object: 'Message',
      id: this.ctx.codec.encode(ID_KIND.message, m.chatIdx, j),
      account_id: account.id,
      chat_id: m.chatId,
      chat_provider_id: m.chatProviderId,
      provider_id: providerId,
      sender_id: m.sender.providerId,
      sender_attendee_id: m.sender.id,
      text: m.text,
      timestamp: iso,
      is_sender: m.fromSelf ? 1 : 0,
      attachments,
      reactions: [],
      ...(quoted ? { quoted } : {}),
      seen: 0,
      seen_by: {},
      hidden: 0,
      deleted: 0,
      edited: 0,
      is_event: 0,
      delivered: 1,
      behavior: null,
      original: originalJson(account.type, providerId, iso),
    };
    const list = this.added.get(m.chatIdx) ?? [];
    list.push(message);
    this.added.set(m.chatIdx, list);
    return { message, at: now };
  }
}
