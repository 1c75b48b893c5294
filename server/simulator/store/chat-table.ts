import { MUTE, type ChatCore } from '../data-generator';
import { at } from '../prng';
import type { ChatAction, ChatType } from '../types';

/**
 * The per-chat state that changes or sorts: typed-array columns indexed by chat (account, type, timestamp, unread
 * count, flags, mute state, creation sequence) plus the id strings; everything else is rebuilt from the chat's seeded
 * streams. `order` holds chat indices in list order (see keyCmp); binary search finds a position, a move is one
 * O(n) copyWithin.
 */

const FLAG_ARCHIVED = 1;
const FLAG_PINNED = 2;

/** Sort order of the chat list: negative when (ta, ia) comes first. NaN stands for a null timestamp. */
export function keyCmp(ta: number, ia: string, tb: number, ib: string): number {
  const na = Number.isNaN(ta);
  const nb = Number.isNaN(tb);
  if (na !== nb) return na ? 1 : -1;
  if (!na && ta !== tb) return ta > tb ? -1 : 1;
  return ia === ib ? 0 : ia > ib ? -1 : 1;
}

export class ChatTable {
  private n = 0;
  private capacity: number;
  private accountIdx: Uint8Array;
  private chatType: Uint8Array;
  private ts: Float64Array;
  private unread: Int32Array;
  private flags: Uint8Array;
  private muted: Uint8Array;
  private createdSeq: Float64Array;
  private readonly ids: string[] = [];
  private order: Int32Array;

  constructor(capacity: number) {
    this.capacity = Math.max(16, capacity);
    this.accountIdx = new Uint8Array(this.capacity);
    this.chatType = new Uint8Array(this.capacity);
    this.ts = new Float64Array(this.capacity);
    this.unread = new Int32Array(this.capacity);
    this.flags = new Uint8Array(this.capacity);
    this.muted = new Uint8Array(this.capacity);
    this.createdSeq = new Float64Array(this.capacity);
    this.order = new Int32Array(this.capacity);
  }

  get count(): number {
    return this.n;
  }

  /** Adds the next chat; it joins `order` through sortAll (generated chats) or insertLast (created later). */
  append(id: string, row: ChatCore, createdSeq = 0): number {
    if (this.n >= this.capacity) this.grow();
    const idx = this.n;
    this.accountIdx[idx] = row.accountIdx;
    this.chatType[idx] = row.type;
    this.ts[idx] = row.ts;
    this.unread[idx] = row.unread;
    this.flags[idx] = (row.archived ? FLAG_ARCHIVED : 0) | (row.pinned ? FLAG_PINNED : 0);
    this.muted[idx] = row.muted;
    this.createdSeq[idx] = createdSeq;
    this.ids.push(id);
    this.n++;
    return idx;
  }

  /** Sorts every chat into `order` at once: for the generated mailbox. */
  sortAll(): void {
    for (let i = 0; i < this.n; i++) this.order[i] = i;
    const { ts, ids } = this;
    this.order.subarray(0, this.n).sort((a, b) => keyCmp(ts[a] ?? NaN, ids[a] ?? '', ts[b] ?? NaN, ids[b] ?? ''));
  }

  /** Places the last chat appended into `order`, which holds all the others. */
  insertLast(): void {
    this.insertIntoOrder(this.n - 1, this.n - 1);
  }

  idAt(idx: number): string {
    return at(this.ids, idx);
  }

  /** The chat at list position p (current keys). */
  orderAt(p: number): number {
    return this.order[p] ?? 0;
  }

  accountOf(idx: number): number {
    return this.accountIdx[idx] ?? 0;
  }

  typeOf(idx: number): ChatType {
    return (this.chatType[idx] ?? 0) as ChatType;
  }

  /** ms; NaN for no timestamp. */
  tsOf(idx: number): number {
    return this.ts[idx] ?? NaN;
  }

  unreadOf(idx: number): number {
    return this.unread[idx] ?? 0;
  }

  mutedOf(idx: number): number {
    return this.muted[idx] ?? 0;
  }

  isArchived(idx: number): boolean {
    return ((this.flags[idx] ?? 0) & FLAG_ARCHIVED) !== 0;
  }

  isPinned(idx: number): boolean {
    return ((this.flags[idx] ?? 0) & FLAG_PINNED) !== 0;
  }

  createdSeqOf(idx: number): number {
    return this.createdSeq[idx] ?? 0;
  }

  setUnread(idx: number, value: number): void {
    this.unread[idx] = value;
  }

  setMuted(idx: number, value: number): void {
    this.muted[idx] = value;
  }

  setArchived(idx: number, on: boolean): void {
    this.setFlag(idx, FLAG_ARCHIVED, on);
  }

  setPinned(idx: number, on: boolean): void {
    this.setFlag(idx, FLAG_PINNED, on);
  }

  /** PATCH /chats/:id's action on this chat's columns (marking an already unread chat unread keeps its count). */
  applyAction(idx: number, action: ChatAction, value: boolean): void {
    switch (action) {
      case 'setReadStatus':
        if (value) this.setUnread(idx, 0);
        else if (this.unreadOf(idx) === 0) this.setUnread(idx, 1);
        break;
      case 'setMuteStatus':
        this.setMuted(idx, value ? MUTE.forever : MUTE.none);
        break;
      case 'setArchiveStatus':
        this.setArchived(idx, value);
        break;
      case 'setPinnedStatus':
        this.setPinned(idx, value);
        break;
    }
  }

  /** Changes a chat's timestamp and keeps `order` sorted; false when it was already that. */
  setTimestamp(idx: number, newTs: number): boolean {
    const oldTs = this.tsOf(idx);
    if (Object.is(oldTs, newTs)) return false;
    const pos = this.positionAfter(oldTs, this.ids[idx] ?? '') - 1;
    if (this.order[pos] !== idx) throw new Error('order out of sync');
    this.order.copyWithin(pos, pos + 1, this.n);
    this.ts[idx] = newTs;
    this.insertIntoOrder(idx, this.n - 1);
    return true;
  }

  /** First position in `order` (of the first `len`) whose key comes strictly after (ts, id). */
  positionAfter(ts: number, id: string, len = this.n): number {
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

  /** Inserts idx, whose key is already set, into the first `len` sorted entries of `order`. */
  private insertIntoOrder(idx: number, len: number): void {
    const q = this.positionAfter(this.ts[idx] ?? NaN, this.ids[idx] ?? '', len);
    this.order.copyWithin(q + 1, q, len);
    this.order[q] = idx;
  }

  private setFlag(idx: number, flag: number, on: boolean): void {
    const flags = this.flags[idx] ?? 0;
    this.flags[idx] = on ? flags | flag : flags & ~flag;
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
}
