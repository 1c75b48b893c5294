import { namespacedId, splitNamespacedId } from '../../../src/lib/wire/backends';
import { readTime } from '../../../src/lib/wire/readers';
import { PAGE_SIZE } from '../../../src/lib/wire/vocabulary';
import { BadGatewayError, InvalidParameterError } from '../../routes/errors';
import type { UpstreamRequest } from '../types';
import { askMember, failureAnswer, jsonAnswer, partition, withUnavailable, type RegistryMember } from './fan-out';
import { compareNewestFirst } from './merge-chats';
import { decodeAccountCursor, encodeAccountCursor, type AccountMergeCursor } from './merge-cursor';
import { namespaceItem } from './namespace';

/*
 * The other two lists over several backends: the accounts (every member's, grouped by member in config order) and
 * the newest messages of every chat (one page, merged by time). A member that fails is missing and named in
 * `unavailable`; when every member asked fails, the first failure is the answer.
 */

interface UpstreamList {
  items: unknown[];
  cursor: string | null;
}

function parseList(body: unknown): UpstreamList {
  if (typeof body !== 'object' || body === null || !('items' in body) || !Array.isArray(body.items)) {
    throw new BadGatewayError('The messaging API answered with a list Triage cannot read (no items).');
  }
  const cursor = 'cursor' in body && typeof body.cursor === 'string' && body.cursor !== '' ? body.cursor : null;
  return { items: body.items as unknown[], cursor };
}

/** GET /api/v1/accounts: each member asked for `limit` (so a page holds up to that many per member), one cursor for all. */
export async function mergeAccounts(members: readonly RegistryMember[], req: UpstreamRequest): Promise<Response> {
  const query = req.query ?? new URLSearchParams();
  const raw = query.get('cursor');
  const cursor = raw === null ? null : decodeAccountCursor(raw);
  const starts = cursor === null ? members.map((member) => ({ member, c: null as string | null })) : cursor.m.flatMap(({ k, c }) => members.filter((m) => m.kind === k).map((member) => ({ member, c })));
  const outcomes = await Promise.all(
    starts.map(({ member, c }) => {
      const memberQuery = new URLSearchParams(query);
      memberQuery.delete('cursor');
      if (c !== null) memberQuery.set('cursor', c);
      return askMember(member, { ...req, query: memberQuery }, parseList);
    }),
  );
  const { answered, failed } = partition(outcomes);
  if (answered.length === 0 && failed[0]) return failureAnswer(failed[0]);
  const items = answered.flatMap(({ member, body }) => (body as UpstreamList).items.map((item) => namespaceItem(member.kind, item)));
  const going = answered.flatMap(({ member, body }) => {
    const next = (body as UpstreamList).cursor;
    return next === null ? [] : [{ k: member.kind, c: next }];
  });
  const next: AccountMergeCursor | null = going.length === 0 ? null : { v: 1, o: 'accounts', m: going };
  return jsonAnswer(withUnavailable({ object: 'AccountList', items, cursor: next && encodeAccountCursor(next) }, failed.map((f) => f.unavailable)));
}

/**
 * GET /api/v1/messages (the previews' and the live poller's newest messages): every member's first page, merged
 * newest first and cut to `limit`. It has one page (`cursor: null`): what reads it wants only the newest.
 */
export async function mergeRecentMessages(members: readonly RegistryMember[], req: UpstreamRequest): Promise<Response> {
  const query = new URLSearchParams(req.query ?? undefined);
  if (query.has('cursor')) throw new InvalidParameterError('cursor', 'is not accepted: with several backends, every chat\'s messages are one page, the newest');
  const limit = Number(query.get('limit') ?? PAGE_SIZE.default);
  const account = query.get('account_id');
  // One account: only its backend is asked, with the account's raw id.
  const split = account === null ? null : splitNamespacedId(account);
  const asked = account === null ? members : members.filter((m) => m.kind === split?.kind);
  if (split) query.set('account_id', split.rawId);
  const outcomes = await Promise.all(asked.map((member) => askMember(member, { ...req, query }, parseList)));
  const { answered, failed } = partition(outcomes);
  if (answered.length === 0 && failed[0]) return failureAnswer(failed[0]);
  const messages = answered.flatMap(({ member, body }) =>
    (body as UpstreamList).items.flatMap((item) => {
      const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
      if (typeof id !== 'string' || id === '') return [];
      return [{ nsid: namespacedId(member.kind, id), ts: readTime((item as { timestamp?: unknown }).timestamp), item: namespaceItem(member.kind, item) }];
    }),
  );
  messages.sort(compareNewestFirst);
  const items = messages.slice(0, limit).map((m) => m.item);
  return jsonAnswer(withUnavailable({ object: 'MessageList', items, cursor: null }, failed.map((f) => f.unavailable)));
}
