import { namespacedId, type BackendUnavailable } from '../../../src/lib/wire/backends';
import { readTime } from '../../../src/lib/wire/readers';
import { PAGE_SIZE } from '../../../src/lib/wire/vocabulary';
import { BadGatewayError } from '../../routes/errors';
import type { UpstreamRequest } from '../types';
import { askMember, failureAnswer, jsonAnswer, withUnavailable, type MemberOutcome, type RegistryMember } from './fan-out';
import { decodeChatCursor, encodeChatCursor, type ChatMergeCursor } from './merge-cursor';
import { namespaceItem, splitIdList } from './namespace';

/*
 * GET /api/v1/chats over several backends: one list, newest first, under one cursor (./merge-cursor.ts). Each call
 * reads one page per member that still has chats, drops what lies at or above the boundary (answered already, or
 * moved up since: live updates put those at the top), and answers in the total order below while every member with
 * more pages still has chats read, so no unread chat can belong before the next one answered. A member whose page
 * was only partly answered is read again from the same upstream cursor; the boundary drops what was answered.
 * Guarantee (tested): paging through answers no chat twice and skips none that did not move, whatever the members'
 * sizes, ties and paging, as long as each member lists its chats newest first by the `timestamp` it answers (a chat
 * listed below an older one is taken for one that moved, and left to live updates).
 */

/** Pages read from one member per call at most (the first included); past it the answer stops with its cursor. */
export const MAX_READS_PER_MEMBER = 3;

interface Chat {
  nsid: string;
  /** Epoch ms; null sorts last. */
  ts: number | null;
  item: unknown;
}

/** The one order of the merged lists (chats, messages): newest first, no timestamp last, ties by namespaced id ascending. */
export function compareNewestFirst(a: Pick<Chat, 'nsid' | 'ts'>, b: Pick<Chat, 'nsid' | 'ts'>): number {
  if (a.ts !== b.ts) {
    if (a.ts === null) return 1;
    if (b.ts === null) return -1;
    return b.ts - a.ts;
  }
  return a.nsid < b.nsid ? -1 : a.nsid > b.nsid ? 1 : 0;
}

interface Boundary {
  t: number | null;
  ids: Set<string>;
}

function isAnsweredOrMoved(chat: Chat, b: Boundary | null): boolean {
  if (b === null) return false;
  if (chat.ts === b.t) return b.ids.has(chat.nsid);
  if (b.t === null) return chat.ts !== null; // no timestamp is last: any time is above it
  return chat.ts !== null && chat.ts > b.t;
}

interface UpstreamChatPage {
  items: Record<string, unknown>[];
  cursor: string | null;
}

function parseChatPage(body: unknown): UpstreamChatPage {
  const fail = (why: string) => new BadGatewayError(`The messaging API answered with a chat list Triage cannot read (${why}).`);
  if (typeof body !== 'object' || body === null || !('items' in body) || !Array.isArray(body.items)) throw fail('no items');
  // Without the field, the end of the list cannot be told from a cut-off answer.
  if (!('cursor' in body)) throw fail('no cursor');
  const { cursor } = body;
  if (cursor !== null && (typeof cursor !== 'string' || cursor === '')) throw fail('a cursor that is not a string');
  // An item without an id can be neither namespaced nor ordered; the browser would skip it anyway.
  const items = (body.items as unknown[]).filter(
    (item): item is Record<string, unknown> => typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' && (item as { id: string }).id !== '',
  );
  return { items, cursor: cursor as string | null };
}

/** A page read in this call: where it was read from, where the member goes on, and how many of its chats wait unanswered. */
interface ReadPage {
  from: string | null;
  next: string | null;
  waiting: number;
}

interface MemberRun {
  member: RegistryMember;
  start: string | null;
  pages: ReadPage[];
  /** Chats read and not answered yet, in the merged order. */
  buffer: { chat: Chat; page: ReadPage }[];
  seen: Set<string>;
  reads: number;
  failure: Extract<MemberOutcome, { ok: false }> | null;
}

const hasMore = (run: MemberRun) => run.failure === null && (run.pages.at(-1)?.next ?? null) !== null;

export async function mergeChats(members: readonly RegistryMember[], req: UpstreamRequest): Promise<Response> {
  const query = req.query ?? new URLSearchParams();
  const limit = Number(query.get('limit') ?? PAGE_SIZE.default);
  const rawCursor = query.get('cursor');
  const cursor: ChatMergeCursor | null = rawCursor === null ? null : decodeChatCursor(rawCursor);
  const accountList = query.get('account_id');
  // With account_id, only the members owning one of the accounts are asked, each with its own raw ids.
  const accountsByKind = accountList === null ? null : splitIdList(accountList);
  const asked = members.filter((m) => accountsByKind === null || accountsByKind.has(m.kind));
  const base = new URLSearchParams(query);
  base.delete('cursor');
  base.delete('account_id');
  base.set('limit', String(limit));

  const labelOf = (kind: string) => members.find((m) => m.kind === kind)?.label;
  const outByKind = new Map<string, BackendUnavailable>();
  for (const x of [...(cursor?.x ?? []), ...(req.backendsOut ?? [])]) {
    const label = labelOf(x.backend);
    if (label !== undefined && !outByKind.has(x.backend)) outByKind.set(x.backend, { ...x, label });
  }
  const wasOut = [...outByKind.values()];
  // A first page read again by a scan that saw a backend fail keeps it out too (req.backendsOut).
  const outKinds = new Set(wasOut.map((x) => x.backend));
  const firstRuns = asked.filter((member) => !outKinds.has(member.kind)).map((member) => ({ member, c: null }));
  const runs: MemberRun[] = (cursor === null ? firstRuns : cursor.m.flatMap(({ k, c }) => asked.filter((m) => m.kind === k).map((member) => ({ member, c }))))
    .map(({ member, c }) => ({ member, start: c, pages: [], buffer: [], seen: new Set(), reads: 0, failure: null }));
  let boundary: Boundary | null = cursor?.b ? { t: cursor.b.t, ids: new Set(cursor.b.ids) } : null;

  async function read(run: MemberRun, from: string | null): Promise<void> {
    const pageQuery = new URLSearchParams(base);
    if (from !== null) pageQuery.set('cursor', from);
    const raws = accountsByKind?.get(run.member.kind);
    if (raws) pageQuery.set('account_id', raws.join(','));
    run.reads++;
    const outcome = await askMember(run.member, { ...req, query: pageQuery }, parseChatPage);
    if (!outcome.ok) {
      // Out for the rest of the listing: its remaining chats would otherwise turn up later at the wrong place.
      run.failure = outcome;
      run.buffer = [];
      return;
    }
    const upstream = outcome.body as UpstreamChatPage;
    const page: ReadPage = { from, next: upstream.cursor, waiting: 0 };
    run.pages.push(page);
    for (const raw of upstream.items) {
      const nsid = namespacedId(run.member.kind, raw.id as string);
      const chat: Chat = { nsid, ts: readTime(raw.timestamp), item: namespaceItem(run.member.kind, raw) };
      if (run.seen.has(nsid) || isAnsweredOrMoved(chat, boundary)) continue;
      run.seen.add(nsid);
      run.buffer.push({ chat, page });
      page.waiting++;
    }
    run.buffer.sort((a, b) => compareNewestFirst(a.chat, b.chat));
  }

  await Promise.all(runs.map((run) => read(run, run.start)));
  const firstFailure = runs.find((run) => run.failure !== null)?.failure;
  if (firstFailure && cursor === null && runs.every((run) => run.failure !== null)) return failureAnswer(firstFailure);

  const items: unknown[] = [];
  while (items.length < limit) {
    const starving = runs.filter((run) => run.buffer.length === 0 && hasMore(run));
    if (starving.length > 0) {
      // Answering on now could put a chat of theirs that belongs earlier after this page: read them, or stop here.
      if (starving.some((run) => run.reads >= MAX_READS_PER_MEMBER)) break;
      await Promise.all(starving.map((run) => read(run, run.pages.at(-1)?.next ?? null)));
      continue;
    }
    let best: MemberRun | null = null;
    for (const run of runs) {
      const head = run.buffer[0];
      const bestHead = best?.buffer[0];
      if (head && (!bestHead || compareNewestFirst(head.chat, bestHead.chat) < 0)) best = run;
    }
    const next = best?.buffer.shift();
    if (!next) break;
    next.page.waiting--;
    items.push(next.chat.item);
    const { ts, nsid } = next.chat;
    if (boundary !== null && boundary.t === ts) boundary.ids.add(nsid);
    else boundary = { t: ts, ids: new Set([nsid]) };
  }

  const going = runs.flatMap(({ member, pages, failure }) => {
    if (failure !== null) return [];
    // Re-read from the first page with chats still waiting; else go on after the last page read (none: done).
    const waiting = pages.find((p) => p.waiting > 0);
    if (waiting) return [{ k: member.kind, c: waiting.from }];
    const next = pages.at(-1)?.next ?? null;
    return next === null ? [] : [{ k: member.kind, c: next }];
  });
  const out = [...wasOut, ...runs.flatMap((run) => (run.failure ? [run.failure.unavailable] : []))];
  const nextCursor: ChatMergeCursor | null =
    going.length === 0 ? null : { v: 1, o: 'chats', m: going, x: out.map(({ label: _, ...x }) => x), b: boundary && { t: boundary.t, ids: [...boundary.ids] } };
  return jsonAnswer(withUnavailable({ object: 'ChatList', items, cursor: nextCursor && encodeChatCursor(nextCursor) }, out));
}
