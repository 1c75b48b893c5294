import { hash2, hex, mulberry32, pick, type Rng } from '../prng';
import { generateChat, generateOrg, SALT, toSecond, type OrgData } from './generate';
import { generateMessages, latestGenerated, messageText } from './messages';
import type { ChatRecord, MessageRecord, PhoneRecord } from './records';
import type { PeriskopeChatKind, PeriskopeMediaJson, PeriskopeMessageKind } from './wire';

/**
 * The Periskope simulator's state: the generated org, what changed since (reads, sends, arrivals), and the queries
 * the routes ask. Lists are sorted on demand and the order cached until the next change, which keeps a few thousand
 * chats quick to page.
 */

export type SortBy = 'created_at' | 'latest_message_timestamp';

export interface ChatQuery {
  /** Only this phone's chats (x-phone); null for every phone. */
  phoneIdx: number | null;
  sortBy: SortBy;
  sortOrder: 'asc' | 'desc';
  chatType?: PeriskopeChatKind;
  /** A label id or name (names ignore case). */
  label?: string;
  /** Bounds on the sort field, inclusive, epoch ms. */
  startTime?: number;
  endTime?: number;
  chatId?: string;
  offset: number;
  limit: number;
}

export interface Page<T> {
  count: number;
  items: T[];
}

export interface SendContent {
  body: string;
  kind: PeriskopeMessageKind;
  media: PeriskopeMediaJson | null;
}

export interface StoreOptions {
  chats: number;
  seed: number;
  anchor: number;
  now: () => number;
}

export class PeriskopeStore {
  readonly org: OrgData;
  private readonly seed: number;
  private readonly now: () => number;
  private readonly chats: ChatRecord[] = [];
  private readonly byId = new Map<string, ChatRecord>();
  /** Bumped by every change; cached orders older than it are rebuilt. */
  private version = 0;
  private readonly orders = new Map<string, { version: number; chats: ChatRecord[] }>();
  private allMessagesCache: { version: number; phoneIdx: number | null; items: { chat: ChatRecord; message: MessageRecord }[] } | null = null;
  private readonly latestCache = new Map<ChatRecord, MessageRecord | null>();
  /** Sends and arrivals draw from here, in the order they happen. */
  private readonly activity: Rng;
  private lastTs: number;

  constructor(opts: StoreOptions) {
    this.seed = opts.seed;
    this.now = opts.now;
    this.org = generateOrg(opts.seed, opts.anchor);
    const taken = new Set(this.org.phones.map((p) => p.orgPhone));
    let newest = 0;
    for (let i = 0; i < opts.chats; i++) {
      const chat = generateChat(opts.seed, opts.anchor, i, taken);
      this.chats.push(chat);
      this.byId.set(chat.chatId, chat);
      if (chat.latestTs !== null && chat.latestTs > newest) newest = chat.latestTs;
    }
    this.lastTs = newest;
    this.activity = mulberry32(hash2(opts.seed, SALT.activity));
  }

  get phones(): readonly PhoneRecord[] {
    return this.org.phones;
  }

  get chatCount(): number {
    return this.chats.length;
  }

  /** The phone an `x-phone` value names: its number, `<number>@c.us` or its phone_id. */
  phoneIndexOf(value: string): number {
    const v = value.trim();
    return this.org.phones.findIndex((p) => p.number === v || p.orgPhone === v || p.phoneId === v);
  }

  phone(idx: number): PhoneRecord {
    const p = this.org.phones[idx];
    if (!p) throw new RangeError(`no phone ${idx}`);
    return p;
  }

  /** A chat by id; a 1:1 id may leave out its `@c.us`, as Periskope allows. */
  chat(chatId: string): ChatRecord | undefined {
    return this.byId.get(chatId.includes('@') ? chatId : `${chatId}@c.us`);
  }

  /** Chats in the order of `chatId` (test helper and receiveMessage's pick). */
  chatIds(): string[] {
    return this.chats.map((c) => c.chatId);
  }

  listChats(q: ChatQuery): Page<ChatRecord> {
    const label = q.label === undefined ? undefined : this.labelName(q.label);
    const key = (c: ChatRecord) => (q.sortBy === 'created_at' ? c.createdAt : c.latestTs);
    const bounded = q.startTime !== undefined || q.endTime !== undefined;
    const only = q.chatId === undefined ? undefined : (this.chat(q.chatId) ?? null);
    const matches = this.ordered(q.sortBy, q.sortOrder).filter((c) => {
      if (q.phoneIdx !== null && c.phoneIdx !== q.phoneIdx) return false;
      if (q.chatType !== undefined && c.kind !== q.chatType) return false;
      if (only !== undefined && c !== only) return false;
      if (label !== undefined && (label === null || !c.labels.includes(label))) return false;
      if (bounded) {
        const k = key(c);
        if (k === null || (q.startTime !== undefined && k < q.startTime) || (q.endTime !== undefined && k > q.endTime)) return false;
      }
      return true;
    });
    return { count: matches.length, items: matches.slice(q.offset, q.offset + q.limit) };
  }

  /** The chat's messages oldest first (generated on first use, then kept with what happened since). */
  messagesOf(chat: ChatRecord): readonly MessageRecord[] {
    return this.materialize(chat);
  }

  latestMessage(chat: ChatRecord): MessageRecord | null {
    if (chat.messages) return chat.messages[chat.messages.length - 1] ?? null;
    let latest = this.latestCache.get(chat);
    if (latest === undefined) {
      latest = latestGenerated(this.seed, chat, this.phone(chat.phoneIdx).orgPhone);
      this.latestCache.set(chat, latest);
    }
    return latest;
  }

  /** A chat's messages newest first, `limit` of them from `offset`. */
  chatMessages(chat: ChatRecord, offset: number, limit: number): Page<MessageRecord> {
    const all = this.materialize(chat);
    const end = Math.max(0, all.length - offset);
    return { count: all.length, items: all.slice(Math.max(0, end - limit), end).reverse() };
  }

  /** Every chat's messages newest first (one phone's with `phoneIdx`), optionally within [startTime, endTime]. */
  allMessages(phoneIdx: number | null, offset: number, limit: number, startTime?: number, endTime?: number): Page<{ chat: ChatRecord; message: MessageRecord }> {
    let cache = this.allMessagesCache;
    if (!cache || cache.version !== this.version || cache.phoneIdx !== phoneIdx) {
      const items: { chat: ChatRecord; message: MessageRecord }[] = [];
      for (const chat of this.chats) {
        if (phoneIdx !== null && chat.phoneIdx !== phoneIdx) continue;
        for (const message of this.materialize(chat)) items.push({ chat, message });
      }
      items.sort((a, b) => b.message.ts - a.message.ts || cmp(b.chat.chatId, a.chat.chatId) || cmp(b.message.uniqueId, a.message.uniqueId));
      // Materializing bumps no version: the cache is valid for the version it was built at.
      cache = { version: this.version, phoneIdx, items };
      this.allMessagesCache = cache;
    }
    const within = startTime === undefined && endTime === undefined
      ? cache.items
      : cache.items.filter(({ message: m }) => (startTime === undefined || m.ts >= startTime) && (endTime === undefined || m.ts <= endTime));
    return { count: within.length, items: within.slice(offset, offset + limit) };
  }

  markRead(chat: ChatRecord): void {
    this.materialize(chat);
    chat.unread = 0;
    this.changed(chat, chat.updatedAt);
  }

  /** Our own message, sent from the chat's phone: it becomes the chat's latest, so the chat moves to the top. */
  send(chat: ChatRecord, content: SendContent): { queueId: string; message: MessageRecord } {
    const message: MessageRecord = {
      uniqueId: `3EB0${hex(this.activity, 16, true)}`, fromMe: true, sender: this.phone(chat.phoneIdx).orgPhone, ts: this.nextTs(),
      kind: content.kind, body: content.body, media: content.media, deleted: false, prevBody: null, ack: 1,
    };
    this.append(chat, message);
    const h = hex(this.activity, 32);
    return { queueId: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`, message };
  }

  /**
   * Someone writes in `chatId` (by default a chat of the connected phone, drawn from the seeded activity stream):
   * the chat gains an unread message and moves to the top.
   */
  receive(chatId?: string): { chat: ChatRecord; message: MessageRecord } {
    const connected = this.chats.filter((c) => this.phone(c.phoneIdx).connected);
    const chat = chatId === undefined ? (connected.length > 0 ? pick(this.activity, connected) : undefined) : this.chat(chatId);
    if (!chat) throw new RangeError(chatId === undefined ? 'no chat can receive a message' : `no chat ${chatId}`);
    const r = this.activity;
    const sender = (chat.kind === 'group' ? pick(r, chat.contacts) : chat.contacts[0])?.id ?? chat.chatId;
    const message: MessageRecord = {
      uniqueId: hex(r, 32, true), fromMe: false, sender, ts: this.nextTs(), kind: 'chat', body: messageText(r), media: null, deleted: false,
      prevBody: null, ack: 0,
    };
    this.append(chat, message);
    chat.unread = (chat.unread ?? 0) + 1;
    return { chat, message };
  }

  private append(chat: ChatRecord, message: MessageRecord): void {
    this.materialize(chat).push(message);
    chat.latestTs = message.ts;
    this.changed(chat, message.ts);
  }

  private changed(chat: ChatRecord, at: number): void {
    chat.updatedAt = Math.max(chat.updatedAt, at);
    this.version++;
  }

  private materialize(chat: ChatRecord): MessageRecord[] {
    chat.messages ??= generateMessages(this.seed, chat, this.phone(chat.phoneIdx).orgPhone);
    return chat.messages;
  }

  /** Now in whole seconds, and always after the previous message: the newest message is always unique at the top. */
  private nextTs(): number {
    this.lastTs = Math.max(toSecond(this.now()), this.lastTs + 1000);
    return this.lastTs;
  }

  private labelName(label: string): string | null {
    const lower = label.toLowerCase();
    return this.org.labels.find((l) => l.id === label || l.name.toLowerCase() === lower)?.name ?? null;
  }

  /** Every chat sorted by the field (ties by chat_id the same way); chats without a value (no message) come last. */
  private ordered(sortBy: SortBy, order: 'asc' | 'desc'): ChatRecord[] {
    const cacheKey = `${sortBy}:${order}`;
    const cached = this.orders.get(cacheKey);
    if (cached && cached.version === this.version) return cached.chats;
    const sign = order === 'desc' ? -1 : 1;
    const key = (c: ChatRecord) => (sortBy === 'created_at' ? c.createdAt : c.latestTs);
    const chats = [...this.chats].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka === null || kb === null) return ka === kb ? sign * cmp(a.chatId, b.chatId) : ka === null ? 1 : -1;
      return sign * (ka - kb || cmp(a.chatId, b.chatId));
    });
    this.orders.set(cacheKey, { version: this.version, chats });
    return chats;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
