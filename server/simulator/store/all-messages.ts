import type { MessageJson } from '../types';

/**
 * GET /messages: every chat's messages, newest first, as one list. A chat's timestamp is its newest message's, so
 * chats are opened lazily in list order: a chat is read only once the next message could be in it, and a page of
 * 250 reads the few chats at the top instead of the whole mailbox.
 */

/** Where a page ended: the last message's time and id (messages sort by time, then id, both descending). */
export interface MessageKey {
  ts: number;
  id: string;
}

export interface AllMessagesQuery {
  before?: number;
  after?: number;
  sender_id?: string;
  account_id?: string;
}

export interface AllMessagesPage {
  items: MessageJson[];
  /** The last message returned, to continue below it; null when done. */
  next: MessageKey | null;
}

/** What the walk needs of the store, in list order. */
export interface ChatSource {
  count: number;
  /** Chat index at list position p. */
  orderAt(p: number): number;
  /** Chat timestamp (ms), NaN for a chat without one. */
  tsOf(idx: number): number;
  accountIdOf(idx: number): string;
  /** Oldest first. */
  messages(idx: number): readonly MessageJson[];
}

/** Negative when a sorts first (newer). */
function compareKeys(a: MessageKey, b: MessageKey): number {
  if (a.ts !== b.ts) return a.ts > b.ts ? -1 : 1;
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}

const keyOf = (m: MessageJson): MessageKey => ({ ts: Date.parse(m.timestamp), id: m.id });

/** One chat's messages matching the query and below `below`, newest first. */
function chatCandidates(all: readonly MessageJson[], query: AllMessagesQuery, below: MessageKey | undefined): MessageJson[] {
  const out: MessageJson[] = [];
  for (let j = all.length - 1; j >= 0; j--) {
    const m = all[j];
    if (!m) continue;
    const key = keyOf(m);
    if (below && compareKeys(key, below) <= 0) continue;
    if (query.before !== undefined && key.ts >= query.before) continue;
    if (query.after !== undefined && key.ts <= query.after) break;
    if (query.sender_id !== undefined && m.sender_id !== query.sender_id && m.sender_attendee_id !== query.sender_id) continue;
    out.push(m);
  }
  return out;
}

export function listAcrossChats(source: ChatSource, query: AllMessagesQuery, limit: number, below?: MessageKey): AllMessagesPage {
  // Per open chat: its candidates and how many were taken. Few chats are open at once, so a linear pick is enough.
  const open: { list: MessageJson[]; at: number }[] = [];
  const items: MessageJson[] = [];
  let p = 0;
  for (;;) {
    let best: { list: MessageJson[]; at: number } | undefined;
    for (const o of open) {
      const m = o.list[o.at];
      if (m && (!best || compareKeys(keyOf(m), keyOf(best.list[best.at] as MessageJson)) < 0)) best = o;
    }
    const bestTs = best ? keyOf(best.list[best.at] as MessageJson).ts : Number.NEGATIVE_INFINITY;
    // The next chat in list order may hold a message at least as new as the best one: open it first.
    if (p < source.count) {
      const idx = source.orderAt(p);
      const ts = source.tsOf(idx);
      // A chat without a timestamp has no messages, and every chat after it has none either.
      if (Number.isNaN(ts)) {
        p = source.count;
      } else if (ts >= bestTs) {
        p++;
        if (query.account_id === undefined || source.accountIdOf(idx) === query.account_id) {
          const list = chatCandidates(source.messages(idx), query, below);
          if (list.length > 0) open.push({ list, at: 0 });
        }
        continue;
      }
    }
    if (!best) return { items, next: null };
    if (items.length === limit) {
      const last = items[items.length - 1] as MessageJson;
      return { items, next: keyOf(last) };
    }
    items.push(best.list[best.at] as MessageJson);
    best.at++;
  }
}
