import { describe, expect, it } from 'vitest';
import { KNOWN_FOLDERS, KNOWN_PROVIDERS } from '../../src/lib/wire/vocabulary';
import { keyCmp } from './store/chat-table';
import { makeSim, walkChats, type ChatList } from './test-helpers.fixture';
import type { AccountJson, ChatJson, ErrorJson } from './types';

const tsOf = (c: ChatJson) => (c.timestamp === null ? NaN : Date.parse(c.timestamp));

describe('determinism', () => {
  it('same seed and anchor give the same mailbox and key; another seed gives another', async () => {
    const a = makeSim({ seed: 11, chats: 300 });
    const b = makeSim({ seed: 11, chats: 300 });
    const c = makeSim({ seed: 12, chats: 300 });
    expect(a.sim.apiKey).toBe(b.sim.apiKey);
    expect(a.sim.apiKey).not.toBe(c.sim.apiKey);
    expect(a.sim.apiKey).toMatch(/^sim_[0-9a-f]{40}$/);
    const [wa, wb, wc] = await Promise.all([walkChats(a, 'limit=250'), walkChats(b, 'limit=250'), walkChats(c, 'limit=250')]);
    expect(wa).toEqual(wb);
    expect(wa.map((x) => x.id)).not.toEqual(wc.map((x) => x.id));
    expect(wa.map((x) => x.name)).not.toEqual(wc.map((x) => x.name));
    const first = wa[0]?.id ?? '';
    const [ma, mb] = await Promise.all([a.json(`/api/v1/chats/${first}/messages?limit=250`), b.json(`/api/v1/chats/${first}/messages?limit=250`)]);
    expect(ma.body).toEqual(mb.body);
    expect((await a.json('/api/v1/accounts')).body).toEqual((await b.json('/api/v1/accounts')).body);
  });
});

describe('generated data', () => {
  const t = makeSim({ chats: 5000, seed: 42 });
  const store = t.sim.store;
  const chats = store.orderedChatIds().map((id) => store.chatJson(store.chatIndex(id)));

  it('covers every state of every field', () => {
    const share = (pred: (c: ChatJson) => boolean) => chats.filter(pred).length / chats.length;
    expect(share((c) => c.unread_count === 0)).toBeGreaterThan(0.6);
    expect(share((c) => c.unread_count >= 1 && c.unread_count <= 99)).toBeGreaterThan(0.1);
    expect(chats.some((c) => c.unread_count >= 100)).toBe(true);
    expect(share((c) => c.archived === 1)).toBeGreaterThan(0.1);
    expect(share((c) => c.archived === 1)).toBeLessThan(0.2);
    expect(share((c) => c.pinned === 1)).toBeGreaterThan(0.01);
    expect(share((c) => c.pinned === 1)).toBeLessThan(0.05);
    expect(share((c) => c.muted_until === null)).toBeGreaterThan(0.8);
    expect(chats.some((c) => c.muted_until === -1)).toBe(true);
    expect(chats.some((c) => typeof c.muted_until === 'string' && Date.parse(c.muted_until) > t.sim.store.anchor)).toBe(true);
    expect(chats.some((c) => typeof c.muted_until === 'string' && Date.parse(c.muted_until) < t.sim.store.anchor)).toBe(true);
    for (const v of [0, 1, 2] as const) {
      expect(chats.some((c) => c.read_only === v)).toBe(true);
      expect(chats.some((c) => c.type === v)).toBe(true);
    }
    expect(share((c) => c.read_only === 0)).toBeGreaterThan(0.9);
    for (const ct of ['inmail', 'sponsored', 'linkedin_offer'] as const) expect(chats.some((c) => c.content_type === ct)).toBe(true);
    expect(chats.every((c) => c.content_type === undefined || c.account_type === 'LINKEDIN')).toBe(true);
    expect(chats.some((c) => c.subject !== undefined)).toBe(true);
    for (const f of KNOWN_FOLDERS) expect(chats.some((c) => c.folder.includes(f))).toBe(true);
    const custom = chats.filter((c) => c.folder.some((f) => !(KNOWN_FOLDERS as readonly string[]).includes(f)));
    expect(custom.length).toBeGreaterThan(0);
    expect(custom.length / chats.length).toBeLessThan(0.05);
    expect(chats.filter((c) => c.account_type === 'LINKEDIN').every((c) => c.folder[0]?.startsWith('INBOX_LINKEDIN_'))).toBe(true);
    expect(chats.some((c) => c.disabledFeatures.includes('reactions'))).toBe(true);
    expect(chats.some((c) => c.disabledFeatures.includes('reply') && c.read_only !== 0)).toBe(true);
    expect(chats.every((c) => !c.disabledFeatures.includes('reply') || c.read_only !== 0)).toBe(true);
    expect(chats.some((c) => c.timestamp === null)).toBe(true);
    expect(chats.some((c) => c.name === null)).toBe(true);
    for (const type of KNOWN_PROVIDERS) expect(chats.some((c) => c.account_type === type)).toBe(true);
  });

  it('has names in many scripts, emoji, very long names and hostile markup', () => {
    const names = chats.map((c) => c.name ?? '');
    expect(names.some((n) => /[\u0590-\u05ff]/.test(n))).toBe(true); // Hebrew
    expect(names.some((n) => /[\u0600-\u06ff]/.test(n))).toBe(true); // Arabic
    expect(names.some((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true); // CJK
    expect(names.some((n) => /[\uac00-\ud7af]/.test(n))).toBe(true); // Hangul
    expect(names.some((n) => /\p{Extended_Pictographic}/u.test(n))).toBe(true);
    expect(names.some((n) => /[éèñüøłçãő]/i.test(n))).toBe(true);
    expect(names.some((n) => n.length >= 100)).toBe(true);
    expect(names).toContain('<img src=x onerror=alert(1)>');
    expect(names).toContain('<script>alert(1)</script>');
  });

  it('uses realistic provider ids', () => {
    const by = (type: string, chatType: number) => chats.filter((c) => c.account_type === type && c.type === chatType);
    expect(by('WHATSAPP', 0).every((c) => /^\d{10,15}@s\.whatsapp\.net$/.test(c.provider_id) && c.attendee_provider_id === c.provider_id)).toBe(true);
    expect(by('WHATSAPP', 1).every((c) => c.provider_id.endsWith('@g.us') && c.attendee_provider_id === undefined)).toBe(true);
    expect(by('WHATSAPP', 2).every((c) => c.provider_id.endsWith('@broadcast'))).toBe(true);
    expect(by('SLACK', 0).every((c) => /^D0[0-9A-Z]{9}$/.test(c.provider_id))).toBe(true);
    expect(by('SLACK', 1).every((c) => /^C0[0-9A-Z]{9}$/.test(c.provider_id))).toBe(true);
    expect(by('LINKEDIN', 0).every((c) => c.provider_id.startsWith('urn:li:') && c.attendee_provider_id?.startsWith('ACoAA'))).toBe(true);
    expect(chats.every((c) => /^[0-9A-Za-z]{22}$/.test(c.id))).toBe(true);
  });

  it('orders by timestamp descending, ties by id descending, null timestamps last', () => {
    for (let i = 1; i < chats.length; i++) {
      const a = chats[i - 1] as ChatJson;
      const b = chats[i] as ChatJson;
      expect(keyCmp(tsOf(a), a.id, tsOf(b), b.id)).toBeLessThan(0);
    }
    const ties = chats.filter((c, i) => i > 0 && c.timestamp !== null && c.timestamp === chats[i - 1]?.timestamp);
    expect(ties.length).toBeGreaterThan(0); // the tie-break is exercised
    expect(chats.at(-1)?.timestamp).toBeNull();
    const ages = chats.filter((c) => c.timestamp !== null).map((c) => store.anchor - tsOf(c));
    expect(Math.max(...ages)).toBeLessThanOrEqual(731 * 86_400_000);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(ages.filter((a) => a < 30 * 86_400_000).length).toBeGreaterThan(ages.filter((a) => a > 700 * 86_400_000).length * 3);
  });
});

describe('GET /chats', () => {
  const t = makeSim({ chats: 1200 });
  const store = t.sim.store;
  const all = store.orderedChatIds().map((id) => store.chatJson(store.chatIndex(id)));

  it('pages with limit (default 100) and opaque padded base64 cursors, null on the last page', async () => {
    const first = await t.json<ChatList>('/api/v1/chats');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('application/json');
    expect(first.body.object).toBe('ChatList');
    expect(first.body.items).toHaveLength(100);
    expect(first.body.cursor).toMatch(/^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
    expect((await t.json<ChatList>('/api/v1/chats?limit=250')).body.items).toHaveLength(250);
    expect((await t.json<ChatList>('/api/v1/chats?limit=1')).body.items).toHaveLength(1);
    const walked = await walkChats(t, 'limit=37');
    expect(walked.map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(new Set(walked.map((c) => c.id)).size).toBe(1200);
  });

  it('a limit on a later page overrides the one in the cursor', async () => {
    const first = await t.json<ChatList>('/api/v1/chats?limit=10');
    const second = await t.json<ChatList>(`/api/v1/chats?limit=5&cursor=${encodeURIComponent(first.body.cursor ?? '')}`);
    expect(second.body.items.map((c) => c.id)).toEqual(all.slice(10, 15).map((c) => c.id));
  });

  it('filters by unread', async () => {
    const unread = await walkChats(t, 'unread=true&limit=250');
    const read = await walkChats(t, 'unread=false&limit=250');
    expect(unread.every((c) => c.unread_count > 0)).toBe(true);
    expect(read.every((c) => c.unread_count === 0)).toBe(true);
    expect(unread.length + read.length).toBe(1200);
    expect(unread.map((c) => c.id)).toEqual(all.filter((c) => c.unread_count > 0).map((c) => c.id));
  });

  it('filters by account_type and account_id (comma list)', async () => {
    let total = 0;
    for (const type of KNOWN_PROVIDERS) {
      const items = await walkChats(t, `account_type=${type}&limit=250`);
      expect(items.every((c) => c.account_type === type)).toBe(true);
      total += items.length;
    }
    expect(total).toBe(1200);
    const [a, b] = store.accounts;
    const items = await walkChats(t, `account_id=${a?.id},${b?.id}&limit=250`);
    expect(items.map((c) => c.id)).toEqual(all.filter((c) => c.account_id === a?.id || c.account_id === b?.id).map((c) => c.id));
    expect((await t.json<ChatList>('/api/v1/chats?account_id=nope')).body.items).toEqual([]);
    const both = await walkChats(t, `account_type=LINKEDIN&account_id=${a?.id}`);
    expect(both).toEqual([]); // account 0 is WhatsApp: the filters intersect
  });

  it('filters by before/after, both exclusive', async () => {
    const pivot = all[300] as ChatJson;
    const later = all[100] as ChatJson;
    const before = await walkChats(t, `before=${pivot.timestamp}&limit=250`);
    expect(before.every((c) => c.timestamp !== null && c.timestamp < (pivot.timestamp ?? ''))).toBe(true);
    expect(before.map((c) => c.id)).toEqual(all.filter((c) => c.timestamp !== null && tsOf(c) < tsOf(pivot)).map((c) => c.id));
    const after = await walkChats(t, `after=${pivot.timestamp}&limit=250`);
    expect(after.map((c) => c.id)).toEqual(all.filter((c) => c.timestamp !== null && tsOf(c) > tsOf(pivot)).map((c) => c.id));
    const window = await walkChats(t, `after=${pivot.timestamp}&before=${later.timestamp}&limit=50`);
    expect(window.map((c) => c.id)).toEqual(all.filter((c) => tsOf(c) > tsOf(pivot) && tsOf(c) < tsOf(later)).map((c) => c.id));
  });

  it('combines filters and keeps them across the cursor walk', async () => {
    const items = await walkChats(t, 'unread=true&account_type=WHATSAPP&limit=7');
    expect(items.map((c) => c.id)).toEqual(all.filter((c) => c.unread_count > 0 && c.account_type === 'WHATSAPP').map((c) => c.id));
  });

  it.each([
    ['limit=0', 'limit'], ['limit=251', 'limit'], ['limit=abc', 'limit'], ['limit=1.5', 'limit'], ['limit=', 'limit'], ['limit=-1', 'limit'],
    ['limit=1&limit=2', 'limit'], ['before=2025-01-01', 'before'], ['before=2025-01-01T00:00:00Z', 'before'], ['after=yesterday', 'after'],
    ['after=2025-02-30T00:00:00.000Z', 'after'], ['account_type=EMAIL', 'account_type'], ['account_type=whatsapp', 'account_type'],
    ['unread=yes', 'unread'], ['unread=1', 'unread'], ['cursor=', 'cursor'], ['cursor=abc', 'cursor'], ['cursor=%21%21%21%21', 'cursor'],
    [`cursor=${Buffer.from('{"k":"chats"}').toString('base64')}`, 'cursor'], ['account_id=', 'account_id'], ['account_id=,,', 'account_id'],
  ])('rejects %s with 400 invalid_parameters naming %s', async (query, param) => {
    const res = await t.json<ErrorJson>(`/api/v1/chats?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.body).toEqual({ title: expect.any(String), detail: expect.stringContaining(param), type: 'errors/invalid_parameters', status: 400 });
  });
});

describe('GET /chats/:id and accounts', () => {
  const t = makeSim();
  const store = t.sim.store;

  it('returns the chat with object Chat and its newest message as lastMessage', async () => {
    for (const id of store.orderedChatIds().slice(0, 40)) {
      const res = await t.json<ChatJson & { lastMessage: { id: string; timestamp: string } | null }>(`/api/v1/chats/${id}`);
      expect(res.status).toBe(200);
      expect(res.body.object).toBe('Chat');
      expect(res.body.id).toBe(id);
      const messages = await t.json<{ items: { id: string }[] }>(`/api/v1/chats/${id}/messages?limit=1`);
      expect(res.body.lastMessage?.id).toBe(messages.body.items[0]?.id);
      expect(res.body.lastMessage?.timestamp).toBe(res.body.timestamp);
    }
  });

  it('a chat without timestamp has no messages and lastMessage null', async () => {
    const id = store.orderedChatIds().at(-1) ?? '';
    const res = await t.json<ChatJson & { lastMessage: unknown }>(`/api/v1/chats/${id}`);
    expect(res.body.timestamp).toBeNull();
    expect(res.body.lastMessage).toBeNull();
  });

  it('answers 404 in the envelope for an unknown chat', async () => {
    for (const id of ['nope', 'ZZZZZZZZZZZZZZZZZZZZZZ', '123@s.whatsapp.net', store.accounts[0]?.id ?? '']) {
      const res = await t.json<ErrorJson>(`/api/v1/chats/${encodeURIComponent(id)}`);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ type: 'errors/resource_not_found', status: 404 });
    }
  });

  it('lists accounts with paging, one per provider plus a disconnected second LinkedIn', async () => {
    const res = await t.json<{ object: string; items: AccountJson[]; cursor: string | null }>('/api/v1/accounts');
    expect(res.body.object).toBe('AccountList');
    expect(res.body.cursor).toBeNull();
    const items = res.body.items;
    expect(items.length).toBeGreaterThanOrEqual(7);
    expect(new Set(items.map((a) => a.type))).toEqual(new Set(KNOWN_PROVIDERS));
    const disconnected = items.filter((a) => a.sources.some((s) => s.status === 'CREDENTIALS'));
    expect(disconnected).toHaveLength(1);
    expect(disconnected[0]).toMatchObject({ type: 'LINKEDIN', name: 'LinkedIn — Old Sales' });
    expect(store.orderedChatIds().some((id) => store.chatJson(store.chatIndex(id)).account_id === disconnected[0]?.id)).toBe(true);
    const walked: AccountJson[] = [];
    let page = await t.json<{ items: AccountJson[]; cursor: string | null }>('/api/v1/accounts?limit=3');
    for (;;) {
      walked.push(...page.body.items);
      if (!page.body.cursor) break;
      page = await t.json(`/api/v1/accounts?cursor=${encodeURIComponent(page.body.cursor)}`);
    }
    expect(walked).toEqual(items);
    const one = await t.json<AccountJson>(`/api/v1/accounts/${items[1]?.id}`);
    expect(one.body).toEqual(items[1]);
    expect((await t.json<ErrorJson>('/api/v1/accounts/nope')).body).toMatchObject({ status: 404, type: 'errors/resource_not_found' });
    expect((await t.json<ErrorJson>('/api/v1/accounts?limit=0')).status).toBe(400);
  });
});
