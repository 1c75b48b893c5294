import assert from 'node:assert/strict';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchAccountsAnswer } from '../accounts';
import { ApiError } from '../api-client';
import { fetchChatPage } from './list-pages';
import { normalizeChat, type InboxChat } from './model';
import { readCursor, readListPage } from '../tolerant-list';
import { wireChatSchema } from '../wire/chat-wire';
import { readMute } from '../wire/readers';
import { expectedMute, harmlessMutation, malformedMutation, mutedUntil, NOW, oddTypedMutation, wireChat, type WireItem } from './wire-chat.fixture';

/*
 * Issue 10, scope 8: the browser's tolerant reading of the wire. Whatever JSON arrives, nothing throws but the typed
 * ApiError for a page without an items array (or a chat list page without a cursor); a valid chat is always read, with
 * its id; a malformed item is skipped and reported once per page, the others kept in order. Inside properties, node:assert (vitest's expect costs ~20 µs
 * a call, most of the time at 10,000 runs).
 */

const RUNS = { numRuns: 10_000 };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasItems = (json: unknown): json is { items: unknown[] } => isRecord(json) && Array.isArray(json.items);

/**
 * The only errors a reader may throw: the page itself is unreadable (no items array), or, for the chat list, an
 * object without `cursor` (it cannot tell the last page from a cut-off one).
 */
function expectUnreadablePage(error: unknown, json: unknown, { cursorRequired = false } = {}): void {
  if (!(error instanceof ApiError)) throw error;
  if (cursorRequired && error.type === 'client/missing_cursor') {
    assert.ok(typeof json === 'object' && json !== null && !('cursor' in json), 'a page with a cursor refused as missing one');
    return;
  }
  assert.equal(error.type, 'client/invalid_response');
  assert.ok(!hasItems(json), 'a page with an items array was refused whole');
}

function readChats(json: unknown, warn: (message: string) => void = () => {}) {
  return readListPage(json, wireChatSchema, (wire) => normalizeChat(wire, NOW), 'chat', warn);
}

const kindOf = (type: fc.JsonValue | undefined) =>
  type === 1 || type === 'group' ? 'group' : type === 2 || type === 'broadcast' || type === 'channel' ? 'broadcast' : 'direct';

/** What a valid wire chat must read as, field by field, per chats/model.ts and wire/readers.ts. */
function checkChat(chat: InboxChat, wire: WireItem): void {
  assert.equal(chat.id, wire.id);
  assert.equal(chat.archived, wire.archived === 1 || wire.archived === true);
  assert.equal(chat.pinned, wire.pinned === 1 || wire.pinned === true);
  assert.equal(chat.readOnly, wire.read_only === 2 ? 'locked' : wire.read_only === 1 || wire.read_only === true ? 'read_only' : 'writable');
  assert.deepEqual(chat.mute, expectedMute(wire.muted_until, NOW));
  assert.equal(chat.kind, kindOf(wire.type));
  assert.ok(Number.isInteger(chat.unreadCount) && chat.unreadCount >= 0, `unread ${chat.unreadCount}`);
  assert.ok(chat.displayName.trim() !== '' && chat.displayName === chat.displayName.trim(), `display name ${JSON.stringify(chat.displayName)}`);
  assert.equal(chat.lastActivityAt, typeof wire.timestamp === 'string' ? Date.parse(wire.timestamp) : null);
  assert.ok(chat.folders.every((f) => typeof f === 'string' && f.trim() !== ''));
}

describe('chat list pages', () => {
  it('any JSON at all: a page is read or refused as unreadable (ApiError), never anything else', () => {
    const page = fc.oneof(
      fc.jsonValue(),
      fc.record({ items: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 6 }), cursor: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: ['items'] }),
    );
    fc.assert(
      fc.property(page, (json) => {
        let read: ReturnType<typeof readChats>;
        try {
          read = readChats(json);
        } catch (error) {
          expectUnreadablePage(error, json);
          return;
        }
        assert.ok(hasItems(json));
        assert.equal(read.items.length + read.skipped, json.items.length);
        for (const chat of read.items) assert.ok(typeof chat.id === 'string' && chat.id !== '');
        assert.ok(read.cursor === null || (typeof read.cursor === 'string' && read.cursor !== ''));
      }),
      RUNS,
    );
  });

  it('a valid wire chat in any documented encoding is always read, with its id, flags, mute and name as documented', () => {
    fc.assert(
      fc.property(wireChat, fc.array(harmlessMutation, { maxLength: 3 }), (chat, mutations) => {
        const wire = mutations.reduce<WireItem>((item, m) => m.apply(item) as WireItem, chat);
        const warnings: string[] = [];
        const read = readChats({ object: 'ChatList', items: [wire], cursor: null }, (m) => warnings.push(m));
        assert.equal(read.skipped, 0, `skipped ${JSON.stringify(wire)} (${mutations.map((m) => m.describe).join(', ')})`);
        assert.deepEqual(warnings, []);
        assert.equal(read.items.length, 1);
        checkChat(read.items[0] as InboxChat, wire);
      }),
      RUNS,
    );
  });

  it('a page with malformed items: each one skipped and reported once for the page, every valid one kept, in order', () => {
    // Each chat: left valid, made malformed (must be skipped), or given an odd-typed field (the wire module's call).
    const change = fc.oneof(
      { weight: 3, arbitrary: fc.constant({ kind: 'valid' as const }) },
      malformedMutation.map((m) => ({ kind: 'malformed' as const, m })),
      oddTypedMutation.map((m) => ({ kind: 'odd' as const, m })),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(wireChat, change), { maxLength: 6 }), (pairs) => {
        // Ids made unique per page, so which item was kept is unambiguous.
        const chats = pairs.map(([chat, c], i) => ({ chat: { ...chat, id: `${String(chat.id)}#${i}` }, c }));
        const warnings: string[] = [];
        const items = chats.map(({ chat, c }) => (c.kind === 'valid' ? chat : c.m.apply(chat)));
        const read = readChats({ object: 'ChatList', items, cursor: 'next' }, (m) => warnings.push(m));
        const kept = read.items.map((chat) => chat.id);
        let next = 0;
        for (const { chat, c } of chats) {
          const why = c.kind === 'valid' ? 'valid' : c.m.describe;
          if (kept[next] === chat.id) {
            assert.notEqual(c.kind, 'malformed', `kept a malformed item (${why})`);
            next += 1;
          } else {
            assert.notEqual(c.kind, 'valid', `dropped a valid chat ${JSON.stringify(chat)}`);
          }
        }
        assert.equal(next, kept.length, 'kept items out of order');
        const skipped = items.length - kept.length;
        assert.equal(read.skipped, skipped);
        assert.equal(warnings.length, skipped > 0 ? 1 : 0);
        if (skipped > 0) assert.match(warnings[0] ?? '', new RegExp(`skipped ${skipped} malformed chat items? of ${items.length}`));
        assert.equal(read.cursor, 'next');
      }),
      RUNS,
    );
  });

  it('fetchChatPage over any answer the API gives: chats or an ApiError, never anything else', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const answer = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.record({
        items: fc.array(fc.oneof(wireChat, fc.jsonValue({ maxDepth: 2 })), { maxLength: 5 }),
        cursor: fc.jsonValue({ maxDepth: 0 }),
        scan: fc.jsonValue({ maxDepth: 1 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(answer, async (json) => {
        vi.stubGlobal('fetch', async () => new Response(JSON.stringify(json), { status: 200, headers: { 'content-type': 'application/json' } }));
        try {
          const page = await fetchChatPage({ accountIds: [], pageSize: 100, filters: {} }, null);
          assert.ok(hasItems(json));
          assert.ok(page.chats.length <= json.items.length);
          assert.ok(page.scanned === undefined || (Number.isFinite(page.scanned) && page.scanned >= 0));
        } catch (error) {
          expectUnreadablePage(error, json, { cursorRequired: true });
        }
      }),
      RUNS,
    );
    expect(warn).toHaveBeenCalled();
  });
});

describe('muted_until and cursors', () => {
  it('muted_until in every form reads as documented, for any "now"', () => {
    const now = fc.integer({ min: 0, max: 4_000_000_000 }).map((s) => s * 1000);
    fc.assert(fc.property(mutedUntil, now, (value, at) => assert.deepEqual(readMute(value, at), expectedMute(value, at))), RUNS);
  });

  it('a cursor is opaque text; anything else ends the list, and nothing throws', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 1 }), (raw) => {
        const cursor = readCursor(raw);
        if (typeof raw === 'string') assert.equal(cursor, raw === '' ? null : raw);
        else if (typeof raw === 'number' && Number.isFinite(raw)) assert.equal(cursor, String(raw));
        else assert.equal(cursor, null);
      }),
      RUNS,
    );
  });
});

describe('account pages', () => {
  const text = fc.option(fc.string({ unit: 'binary', maxLength: 12 }), { nil: null });
  const validAccount = fc.record(
    {
      id: fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }),
      name: text,
      type: fc.oneof(fc.constantFrom('WHATSAPP', 'LINKEDIN', 'MAIL'), text),
      connection_params: fc.jsonValue({ maxDepth: 3 }),
      sources: fc.option(fc.array(fc.oneof(fc.record({ id: fc.string(), status: fc.oneof(fc.constantFrom('OK', 'ERROR', 'CREDENTIALS', 'ok'), text) }), fc.jsonValue({ maxDepth: 1 })), { maxLength: 3 }), { nil: null }),
    },
    { requiredKeys: ['id'] },
  );
  const brokenAccount = fc.oneof(
    validAccount.map(({ id: _id, ...rest }) => rest),
    fc.tuple(validAccount, fc.constantFrom<[string, fc.JsonValue]>(['id', ''], ['id', 3], ['name', 5], ['type', {}], ['sources', 'x'], ['sources', {}])).map(([a, [k, v]]) => ({ ...a, [k]: v })),
    fc.constantFrom<fc.JsonValue>(null, 'acc', 1, []),
  );

  it('fetchAccountsAnswer: valid accounts always read (once each, named), malformed ones skipped and reported, no other error', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const items = fc.array(fc.oneof(validAccount.map((a) => ({ a, ok: true })), brokenAccount.map((a) => ({ a, ok: false }))), { maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(items, fc.jsonValue({ maxDepth: 0 }), async (entries, cursor) => {
        const body = JSON.stringify({ object: 'AccountList', items: entries.map((e) => e.a), cursor });
        vi.stubGlobal('fetch', async () => new Response(body, { status: 200 }));
        warn.mockClear();
        const { accounts } = await fetchAccountsAnswer();
        const ids = [...new Set(entries.filter((e) => e.ok).map((e) => (e.a as { id: string }).id))];
        assert.deepEqual(accounts.map((a) => a.id), ids);
        for (const account of accounts) assert.ok(typeof account.name === 'string' && account.name !== '', `account ${account.id} has no name`);
        // One warning per page read (a cursor that repeats stops after the second).
        assert.ok(entries.some((e) => !e.ok) ? warn.mock.calls.length >= 1 : warn.mock.calls.length === 0);
      }),
      RUNS,
    );
  });

  it('fetchAccountsAnswer over any JSON answer: accounts or an ApiError, never anything else', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (json) => {
        vi.stubGlobal('fetch', async () => new Response(JSON.stringify(json), { status: 200 }));
        try {
          await fetchAccountsAnswer();
        } catch (error) {
          expectUnreadablePage(error, json);
        }
      }),
      RUNS,
    );
  });
});
