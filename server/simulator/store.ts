/**
 * The simulator's state: generated chats plus everything that changed since.
 *
 * Layout. Per chat only the mutable or sortable fields live in typed arrays (account, type, timestamp,
 * unread count, flags, mute state, creation sequence) plus the id string; names, provider ids, attendees
 * and messages are rebuilt on demand from the chat's own seeded streams (see data-generator.ts).
 * `order` holds chat indices sorted by the list order: timestamp descending, ties by id descending,
 * null timestamps last. Binary search finds a cursor position; moving a chat is one O(n) copyWithin.
 *
 * Paging guarantee (GET /chats). The first page fixes a snapshot: the store's change sequence number at
 * that moment (and, for information, the clock time T0), carried in every cursor of the walk with the
 * snapshot key (timestamp, id) of the last chat returned. A later page positions each chat by its key
 * AS OF THE SNAPSHOT: for a chat whose key changed after it, the old key recorded in the change log by
 * the earliest change after the snapshot; chats created after the snapshot are left out. Hence every
 * chat that existed at the snapshot and matches the filters is returned exactly once across the walk, in
 * snapshot order, even if it moved to the top between two pages (it is returned at its old position,
 * with its current data), and a chat already returned is never repeated. Filters on unread count and
 * account use current values; before/after use the snapshot timestamp, like the position.
 * The change log is bounded (CHANGE_LOG_LIMIT entries, oldest half pruned at once). A cursor whose
 * snapshot is older than the pruned part can no longer be placed exactly, so it falls back to plain
 * keyset paging on current keys: nothing crashes, but a chat that moved during that walk may be skipped
 * or repeated. Sequence numbers, not clock times, order the changes, so two changes in the same
 * millisecond (or a clock that goes backwards) cannot confuse the snapshot.
 */
import {
  MUTE, accountJson, attachmentId, attendeeJson, chatAttendees, chatDetails, generateAccounts, generateChatCore,
  generateMessages, isoMs, messageProviderId, originalJson, paletteFor, selfAttendee,
  type AccountRecord, type AttendeeRecord, type ChatDetails, type GenContext,
} from './data-generator';
import { errors } from './errors';
import { makePdf, makeText } from './files';
import { ID_KIND, IdCodec, MAX_SUB } from './ids';
import { encodeGradientPng } from './png';
import { at, hash3, mulberry32 } from './prng';
import type {
  AccountJson, AccountType, AttachmentJson, AttendeeJson, ChatJson, ChatType, ChatWithLastMessageJson, MessageJson,
  PatchAction, QuotedJson,
} from './types';

export const CHANGE_LOG_LIMIT = 50_000;
const MESSAGE_CACHE_SIZE = 128;
/** Serialised chats kept (~0.5 KB each): a 5,000-chat mailbox fits, a 200,000-chat one keeps its most recent pages. */
const CHAT_TEXT_CACHE_SIZE = 10_000;
const PICTURE_CACHE_SIZE = 512;
const UPLOAD_BUDGET_BYTES = 64 * 1024 * 1024;
export const PICTURE_SIZE = 128;

const FLAG_ARCHIVED = 1;
const FLAG_PINNED = 2;

export interface StoreOptions {
  chats: number;
  seed: number;
  anchor: number;
  now: () => number;
}

export interface ChatFilters {
  unread?: boolean;
  accountType?: AccountType;
  accountIds?: string[];
  /** Exclusive bounds on the chat timestamp, ms. */
  before?: number;
  after?: number;
}

/** Where a walk stands: the snapshot and the snapshot-time key of the last chat returned. */
export interface ChatPosition {
  snapshot: number;
  /** Clock time of the first page, informational. */
  t0: number;
  ts: number | null;
  id: string;
}

export interface ChatPage {
  items: ChatJson[];
  next: ChatPosition | null;
}

/** A chat page as JSON text: `items` is the comma-separated chats, ready to go between `[` and `]`. */
export interface ChatPageText {
  items: string;
  next: ChatPosition | null;
}

export interface MessageFilters {
  before?: number;
  after?: number;
  senderId?: string;
}

export interface MessagePage {
  items: MessageJson[];
  /** Index of the last message returned, to continue below it; null when done. */
  next: number | null;
}

export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface SendInput {
  text: string | null;
  attachments?: UploadedFile[];
  quoteId?: string;
  accountId?: string;
}

export interface Binary {
  bytes: Uint8Array;
  contentType: string;
}

/** Sort order of the chat list: negative when (ta, ia) comes first. NaN stands for a null timestamp. */
export function keyCmp(ta: number, ia: string, tb: number, ib: string): number {
  const na = Number.isNaN(ta);
  const nb = Number.isNaN(tb);
  if (na !== nb) return na ? 1 : -1;
  if (!na && ta !== tb) return ta > tb ? -1 : 1;
  return ia === ib ? 0 : ia > ib ? -1 : 1;
}


export class SimulatorStore {
  readonly seed: number;
  readonly anchor: number;
  readonly accounts: readonly AccountRecord[];
  private readonly ctx: GenContext;
  private readonly codec: IdCodec;
  private readonly now: () => number;
  /** Chats generated at start-up; indices at or above it were created at run time. */
  readonly generatedCount: number;

  private n = 0;
  private capacity: number;
  private accountIdx: Uint8Array;
  private chatType: Uint8Array;
  private ts: Float64Array;
  private unread: Int32Array;
  private flags: Uint8Array;
  private muted: Uint8Array;
  private createdSeq: Float64Array;
  private ids: string[] = [];
  private order: Int32Array;

  /** Bumped by every key change and every chat creation. */
  private seq = 0;
  private logSeq: number[] = [];
  private logIdx: number[] = [];
  private logOldTs: number[] = [];
  private logNewTs: number[] = [];
  private logAt: number[] = [];
  private prunedThroughSeq = 0;
  private readonly logLimit: number;

  private readonly extras = new Map<number, MessageJson[]>();
  private readonly uploads = new Map<string, Binary>();
  private uploadedBytes = 0;
  private readonly messageCache = new Map<number, MessageJson[]>();
  private readonly chatTextCache = new Map<number, string>();
  private readonly pictureCache = new Map<string, Uint8Array>();

  constructor(opts: StoreOptions & { changeLogLimit?: number }) {
    this.seed = opts.seed;
    this.anchor = opts.anchor;
    this.now = opts.now;
    this.logLimit = opts.changeLogLimit ?? CHANGE_LOG_LIMIT;
    this.codec = new IdCodec(opts.seed);
    const accounts = generateAccounts(opts.seed, opts.anchor, this.codec);
    this.accounts = accounts;
    this.ctx = { seed: opts.seed, anchor: opts.anchor, codec: this.codec, accounts, accountWeights: accounts.map((a) => [a.index, a.weight] as const) };

    const n = opts.chats;
    this.capacity = Math.max(16, n);
    this.accountIdx = new Uint8Array(this.capacity);
    this.chatType = new Uint8Array(this.capacity);
    this.ts = new Float64Array(this.capacity);
    this.unread = new Int32Array(this.capacity);
    this.flags = new Uint8Array(this.capacity);
    this.muted = new Uint8Array(this.capacity);
    this.createdSeq = new Float64Array(this.capacity);
    this.order = new Int32Array(this.capacity);
    for (let i = 0; i < n; i++) {
      const core = generateChatCore(this.ctx, i);
      this.accountIdx[i] = core.accountIdx;
      this.chatType[i] = core.type;
      this.ts[i] = core.ts;
      this.unread[i] = core.unread;
      this.flags[i] = (core.archived ? FLAG_ARCHIVED : 0) | (core.pinned ? FLAG_PINNED : 0);
      this.muted[i] = core.muted;
      this.ids.push(this.codec.encode(ID_KIND.chat, i));
      this.order[i] = i;
    }
    this.n = n;
    this.generatedCount = n;
    const { ts, ids } = this;
    this.order.subarray(0, n).sort((a, b) => keyCmp(ts[a] ?? NaN, ids[a] ?? '', ts[b] ?? NaN, ids[b] ?? ''));
  }

  // -------------------------------------------------------------------------------------------------------
  // Lookups
  // -------------------------------------------------------------------------------------------------------

  get chatCount(): number {
    return this.n;
  }

  /** Chat ids in list order (current keys); for tests. */
  orderedChatIds(): string[] {
    return Array.from(this.order.subarray(0, this.n), (i) => this.chatIdAt(i));
  }

  chatIdAt(idx: number): string {
    return at(this.ids, idx);
  }

  chatIndex(id: string): number {
    const d = this.codec.decode(id);
    if (!d || d.kind !== ID_KIND.chat || d.sub !== 0 || d.index >= this.n) return -1;
    return d.index;
  }

  accountIndex(id: string): number {
    return this.accounts.findIndex((a) => a.id === id);
  }

  accountJson(idx: number): AccountJson {
    return accountJson(at(this.accounts, idx));
  }

  isDisconnected(chatIdx: number): boolean {
    return at(this.accounts, this.accountIdx[chatIdx] ?? 0).status === 'CREDENTIALS';
  }

  private details(idx: number): ChatDetails {
    return chatDetails(this.ctx, idx, this.accountIdx[idx] ?? 0, (this.chatType[idx] ?? 0) as ChatType);
  }

  chatJson(idx: number): ChatJson {
    const account = at(this.accounts, this.accountIdx[idx] ?? 0);
    const d = this.details(idx);
    const ts = this.ts[idx] ?? NaN;
    const muted = this.muted[idx] ?? 0;
    const flags = this.flags[idx] ?? 0;
    // Field order follows the OpenAPI schema, optional fields included only when present.
    return {
      object: 'Chat',
      id: this.chatIdAt(idx),
      account_id: account.id,
      account_type: account.type,
      provider_id: d.providerId,
      ...(d.attendeeProviderId !== undefined ? { attendee_provider_id: d.attendeeProviderId } : {}),
      name: d.name,
      type: (this.chatType[idx] ?? 0) as ChatType,
      timestamp: Number.isNaN(ts) ? null : isoMs(ts),
      unread_count: this.unread[idx] ?? 0,
      archived: flags & FLAG_ARCHIVED ? 1 : 0,
      muted_until: muted === MUTE.forever ? -1 : muted === MUTE.future ? d.mutedFuture : muted === MUTE.past ? d.mutedPast : null,
      read_only: d.readOnly,
      disabledFeatures: d.disabledFeatures,
      ...(d.subject !== undefined ? { subject: d.subject } : {}),
      ...(d.organizationId !== undefined ? { organization_id: d.organizationId } : {}),
      ...(d.mailboxId !== undefined ? { mailbox_id: d.mailboxId } : {}),
      ...(d.contentType !== undefined ? { content_type: d.contentType } : {}),
      folder: d.folder,
      pinned: flags & FLAG_PINNED ? 1 : 0,
    };
  }

  /**
   * JSON.stringify(chatJson(idx)), kept until the chat changes: building and serialising chats was most of the cost
   * of a list page, and a page is the request a busy inbox sends most.
   */
  chatJsonText(idx: number): string {
    let text = this.chatTextCache.get(idx);
    if (text === undefined) {
      text = JSON.stringify(this.chatJson(idx));
      this.chatTextCache.set(idx, text);
      if (this.chatTextCache.size > CHAT_TEXT_CACHE_SIZE) {
        const oldest = this.chatTextCache.keys().next();
        if (!oldest.done) this.chatTextCache.delete(oldest.value);
      }
    }
    return text;
  }

  /** Every write to a chat's fields goes through here or setTimestamp, so its cached text never goes stale. */
  private touched(idx: number): void {
    this.chatTextCache.delete(idx);
  }

  chatWithLastMessage(idx: number): ChatWithLastMessageJson {
    const all = this.messages(idx);
    return { ...this.chatJson(idx), lastMessage: all[all.length - 1] ?? null };
  }

  // -------------------------------------------------------------------------------------------------------
  // Chat list with snapshot paging
  // -------------------------------------------------------------------------------------------------------

  /** First position in `order` (of the first `len`) whose key comes strictly after (ts, id). */
  private positionAfter(ts: number, id: string, len = this.n): number {
    let lo = 0;
    let hi = len;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const idx = this.order[mid] ?? 0;
      if (keyCmp(this.ts[idx] ?? NaN, this.ids[idx] ?? '', ts, id) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  listChats(filters: ChatFilters, limit: number, from?: ChatPosition): ChatPage {
    const { indices, next } = this.walkChats(filters, limit, from);
    return { items: indices.map((idx) => this.chatJson(idx)), next };
  }

  /** The same page as listChats, as JSON text (what GET /chats sends). */
  listChatsText(filters: ChatFilters, limit: number, from?: ChatPosition): ChatPageText {
    const { indices, next } = this.walkChats(filters, limit, from);
    return { items: indices.map((idx) => this.chatJsonText(idx)).join(','), next };
  }

  private walkChats(filters: ChatFilters, limit: number, from?: ChatPosition): { indices: number[]; next: ChatPosition | null } {
    const snapshot = from ? Math.min(from.snapshot, this.seq) : this.seq;
    const t0 = from ? from.t0 : this.now();
    const exact = snapshot >= this.prunedThroughSeq;

    // Chats whose key changed after the snapshot, with their key as of the snapshot.
    const moved = new Map<number, number>();
    if (exact && snapshot < this.seq) {
      let k = lowerBound(this.logSeq, snapshot + 1);
      for (; k < this.logSeq.length; k++) {
        const idx = this.logIdx[k] ?? 0;
        if (!moved.has(idx)) moved.set(idx, this.logOldTs[k] ?? NaN);
      }
    }

    let accountOk: Uint8Array | null = null;
    if (filters.accountType !== undefined || filters.accountIds !== undefined) {
      accountOk = new Uint8Array(this.accounts.length);
      for (const a of this.accounts) {
        const typeOk = filters.accountType === undefined || a.type === filters.accountType;
        const idOk = filters.accountIds === undefined || filters.accountIds.includes(a.id);
        accountOk[a.index] = typeOk && idOk ? 1 : 0;
      }
    }
    const { before, after, unread: unreadFilter } = filters;
    const otherFiltersOk = (idx: number): boolean => {
      if ((this.createdSeq[idx] ?? 0) > snapshot) return false;
      if (accountOk && !accountOk[this.accountIdx[idx] ?? 0]) return false;
      if (unreadFilter !== undefined && ((this.unread[idx] ?? 0) > 0) !== unreadFilter) return false;
      return true;
    };
    const timeOk = (t: number): boolean =>
      (before === undefined || (!Number.isNaN(t) && t < before)) && (after === undefined || (!Number.isNaN(t) && t > after));
    const cursorTs = from ? (from.ts === null ? NaN : from.ts) : NaN;
    const afterCursor = (t: number, id: string): boolean => !from || keyCmp(t, id, cursorTs, from.id) > 0;

    // Stream B: moved chats at their snapshot position.
    const movedList: { idx: number; ts: number }[] = [];
    for (const [idx, oldTs] of moved) {
      if (otherFiltersOk(idx) && timeOk(oldTs) && afterCursor(oldTs, this.ids[idx] ?? '')) movedList.push({ idx, ts: oldTs });
    }
    movedList.sort((a, b) => keyCmp(a.ts, this.ids[a.idx] ?? '', b.ts, this.ids[b.idx] ?? ''));

    // Stream A: unmoved chats, whose current key is their snapshot key, straight from `order`.
    let p = from ? this.positionAfter(cursorTs, from.id) : 0;
    if (before !== undefined) p = Math.max(p, this.positionAfter(before, ''));
    const nextA = (): number => {
      for (; p < this.n; p++) {
        const idx = this.order[p] ?? 0;
        const t = this.ts[idx] ?? NaN;
        if (after !== undefined && (Number.isNaN(t) || t <= after)) {
          p = this.n; // sorted descending: nothing further can match
          break;
        }
        if (moved.has(idx) || !otherFiltersOk(idx) || !timeOk(t)) continue;
        return idx;
      }
      return -1;
    };

    const picked: { idx: number; ts: number }[] = [];
    let a = nextA();
    let b = 0;
    while (picked.length <= limit) {
      const mb = movedList[b];
      if (a < 0 && !mb) break;
      const aTs = a >= 0 ? (this.ts[a] ?? NaN) : NaN;
      if (a >= 0 && (!mb || keyCmp(aTs, this.ids[a] ?? '', mb.ts, this.ids[mb.idx] ?? '') < 0)) {
        picked.push({ idx: a, ts: aTs });
        p++;
        a = nextA();
      } else if (mb) {
        picked.push(mb);
        b++;
      }
    }
    const hasMore = picked.length > limit;
    const page = hasMore ? picked.slice(0, limit) : picked;
    const last = page[page.length - 1];
    return {
      indices: page.map((x) => x.idx),
      next: hasMore && last ? { snapshot, t0, ts: Number.isNaN(last.ts) ? null : last.ts, id: this.ids[last.idx] ?? '' } : null,
    };
  }

  // -------------------------------------------------------------------------------------------------------
  // Mutations
  // -------------------------------------------------------------------------------------------------------

  /** Changes a chat's timestamp, keeps `order` sorted and records the change for snapshot paging. */
  private setTimestamp(idx: number, newTs: number): void {
    const oldTs = this.ts[idx] ?? NaN;
    if (Object.is(oldTs, newTs)) return;
    const id = this.ids[idx] ?? '';
    const pos = this.positionAfter(oldTs, id) - 1;
    if (this.order[pos] !== idx) throw new Error('order out of sync');
    this.order.copyWithin(pos, pos + 1, this.n);
    this.ts[idx] = newTs;
    this.touched(idx);
    this.insertIntoOrder(idx, this.n - 1);
    this.seq++;
    this.logSeq.push(this.seq);
    this.logIdx.push(idx);
    this.logOldTs.push(oldTs);
    this.logNewTs.push(newTs);
    this.logAt.push(this.now());
    if (this.logSeq.length > this.logLimit) {
      const cut = Math.ceil(this.logSeq.length / 2);
      this.prunedThroughSeq = this.logSeq[cut - 1] ?? this.prunedThroughSeq;
      for (const arr of [this.logSeq, this.logIdx, this.logOldTs, this.logNewTs, this.logAt]) arr.splice(0, cut);
    }
  }

  /** Inserts idx, whose key is already set, into the first `len` sorted entries of `order`. */
  private insertIntoOrder(idx: number, len: number): void {
    const q = this.positionAfter(this.ts[idx] ?? NaN, this.ids[idx] ?? '', len);
    this.order.copyWithin(q + 1, q, len);
    this.order[q] = idx;
  }

  /** The change log, oldest first (bounded); for tests and debugging. */
  changeLog(): { seq: number; chatId: string; oldTs: number | null; newTs: number | null; at: number }[] {
    return this.logSeq.map((seq, k) => {
      const oldTs = this.logOldTs[k] ?? NaN;
      const newTs = this.logNewTs[k] ?? NaN;
      return { seq, chatId: this.chatIdAt(this.logIdx[k] ?? 0), oldTs: Number.isNaN(oldTs) ? null : oldTs, newTs: Number.isNaN(newTs) ? null : newTs, at: this.logAt[k] ?? 0 };
    });
  }

  patchChat(idx: number, action: PatchAction, value: boolean): void {
    if (this.isDisconnected(idx)) throw errors.disconnectedAccount();
    this.touched(idx);
    switch (action) {
      case 'setReadStatus':
        if (value) this.unread[idx] = 0;
        else if ((this.unread[idx] ?? 0) === 0) this.unread[idx] = 1;
        break;
      case 'setMuteStatus':
        this.muted[idx] = value ? MUTE.forever : MUTE.none;
        break;
      case 'setArchiveStatus':
        this.flags[idx] = value ? (this.flags[idx] ?? 0) | FLAG_ARCHIVED : (this.flags[idx] ?? 0) & ~FLAG_ARCHIVED;
        break;
      case 'setPinnedStatus':
        this.flags[idx] = value ? (this.flags[idx] ?? 0) | FLAG_PINNED : (this.flags[idx] ?? 0) & ~FLAG_PINNED;
        break;
    }
  }

  /** POST /chats/:id/messages. Sending from this account also marks the chat read, as the providers do. */
  sendMessage(idx: number, input: SendInput): MessageJson {
    if (this.isDisconnected(idx)) throw errors.disconnectedAccount();
    const accountIdx = this.accountIdx[idx] ?? 0;
    if (input.accountId !== undefined && input.accountId !== at(this.accounts, accountIdx).id) throw errors.accountMismatch();
    const d = this.details(idx);
    if (d.readOnly !== 0) throw errors.insufficientPermissions('This chat is read-only: messages cannot be sent to it.');
    const attendees = this.attendeeRecords(idx);
    const self = at(attendees, attendees.length - 1);
    const message = this.appendMessage(idx, d, self, input.text, input.attachments ?? [], input.quoteId, true);
    this.unread[idx] = 0;
    this.touched(idx);
    return message;
  }

  /** Simulates an incoming message (moves the chat to the top, unread + 1). Not reachable over HTTP. */
  receiveMessage(idx: number, text: string): MessageJson {
    const d = this.details(idx);
    const attendees = this.attendeeRecords(idx);
    const sender = attendees.find((a) => !a.isSelf && !a.hidden) ?? at(attendees, 0);
    const message = this.appendMessage(idx, d, sender, text, [], undefined, false);
    this.unread[idx] = (this.unread[idx] ?? 0) + 1;
    this.touched(idx);
    return message;
  }

  private appendMessage(
    idx: number, d: ChatDetails, sender: AttendeeRecord, text: string | null, files: UploadedFile[], quoteId: string | undefined, fromSelf: boolean,
  ): MessageJson {
    const all = this.messages(idx);
    const j = all.length;
    if (j >= MAX_SUB) throw errors.insufficientPermissions('This chat holds too many messages for the simulator.');
    const accountIdx = this.accountIdx[idx] ?? 0;
    const account = at(this.accounts, accountIdx);
    const now = this.now();
    const iso = isoMs(now);
    const providerId = messageProviderId(mulberry32(hash3(this.seed, idx, j)), account.type, now, j);
    const attachments: AttachmentJson[] = files.map((f, k) => {
      const id = attachmentId(this.seed, idx, j, k); // j is new for this chat, so no clash with generated ones
      const fits = this.uploadedBytes + f.bytes.length <= UPLOAD_BUDGET_BYTES;
      const mimetype = f.type || 'application/octet-stream';
      if (fits) {
        this.uploads.set(id, { bytes: f.bytes, contentType: mimetype });
        this.uploadedBytes += f.bytes.length;
      }
      return { id, type: 'file', file_name: f.name || `attachment-${k + 1}`, file_size: f.bytes.length, mimetype, unavailable: !fits };
    });
    let quoted: QuotedJson | undefined;
    if (quoteId !== undefined) {
      const q = all.find((m) => m.id === quoteId);
      if (!q) throw errors.invalidParameters(`quote_id: no message "${quoteId}" in this chat.`);
      quoted = { provider_id: q.provider_id, sender_id: q.sender_id, text: q.text, attachments: q.attachments };
    }
    const message: MessageJson = {
      object: 'Message',
      id: this.codec.encode(ID_KIND.message, idx, j),
      account_id: account.id,
      chat_id: this.chatIdAt(idx),
      chat_provider_id: d.providerId,
      provider_id: providerId,
      sender_id: sender.providerId,
      sender_attendee_id: sender.id,
      text,
      timestamp: iso,
      is_sender: fromSelf ? 1 : 0,
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
    const list = this.extras.get(idx) ?? [];
    list.push(message);
    this.extras.set(idx, list);
    this.setTimestamp(idx, now);
    return message;
  }

  /** Adds a brand-new chat with one incoming message (for tests of "created after the snapshot"). */
  createChat(text = 'Hi! New conversation here.'): number {
    if (this.n >= this.capacity) this.grow();
    const idx = this.n;
    const core = generateChatCore(this.ctx, idx);
    this.accountIdx[idx] = core.accountIdx;
    this.chatType[idx] = core.type;
    this.ts[idx] = NaN;
    this.unread[idx] = 0;
    this.flags[idx] = 0;
    this.muted[idx] = MUTE.none;
    this.ids.push(this.codec.encode(ID_KIND.chat, idx));
    this.seq++;
    this.createdSeq[idx] = this.seq;
    // Goes in with a null timestamp (among the last), then receiving its first message moves it to the top.
    this.insertIntoOrder(idx, this.n);
    this.n++;
    this.receiveMessage(idx, text);
    return idx;
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const grow = <T extends Uint8Array | Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.accountIdx = grow(this.accountIdx, (k) => new Uint8Array(k));
    this.chatType = grow(this.chatType, (k) => new Uint8Array(k));
    this.ts = grow(this.ts, (k) => new Float64Array(k));
    this.unread = grow(this.unread, (k) => new Int32Array(k));
    this.flags = grow(this.flags, (k) => new Uint8Array(k));
    this.muted = grow(this.muted, (k) => new Uint8Array(k));
    this.createdSeq = grow(this.createdSeq, (k) => new Float64Array(k));
    this.order = grow(this.order, (k) => new Int32Array(k));
    this.capacity = cap;
  }

  // -------------------------------------------------------------------------------------------------------
  // Messages and attendees
  // -------------------------------------------------------------------------------------------------------

  attendeeRecords(idx: number): AttendeeRecord[] {
    return chatAttendees(this.ctx, idx, this.accountIdx[idx] ?? 0, this.details(idx));
  }

  attendees(idx: number): AttendeeJson[] {
    const accountIdx = this.accountIdx[idx] ?? 0;
    return this.attendeeRecords(idx).map((a) => attendeeJson(this.ctx, accountIdx, a));
  }

  /** All messages of a chat, oldest first; position j is the message's sub-index in its id. */
  messages(idx: number): MessageJson[] {
    let generated = this.messageCache.get(idx);
    if (generated) {
      this.messageCache.delete(idx);
    } else if (idx >= this.generatedCount) {
      generated = [];
    } else {
      const core = generateChatCore(this.ctx, idx);
      const details = this.details(idx);
      generated = generateMessages(this.ctx, {
        index: idx,
        accountIdx: core.accountIdx,
        type: core.type,
        ts: core.ts,
        unread: core.unread,
        chatId: this.chatIdAt(idx),
        details,
        attendees: chatAttendees(this.ctx, idx, core.accountIdx, details),
      });
    }
    this.messageCache.set(idx, generated);
    if (this.messageCache.size > MESSAGE_CACHE_SIZE) {
      const oldest = this.messageCache.keys().next();
      if (!oldest.done) this.messageCache.delete(oldest.value);
    }
    const extra = this.extras.get(idx);
    return extra ? [...generated, ...extra] : generated;
  }

  /** Newest first, continuing below `fromIndex` (exclusive) when given. */
  listMessages(idx: number, filters: MessageFilters, limit: number, fromIndex?: number): MessagePage {
    const all = this.messages(idx);
    const items: MessageJson[] = [];
    let lastIndex = -1;
    let hasMore = false;
    for (let j = Math.min(fromIndex ?? all.length, all.length) - 1; j >= 0; j--) {
      const m = all[j];
      if (!m) continue;
      const t = Date.parse(m.timestamp);
      if (filters.after !== undefined && t <= filters.after) continue;
      if (filters.before !== undefined && t >= filters.before) continue;
      if (filters.senderId !== undefined && m.sender_id !== filters.senderId && m.sender_attendee_id !== filters.senderId) continue;
      if (items.length === limit) {
        hasMore = true;
        break;
      }
      items.push(m);
      lastIndex = j;
    }
    return { items, next: hasMore ? lastIndex : null };
  }

  findMessage(id: string): { chatIdx: number; message: MessageJson } | null {
    const d = this.codec.decode(id);
    if (!d || d.kind !== ID_KIND.message || d.index >= this.n) return null;
    const message = this.messages(d.index)[d.sub];
    return message ? { chatIdx: d.index, message } : null;
  }

  findAttendee(id: string): { accountIdx: number; attendee: AttendeeRecord; json: AttendeeJson } | null {
    const d = this.codec.decode(id);
    if (!d) return null;
    let accountIdx: number;
    let attendee: AttendeeRecord | undefined;
    if (d.kind === ID_KIND.selfAttendee && d.index < this.accounts.length && d.sub === 0) {
      accountIdx = d.index;
      attendee = selfAttendee(this.ctx, accountIdx);
    } else if (d.kind === ID_KIND.attendee && d.index < this.n && d.sub >= 1) {
      accountIdx = this.accountIdx[d.index] ?? 0;
      attendee = this.attendeeRecords(d.index)[d.sub - 1];
      if (attendee?.isSelf) attendee = undefined;
    } else {
      return null;
    }
    if (!attendee) return null;
    return { accountIdx, attendee, json: attendeeJson(this.ctx, accountIdx, attendee) };
  }

  // -------------------------------------------------------------------------------------------------------
  // Binary content
  // -------------------------------------------------------------------------------------------------------

  /** PNG for an attendee id, or for a group chat id; null when that attendee or chat has no picture. */
  picture(id: string): Uint8Array | null {
    const cached = this.pictureCache.get(id);
    if (cached) return cached;
    const d = this.codec.decode(id);
    if (!d) return null;
    let has = false;
    if (d.kind === ID_KIND.selfAttendee) has = d.index < this.accounts.length && d.sub === 0;
    else if (d.kind === ID_KIND.attendee) has = this.findAttendee(id)?.attendee.hasPicture ?? false;
    else if (d.kind === ID_KIND.chat && d.index < this.n && d.sub === 0) has = (this.chatType[d.index] ?? 0) !== 0 && this.details(d.index).hasGroupPicture;
    if (!has) return null;
    const png = encodeGradientPng(PICTURE_SIZE, PICTURE_SIZE, { ...paletteFor(id), disc: true });
    this.pictureCache.set(id, png);
    if (this.pictureCache.size > PICTURE_CACHE_SIZE) {
      const oldest = this.pictureCache.keys().next();
      if (!oldest.done) this.pictureCache.delete(oldest.value);
    }
    return png;
  }

  attachment(messageId: string, attachmentId: string): Binary | null {
    const found = this.findMessage(messageId);
    const att = found?.message.attachments.find((a) => a.id === attachmentId);
    if (!att) return null;
    const uploaded = this.uploads.get(att.id);
    if (uploaded) return uploaded;
    if (att.unavailable) return null;
    const size = att.file_size ?? 10_000;
    if (att.type === 'img') {
      return { bytes: encodeGradientPng(att.size.width, att.size.height, paletteFor(att.id), size), contentType: 'image/png' };
    }
    const ext = att.file_name.split('.').pop()?.toLowerCase() ?? '';
    const title = att.file_name;
    if (ext === 'pdf') return { bytes: makePdf(title, size), contentType: 'application/pdf' };
    const kind = ext === 'csv' ? 'csv' : ext === 'log' ? 'log' : 'txt';
    return { bytes: makeText(kind, title, size), contentType: att.mimetype ?? 'text/plain' };
  }
}

function lowerBound(arr: readonly number[], value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
