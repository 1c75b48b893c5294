import type { FetchLike } from './types';

/*
 * Test doubles for the transport under the Unipile adapter (used by the server's tests, never by the app): a fetch
 * that records what reached it, and a small chat-list upstream that pages through an array the test can change
 * between requests.
 */

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string | null;
}

export type Responder = (request: Request) => Response | Promise<Response>;

export interface RecordingFetch {
  fetch: FetchLike;
  calls: RecordedRequest[];
}

export const jsonResponse = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** Records every request (body read as text) and answers with `respond` (default: `{object: 'Ok'}`). */
export function recordingFetch(respond: Responder = () => jsonResponse({ object: 'Ok' })): RecordingFetch {
  const calls: RecordedRequest[] = [];
  return {
    calls,
    async fetch(request) {
      const body = request.body ? await request.text() : null;
      calls.push({ method: request.method, url: new URL(request.url), headers: request.headers, body });
      return respond(request);
    },
  };
}

export interface FakeChat {
  object: 'Chat';
  id: string;
  account_id: string;
  account_type: string;
  provider_id: string;
  attendee_provider_id?: string;
  name: string | null;
  type: 0 | 1 | 2;
  timestamp: string | null;
  unread_count: number;
  archived: 0 | 1;
  muted_until: -1 | string | null;
  read_only: 0 | 1 | 2;
  pinned?: 0 | 1;
  folder?: string[];
}

/** A chat with sensible defaults; `i` also sets a timestamp that makes higher `i` older (newest first). */
export function fakeChat(i: number, overrides: Partial<FakeChat> = {}): FakeChat {
  return {
    object: 'Chat',
    id: `chat-${i}`,
    account_id: 'acc-1',
    account_type: 'WHATSAPP',
    provider_id: `${i}@s.whatsapp.net`,
    name: `Chat ${i}`,
    type: 0,
    timestamp: new Date(Date.UTC(2025, 0, 1) - i * 60_000).toISOString(),
    unread_count: 0,
    archived: 0,
    muted_until: null,
    read_only: 0,
    pinned: 0,
    folder: ['INBOX'],
    ...overrides,
  };
}

export interface ChatListUpstream {
  fetch: FetchLike;
  /** The list the upstream serves, newest first; tests change it between requests. */
  chats: FakeChat[];
  /** Requests that reached GET /api/v1/chats. */
  listRequests: URL[];
}

/**
 * GET /api/v1/chats over `chats` with offset cursors (the least forgiving kind: an insertion before the offset
 * shifts every later page), honouring limit, unread, account_type and account_id like Unipile.
 */
export function chatListUpstream(chats: FakeChat[], options: { maxLimit?: number } = {}): ChatListUpstream {
  const state: ChatListUpstream = {
    chats,
    listRequests: [],
    async fetch(request) {
      const url = new URL(request.url);
      if (request.method !== 'GET' || url.pathname !== '/api/v1/chats') return jsonResponse({ title: 'Not Found', type: 'errors/not_found', status: 404 }, 404);
      state.listRequests.push(url);
      const q = url.searchParams;
      const limit = Math.min(Number(q.get('limit') ?? 100), options.maxLimit ?? 250);
      const offset = Number(q.get('cursor') ?? 0);
      const accountIds = q.get('account_id')?.split(',');
      const list = state.chats.filter(
        (chat) =>
          (q.get('unread') === null || (chat.unread_count > 0) === (q.get('unread') === 'true')) &&
          (q.get('account_type') === null || chat.account_type === q.get('account_type')) &&
          (accountIds === undefined || accountIds.includes(chat.account_id)),
      );
      const items = list.slice(offset, offset + limit);
      const next = offset + limit < list.length ? String(offset + limit) : null;
      return jsonResponse({ object: 'ChatList', items, cursor: next });
    },
  };
  return state;
}
