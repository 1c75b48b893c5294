import type { KnownProvider } from '../../../src/lib/wire/vocabulary';
import type { AccountRecord } from '../data-generator';
import { keyCmp, type ChatTable } from './chat-table';

/**
 * Snapshot paging of GET /chats, as README.md "The simulator" states it: a walk is placed by each chat's key as of
 * its first page, read back from a bounded change log (the earliest change after the snapshot holds the old key);
 * past the log's reach it falls back to current keys. Sequence numbers, not clock times, order the changes, so two
 * changes in one millisecond (or a clock going backwards) cannot confuse a snapshot. Filters on unread count and
 * account read current values; before/after read the snapshot timestamp, like the position.
 */

const CHANGE_LOG_LIMIT = 50_000;

/** The GET /chats query the simulator accepts, under the API's parameter names, dates as ms. */
export interface UpstreamChatQuery {
  unread?: boolean;
  account_type?: KnownProvider;
  account_id?: string[];
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

export interface ChatWalkPage {
  indices: number[];
  next: ChatPosition | null;
}

export class SnapshotIndex {
  /** Bumped by every key change and every chat creation. */
  private seq = 0;
  private readonly logSeq: number[] = [];
  private readonly logIdx: number[] = [];
  private readonly logOldTs: number[] = [];
  private readonly logNewTs: number[] = [];
  private readonly logAt: number[] = [];
  private prunedThroughSeq = 0;

  constructor(
    private readonly table: ChatTable,
    private readonly accounts: readonly AccountRecord[],
    private readonly now: () => number,
    private readonly logLimit = CHANGE_LOG_LIMIT,
  ) {}

  /** A chat is being created: its creation sequence, after which snapshots include it. */
  nextCreationSeq(): number {
    return ++this.seq;
  }

  /** Records that the table moved chat idx from oldTs to newTs; the oldest half of the log goes once it is full. */
  recordMove(idx: number, oldTs: number, newTs: number): void {
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

  /** The change log, oldest first (bounded); for tests and debugging. */
  changeLog(): { seq: number; chatId: string; oldTs: number | null; newTs: number | null; at: number }[] {
    return this.logSeq.map((seq, k) => {
      const oldTs = this.logOldTs[k] ?? NaN;
      const newTs = this.logNewTs[k] ?? NaN;
      return { seq, chatId: this.table.idAt(this.logIdx[k] ?? 0), oldTs: Number.isNaN(oldTs) ? null : oldTs, newTs: Number.isNaN(newTs) ? null : newTs, at: this.logAt[k] ?? 0 };
    });
  }

  /** The next `limit` chats of a walk, merging unmoved chats (straight from `order`) with moved ones at their old keys. */
  walk(filters: UpstreamChatQuery, limit: number, from?: ChatPosition): ChatWalkPage {
    const { table } = this;
    const snapshot = from ? Math.min(from.snapshot, this.seq) : this.seq;
    const t0 = from ? from.t0 : this.now();
    const moved = this.movedSince(snapshot);

    let accountOk: Uint8Array | null = null;
    if (filters.account_type !== undefined || filters.account_id !== undefined) {
      accountOk = new Uint8Array(this.accounts.length);
      for (const a of this.accounts) {
        const typeOk = filters.account_type === undefined || a.type === filters.account_type;
        const idOk = filters.account_id === undefined || filters.account_id.includes(a.id);
        accountOk[a.index] = typeOk && idOk ? 1 : 0;
      }
    }
    const { before, after, unread: unreadFilter } = filters;
    const otherFiltersOk = (idx: number): boolean => {
      if (table.createdSeqOf(idx) > snapshot) return false;
      if (accountOk && !accountOk[table.accountOf(idx)]) return false;
      if (unreadFilter !== undefined && (table.unreadOf(idx) > 0) !== unreadFilter) return false;
      return true;
    };
    const timeOk = (t: number): boolean =>
      (before === undefined || (!Number.isNaN(t) && t < before)) && (after === undefined || (!Number.isNaN(t) && t > after));
    const cursorTs = from ? (from.ts === null ? NaN : from.ts) : NaN;
    const afterCursor = (t: number, id: string): boolean => !from || keyCmp(t, id, cursorTs, from.id) > 0;

    // Stream B: moved chats at their snapshot position.
    const movedList: { idx: number; ts: number }[] = [];
    for (const [idx, oldTs] of moved) {
      if (otherFiltersOk(idx) && timeOk(oldTs) && afterCursor(oldTs, table.idAt(idx))) movedList.push({ idx, ts: oldTs });
    }
    movedList.sort((a, b) => keyCmp(a.ts, table.idAt(a.idx), b.ts, table.idAt(b.idx)));

    // Stream A: unmoved chats, whose current key is their snapshot key, straight from `order`.
    const n = table.count;
    let p = from ? table.positionAfter(cursorTs, from.id) : 0;
    if (before !== undefined) p = Math.max(p, table.positionAfter(before, ''));
    const nextA = (): number => {
      for (; p < n; p++) {
        const idx = table.orderAt(p);
        const t = table.tsOf(idx);
        if (after !== undefined && (Number.isNaN(t) || t <= after)) {
          p = n; // sorted descending: nothing further can match
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
      const aTs = a >= 0 ? table.tsOf(a) : NaN;
      if (a >= 0 && (!mb || keyCmp(aTs, table.idAt(a), mb.ts, table.idAt(mb.idx)) < 0)) {
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
      next: hasMore && last ? { snapshot, t0, ts: Number.isNaN(last.ts) ? null : last.ts, id: table.idAt(last.idx) } : null,
    };
  }

  /** Chats whose key changed after the snapshot, with their key as of the snapshot; none when the log no longer reaches it. */
  private movedSince(snapshot: number): Map<number, number> {
    const moved = new Map<number, number>();
    if (snapshot >= this.prunedThroughSeq && snapshot < this.seq) {
      for (let k = lowerBound(this.logSeq, snapshot + 1); k < this.logSeq.length; k++) {
        const idx = this.logIdx[k] ?? 0;
        if (!moved.has(idx)) moved.set(idx, this.logOldTs[k] ?? NaN);
      }
    }
    return moved;
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
