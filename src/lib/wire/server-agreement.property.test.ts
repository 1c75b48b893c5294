import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { chatListUpstream, type FakeChat } from '../../../server/backends/fake-upstream.fixture';
import { protectBackend } from '../../../server/backends/protect';
import { createUnipileBackend } from '../../../server/backends/unipile';
import { loadConfig } from '../../../server/config';
import { buildChatListQuery, type ChatFilters } from '../chats/filters';
import { chatMatchesListParams } from '../chats/match';
import { normalizeChat } from '../chats/model';
import { readListPage } from '../tolerant-list';
import { wireChatSchema } from './chat-wire';

/*
 * The point of the shared wire module: for any chats (odd encodings included) and any filters, the chats the server
 * answers for a filtered list are exactly the chats the browser's placement (optimistic updates, live events) puts
 * into it. The server is the real app over a Unipile-like upstream; the browser side is the real reader and matcher.
 */

const NOW = Date.now();
const H = 3_600_000;

const wireFields = fc.record({
  account_id: fc.constantFrom('acc-1', 'acc-2', 'acc-3'),
  account_type: fc.constantFrom('WHATSAPP', 'LINKEDIN', 'SLACK'),
  name: fc.constantFrom<FakeChat['name'] | string>('Zoë Martin', 'zoe', 'Bob Stone', 'null', 'undefined', '', '   ', null, 'ZOE  BOB'),
  unread_count: fc.constantFrom(0, 0, 1, 7),
  archived: fc.constantFrom<unknown>(0, 1, 2, true, false, null),
  pinned: fc.constantFrom<unknown>(0, 1, true, false, null, undefined),
  muted_until: fc.constantFrom<unknown>(
    null, -1, -5, true, false, 0, '', '-1', 'soon',
    Math.floor((NOW + H) / 1000), Math.floor((NOW - H) / 1000), NOW + H, NOW - H,
    new Date(NOW + H).toISOString(), new Date(NOW - H).toISOString(),
  ),
  folder: fc.constantFrom<unknown>(undefined, null, [], ['INBOX'], ['INBOX', 'VIP'], ['VIP', 3], ['']),
});

function wireChat(fields: Record<string, unknown>, i: number): Record<string, unknown> {
  const chat: Record<string, unknown> = {
    object: 'Chat',
    id: `chat-${i}`,
    provider_id: `p-${i}`,
    type: 0,
    timestamp: new Date(Date.UTC(2026, 0, 1) - i * 60_000).toISOString(),
    read_only: 0,
    ...fields,
  };
  for (const key of Object.keys(chat)) if (chat[key] === undefined) delete chat[key];
  return chat;
}

const chats = fc.array(wireFields, { maxLength: 60 }).map((list) => list.map(wireChat));

const filters: fc.Arbitrary<ChatFilters> = fc
  .record(
    {
      unread: fc.boolean(),
      folder: fc.constantFrom('INBOX', 'VIP'),
      view: fc.constantFrom('inbox' as const, 'archived' as const, 'all' as const),
      pinned: fc.constant(true as const),
      muted: fc.boolean(),
      q: fc.constantFrom('zo', 'ZOË', 'null', ' bob ', 'martin', 'zoe  bob'),
      provider: fc.constantFrom('WHATSAPP' as const, 'SLACK' as const),
    },
    { requiredKeys: [] },
  );

const accountIds = fc.subarray(['acc-1', 'acc-2', 'acc-3'], { maxLength: 2 });

async function serverAnswer(list: Record<string, unknown>[], params: { accountIds: string[]; filters: ChatFilters; pageSize: number }): Promise<string[]> {
  const upstream = chatListUpstream(list as unknown as FakeChat[]);
  const config = { ...loadConfig({ UNIPILE_DSN: 'https://api.test', UNIPILE_API_KEY: 'agreement-test-key' }), staticDir: null };
  const adapter = createUnipileBackend({ kind: 'unipile', baseUrl: 'https://api.test', host: 'api.test', apiKey: 'agreement-test-key', timeoutMs: 5_000, fetch: upstream.fetch });
  const app = createApp({ config, backend: protectBackend(adapter, { concurrency: 8, queueLimit: 100, maxWaitMs: 5_000 }), logger: { info: () => undefined, error: () => undefined } });
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const response = await app.request(`/api/v1/chats?${buildChatListQuery(params, cursor).toString()}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { id: string }[]; cursor: string | null };
    ids.push(...body.items.map((c) => c.id));
    cursor = body.cursor;
    if (cursor === null) return ids;
  }
  throw new Error('the list did not end');
}

function browserPlacement(list: Record<string, unknown>[], params: { accountIds: string[]; filters: ChatFilters }): string[] {
  const page = readListPage({ items: list, cursor: null }, wireChatSchema, (w) => normalizeChat(w, NOW), 'chat', () => undefined);
  return page.items.filter((chat) => chatMatchesListParams(chat, params, NOW)).map((chat) => chat.id);
}

describe('server and browser agree on which chats a list holds', () => {
  it('for generated chats (every odd encoding) and generated filters', async () => {
    await fc.assert(
      fc.asyncProperty(chats, filters, accountIds, fc.integer({ min: 1, max: 25 }), async (list, f, accounts, pageSize) => {
        const params = { accountIds: accounts, filters: f, pageSize };
        expect(await serverAnswer(list, params)).toEqual(browserPlacement(list, params));
      }),
      { numRuns: 400 },
    );
  });
});
