import { jsonResponse, recordingFetch, type RecordingFetch } from '../fake-upstream.fixture';
import type { FetchLike } from '../types';

/*
 * Tests only: a small in-memory Periskope (its dialect, as @periskope/types describes it) behind a recording fetch.
 * Its chats and messages are plain arrays the test changes between requests; lists page by offset, chats sorted by
 * latest_message_timestamp, newest first, chats without one last.
 */

export const BASE = 'https://api.periskope.test/v1';
export const ORG_PHONE = '918527184400@c.us';

export interface FakeChat {
  chat_id: string;
  chat_name: string | null;
  chat_type: 'user' | 'group' | 'business';
  org_phone: string;
  created_at: string;
  latest_message_timestamp: number | null;
  latest_message: Record<string, unknown> | null;
  message_unread_count: number | null;
  is_muted: boolean;
  label_ids: Record<string, boolean>;
  members?: Record<string, Record<string, unknown>> | null;
  [field: string]: unknown;
}

/** Chat `i`: a group with a message `i` minutes before 2025-01-01 (higher `i` is older). */
export function fakeChat(i: number, overrides: Partial<FakeChat> = {}): FakeChat {
  const ts = Date.UTC(2025, 0, 1) - i * 60_000;
  return {
    chat_id: `1203633${String(i).padStart(5, '0')}@g.us`,
    chat_name: `Group ${i}`,
    chat_type: 'group',
    org_phone: ORG_PHONE,
    created_at: '2024-06-01T00:00:00+00:00',
    latest_message_timestamp: ts,
    latest_message: null,
    message_unread_count: 0,
    is_muted: false,
    label_ids: {},
    ...overrides,
  };
}

export interface FakeMessage {
  message_id: string;
  chat_id: string;
  org_phone: string;
  body: string | null;
  timestamp: string;
  from_me: boolean;
  sender_phone: string | null;
  message_type: string;
  [field: string]: unknown;
}

export function fakeMessage(chatId: string, i: number, overrides: Partial<FakeMessage> = {}): FakeMessage {
  return {
    message_id: `false_${chatId}_M${i}`,
    chat_id: chatId,
    org_phone: ORG_PHONE,
    body: `message ${i}`,
    timestamp: new Date(Date.UTC(2025, 0, 1) - i * 1000).toISOString().replace('.000Z', '+00:00'),
    from_me: false,
    sender_phone: '919971844008@c.us',
    message_type: 'chat',
    ...overrides,
  };
}

export interface FakePeriskope extends RecordingFetch {
  fetch: FetchLike;
  chats: FakeChat[];
  /** Newest first, per chat. */
  messages: Map<string, FakeMessage[]>;
  phones: Record<string, unknown>[];
  /** Answer this instead for the next requests (errors, garbage); cleared by setting null. */
  override: ((request: Request) => Response | null) | null;
}

const rank = (chat: FakeChat): number => chat.latest_message_timestamp ?? -Infinity;

function page<T>(items: readonly T[], url: URL): { from: number; to: number; count: number; list: T[] } {
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const limit = Number(url.searchParams.get('limit') ?? 2000);
  const list = items.slice(offset, offset + limit);
  return { from: offset + 1, to: offset + list.length, count: items.length, list };
}

export function fakePeriskope(): FakePeriskope {
  const state: Omit<FakePeriskope, 'fetch' | 'calls'> = {
    chats: [],
    messages: new Map(),
    phones: [{ org_phone: ORG_PHONE, phone_id: 'phone-abc', phone_name: 'Sales', wa_state: 'CONNECTED', is_ready: true, created_at: '2024-01-02T03:04:05+00:00' }],
    override: null,
  };
  const notFound = () => jsonResponse({ message: 'Chat not found', status: 404 }, 404);
  const recorder = recordingFetch((request) => {
    const forced = state.override?.(request);
    if (forced) return forced;
    const url = new URL(request.url);
    const path = decodeURIComponent(url.pathname.slice(new URL(BASE).pathname.length));
    const scope = request.headers.get('x-phone');
    const scoped = state.chats.filter((c) => scope === null || c.org_phone.startsWith(`${scope}@`));
    if (request.method === 'GET' && path === '/phones/all') return jsonResponse(state.phones);
    if (request.method === 'GET' && path === '/phones') return jsonResponse(state.phones[0]);
    if (request.method === 'GET' && path === '/chats') {
      const sorted = [...scoped].sort((a, b) => rank(b) - rank(a));
      const { list, ...rest } = page(sorted, url);
      return jsonResponse({ ...rest, chats: list.map(({ members: _members, ...chat }) => chat) });
    }
    if (request.method === 'GET' && path === '/chats/messages') {
      const all = [...state.messages.values()].flat().sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
      const { list, ...rest } = page(all, url);
      return jsonResponse({ ...rest, messages: list });
    }
    if (request.method === 'POST' && path === '/message/send') return jsonResponse({ queue_id: 'queue-1', queue_position: '1' });
    const match = /^\/chats\/([^/]+)(\/messages|\/read)?$/.exec(path);
    const chat = match ? state.chats.find((c) => c.chat_id === match[1]) : undefined;
    if (!match || !chat) return notFound();
    if (request.method === 'GET' && match[2] === undefined) return jsonResponse(chat);
    if (request.method === 'GET' && match[2] === '/messages') {
      const { list, ...rest } = page(state.messages.get(chat.chat_id) ?? [], url);
      return jsonResponse({ ...rest, messages: list });
    }
    if (request.method === 'POST' && match[2] === '/read') return new Response(null, { status: 200 });
    return notFound();
  });
  return Object.assign(state, recorder);
}
