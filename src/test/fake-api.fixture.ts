import { vi } from 'vitest';

/*
 * Tests only: a stand-in for the server behind `fetch`, answering `/api/v1/*` in the Unipile shapes the api-client
 * reads, so component tests exercise the real queries without a network.
 */

type Answer = Response | Promise<Response>;
export type Handler = (url: URL) => Answer;

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The Unipile error envelope. */
export const apiError = (status: number, type: string, title: string, detail?: string): Response =>
  json({ status, type, title, detail }, status);

/** A request that stays in flight for the whole test (the loading states). */
export const pending = (): Promise<Response> => new Promise<Response>(() => {});

/**
 * Stubs `fetch` with one handler per path; records every request. A path with no handler answers 404, which a
 * test sees as an error state, never as a silent pass.
 */
export function stubApi(routes: Record<string, Handler>): { requests: URL[]; count: (path: string) => number } {
  const requests: URL[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, window.location.origin);
    requests.push(url);
    const handler = routes[url.pathname];
    return handler ? handler(url) : apiError(404, 'errors/resource_not_found', 'Not found', url.pathname);
  });
  return { requests, count: (path) => requests.filter((url) => url.pathname === path).length };
}

export interface WireChatInit {
  account_id?: string;
  account_type?: string;
  name?: string | null;
  type?: number;
  timestamp?: string | null;
  unread_count?: number;
  archived?: number;
  pinned?: number;
  muted_until?: number | string | null;
  read_only?: number;
  folder?: string[];
  subject?: string | null;
  content_type?: string | null;
}

/** A chat item of GET /api/v1/chats: a read 1:1 WhatsApp chat named after its id, unless told otherwise. */
export function wireChat(id: string, init: WireChatInit = {}) {
  return {
    object: 'Chat',
    id,
    account_id: 'acc-1',
    account_type: 'WHATSAPP',
    name: id,
    type: 0,
    timestamp: '2026-05-17T10:00:00.000Z',
    unread_count: 0,
    archived: 0,
    pinned: 0,
    muted_until: null,
    read_only: 0,
    folder: ['INBOX'],
    ...init,
  };
}

/** A page of GET /api/v1/chats; `scanned` is the server's count of chats examined for a filtered list. */
export function chatPage(items: unknown[], cursor: string | null = null, scanned?: number) {
  return json({ object: 'ChatList', items, cursor, ...(scanned === undefined ? {} : { scan: { scanned } }) });
}

/** An account item of GET /api/v1/accounts, its status being that of its one source. */
export function wireAccount(id: string, name: string, type = 'WHATSAPP', status = 'OK', identity?: string) {
  return {
    object: 'Account',
    id,
    name,
    type,
    created_at: '2026-01-01T00:00:00.000Z',
    connection_params: identity ? { im: { username: identity } } : {},
    sources: [{ id: `${id}_MESSAGING`, status }],
  };
}

export const accountList = (items: unknown[]) => json({ object: 'AccountList', items, cursor: null });
