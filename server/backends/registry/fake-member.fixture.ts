import { BACKEND_LABELS, type BackendKind } from '../../../src/lib/wire/backends';
import type { Backend, UpstreamRequest } from '../types';
import type { RegistryMember } from './fan-out';

/*
 * Test doubles for the registry's tests (never used by the app): a member backend answering Unipile's dialect from
 * arrays the test can change between requests, with its own cursor paging, recording every request it receives.
 * Its chats tie-break by raw id descending, unlike the merge, so ties straddling its pages are exercised.
 */

export interface FakeChat {
  id: string;
  account_id: string;
  provider_id: string;
  timestamp: string | null;
  name: string | null;
  lastMessage?: Record<string, unknown>;
}

export type Paging = 'offset' | 'keyset';

export interface FakeMemberOptions {
  chats?: FakeChat[];
  accounts?: Record<string, unknown>[];
  messages?: Record<string, unknown>[];
  attendees?: Record<string, unknown>[];
  paging?: Paging;
  /** Accounts per page of GET /accounts, whatever the limit (to exercise the accounts cursor). */
  accountPageSize?: number;
  simulated?: boolean;
}

export interface FakeMember extends RegistryMember {
  /** Change freely between requests. */
  chats: FakeChat[];
  calls: UpstreamRequest[];
  /** Answer (or throw) this instead, for every request while set. */
  failWith: ((req: UpstreamRequest) => Response | Error) | null;
}

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const envelope = (status: number, type: string, detail = 'detail') => json({ title: 'Title', detail, type, status }, status);

/** ms of a fake timestamp; null stays null. */
export const timeOf = (chat: Pick<FakeChat, 'timestamp'>) => (chat.timestamp === null ? null : Date.parse(chat.timestamp));

/** The member's own order: newest first, no timestamp last, ties by raw id descending. */
function upstreamOrder(a: FakeChat, b: FakeChat): number {
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta !== tb) return ta === null ? 1 : tb === null ? -1 : tb - ta;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function fakeChat(id: string, ms: number | null, overrides: Partial<FakeChat> = {}): FakeChat {
  return { id, account_id: 'acc', provider_id: `prov-${id}`, timestamp: ms === null ? null : new Date(ms).toISOString(), name: `Chat ${id}`, ...overrides };
}

const T0 = Date.parse('2025-06-01T00:00:00.000Z');
export const at = (minutesAgo: number) => T0 - minutesAgo * 60_000;

function chatPage(member: FakeMember, paging: Paging, query: URLSearchParams): Response {
  const limit = Number(query.get('limit') ?? 100);
  const accounts = query.get('account_id')?.split(',');
  const listed = member.chats.filter((c) => accounts === undefined || accounts.includes(c.account_id)).sort(upstreamOrder);
  const cursor = query.get('cursor');
  let start = 0;
  if (cursor !== null && paging === 'offset') start = Number(cursor.slice('o:'.length));
  if (cursor !== null && paging === 'keyset') {
    const after = JSON.parse(cursor.slice('k:'.length)) as FakeChat;
    start = listed.findIndex((c) => upstreamOrder(c, after) > 0);
    if (start === -1) start = listed.length;
  }
  const items = listed.slice(start, start + limit);
  const last = items.at(-1);
  const more = start + limit < listed.length && last !== undefined;
  const next = !more ? null : paging === 'offset' ? `o:${start + limit}` : `k:${JSON.stringify(last)}`;
  return json({ object: 'ChatList', items: items.map((c) => ({ object: 'Chat', ...c })), cursor: next });
}

function notFound(what: string): Response {
  return envelope(404, 'errors/resource_not_found', `${what} not found`);
}

export function fakeMember(kind: BackendKind, options: FakeMemberOptions = {}): FakeMember {
  const paging = options.paging ?? 'offset';
  const accounts = options.accounts ?? [{ object: 'Account', id: 'acc', name: `${kind} account`, type: 'WHATSAPP', sources: [{ id: 'acc_MESSAGING', status: 'OK' }] }];
  const messages = options.messages ?? [];
  const attendees = options.attendees ?? [];
  const accountPageSize = options.accountPageSize ?? Number.POSITIVE_INFINITY;

  function answer(req: UpstreamRequest): Response {
    const query = req.query ?? new URLSearchParams();
    const segments = req.path.split('/').slice(3).map(decodeURIComponent);
    const [collection, id, sub, subId] = segments;
    if (req.method === 'GET' && req.path === '/api/v1/chats') return chatPage(self, paging, query);
    if (req.method === 'GET' && req.path === '/api/v1/accounts') {
      const start = Number(query.get('cursor') ?? 0);
      const size = Math.min(Number(query.get('limit') ?? 100), accountPageSize);
      const next = start + size < accounts.length ? String(start + size) : null;
      return json({ object: 'AccountList', items: accounts.slice(start, start + size), cursor: next });
    }
    if (req.method === 'GET' && req.path === '/api/v1/messages') {
      const limit = Number(query.get('limit') ?? 100);
      const account = query.get('account_id');
      const items = messages.filter((m) => account === null || m.account_id === account).slice(0, limit);
      return json({ object: 'MessageList', items, cursor: null });
    }
    if (collection === 'accounts' && id !== undefined) return json(accounts.find((a) => a.id === id) ?? {});
    if (collection === 'chats' && id !== undefined) {
      const chat = self.chats.find((c) => c.id === id);
      if (!chat) return notFound('chat');
      if (req.method === 'PATCH') return json({ object: 'ChatPatched' });
      if (sub === undefined) return json({ object: 'Chat', ...chat });
      if (sub === 'messages' && req.method === 'POST') return json({ object: 'MessageSent', message_id: `sent-${id}` });
      if (sub === 'messages') return json({ object: 'MessageList', items: messages.filter((m) => m.chat_id === id), cursor: null });
      if (sub === 'attendees') return json({ object: 'ChatAttendeeList', items: attendees, cursor: null });
    }
    if (collection === 'chat_attendees' && sub === 'picture') return new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'content-type': 'image/png' } });
    if (collection === 'messages' && sub === 'attachments' && subId !== undefined) return new Response(`file ${id} ${subId}`, { headers: { 'content-type': 'text/plain' } });
    return notFound(req.path);
  }

  const backend: Backend = {
    kind,
    simulated: options.simulated ?? false,
    host: `${kind}.test`,
    request(req) {
      self.calls.push(req);
      const failure = self.failWith?.(req);
      if (failure instanceof Error) return Promise.reject(failure);
      return Promise.resolve(failure ?? answer(req));
    },
  };
  const self: FakeMember = { kind, label: BACKEND_LABELS[kind], backend, chats: options.chats ?? [], calls: [], failWith: null };
  return self;
}

export const chatListCalls = (member: FakeMember) => member.calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/chats');
