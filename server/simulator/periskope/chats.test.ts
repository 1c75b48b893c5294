import { describe, expect, it } from 'vitest';
import { makePeriskope, walkChats } from './test-helpers.fixture';
import type { PeriskopeChatJson, PeriskopeChatListJson, PeriskopeErrorJson } from './wire';

/** GET /v1/chats: paging (from/to/count), both sort fields in both orders, the filters, the x-phone scope. */

const t = makePeriskope();
const list = (query: string, init?: RequestInit) => t.json<PeriskopeChatListJson>(`/v1/chats?${query}`, init);
const ids = (chats: PeriskopeChatJson[]) => chats.map((c) => c.chat_id);
const latest = (c: PeriskopeChatJson) => c.latest_message_timestamp;
const created = (c: PeriskopeChatJson) => Date.parse(c.created_at);

/** Keys in list order are ordered as `order` says, ties by chat_id the same way, chats without a key last. */
function expectSorted(chats: PeriskopeChatJson[], key: (c: PeriskopeChatJson) => number | null, order: 'asc' | 'desc') {
  const sign = order === 'asc' ? 1 : -1;
  for (let i = 1; i < chats.length; i++) {
    const a = chats[i - 1]!;
    const b = chats[i]!;
    const ka = key(a);
    const kb = key(b);
    if (ka === null) expect(kb, `${b.chat_id} after a chat without a value`).toBeNull();
    else if (kb !== null && ka === kb) expect(sign > 0 ? a.chat_id < b.chat_id : a.chat_id > b.chat_id, `tie ${a.chat_id} ${b.chat_id}`).toBe(true);
    else if (kb !== null) expect(sign * (kb - ka)).toBeGreaterThan(0);
  }
}

describe('GET /v1/chats', () => {
  it('answers every chat on one default page, numbered from 1 like the seed', async () => {
    const res = await list('');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: 1, to: 300, count: 300 });
    expect(res.body.chats).toHaveLength(300);
    expect(new Set(ids(res.body.chats)).size).toBe(300);
    // The list leaves members out, as the seed says.
    expect(res.body.chats.every((c) => c.members === null)).toBe(true);
  });

  it('pages by offset and limit: from/to name the page, count every match, pages join up to the whole list', async () => {
    const page = await list('sort_by=latest_message_timestamp&offset=40&limit=25');
    expect(page.body).toMatchObject({ from: 41, to: 65, count: 300 });
    const whole = (await list('sort_by=latest_message_timestamp')).body.chats;
    expect(ids(page.body.chats)).toEqual(ids(whole.slice(40, 65)));
    const walked = await walkChats(t, 'sort_by=latest_message_timestamp', 70);
    expect(ids(walked)).toEqual(ids(whole));
    const past = await list('offset=300&limit=10');
    expect(past.body.chats).toEqual([]);
    expect(past.body.count).toBe(300);
  });

  it.each([
    ['latest_message_timestamp', 'desc'],
    ['latest_message_timestamp', 'asc'],
    ['created_at', 'desc'],
    ['created_at', 'asc'],
  ] as const)('sorts by %s %s (chats without messages last)', async (sortBy, order) => {
    const chats = (await list(`sort_by=${sortBy}&sort_order=${order}`)).body.chats;
    expectSorted(chats, sortBy === 'created_at' ? created : latest, order);
    if (sortBy === 'latest_message_timestamp') {
      const none = chats.filter((c) => c.latest_message === null);
      expect(none.length).toBeGreaterThan(0);
      expect(chats.slice(-none.length).every((c) => c.latest_message === null)).toBe(true);
    }
  });

  it('orders chats with the same time by chat_id, the way the sort goes', async () => {
    // Enough chats for several to share a second at the busy top of the list.
    const big = makePeriskope({ chats: 5000 });
    for (const order of ['desc', 'asc'] as const) {
      const chats = (await big.json<PeriskopeChatListJson>(`/v1/chats?sort_by=latest_message_timestamp&sort_order=${order}`)).body.chats;
      const ties = chats.filter((c, i) => c.latest_message_timestamp !== null && chats[i - 1]?.latest_message_timestamp === c.latest_message_timestamp);
      expect(ties.length).toBeGreaterThan(0);
      expectSorted(chats, latest, order);
    }
  });

  it('sorts by created_at, newest first, by default', async () => {
    expect(ids((await list('')).body.chats)).toEqual(ids((await list('sort_by=created_at&sort_order=desc')).body.chats));
  });

  it('agrees with itself across sort fields: a chat without messages is older than every message', async () => {
    const chats = (await list('sort_by=latest_message_timestamp')).body.chats;
    const oldestMessage = Math.min(...chats.flatMap((c) => (c.latest_message_timestamp === null ? [] : [c.latest_message_timestamp])));
    for (const c of chats.filter((ch) => ch.latest_message === null)) expect(created(c)).toBeLessThan(oldestMessage);
  });

  it('filters by chat_type (individual is user)', async () => {
    for (const type of ['user', 'group', 'business'] as const) {
      const res = await list(`chat_type=${type}`);
      expect(res.body.count).toBeGreaterThan(0);
      expect(res.body.chats.every((c) => c.chat_type === type)).toBe(true);
      expect(res.body.chats.every((c) => c.chat_id.endsWith(type === 'group' ? '@g.us' : '@c.us'))).toBe(true);
    }
    expect(ids((await list('chat_type=individual')).body.chats)).toEqual(ids((await list('chat_type=user')).body.chats));
    const bad = await t.json<PeriskopeErrorJson>('/v1/chats?chat_type=channel');
    expect(bad.status).toBe(422);
    expect(bad.body.fields?.chat_type?.value).toBe('channel');
  });

  it('filters by label, given as its name (any case) or its id', async () => {
    const label = t.sim.store.org.labels.find((l) => l.name === 'Leads')!;
    const byName = await list('label=Leads');
    expect(byName.body.count).toBeGreaterThan(0);
    expect(byName.body.chats.every((c) => c.label_ids.Leads === true)).toBe(true);
    expect(ids((await list('label=leads')).body.chats)).toEqual(ids(byName.body.chats));
    expect(ids((await list(`label=${label.id}`)).body.chats)).toEqual(ids(byName.body.chats));
    const all = (await list('')).body.chats;
    expect(byName.body.count).toBe(all.filter((c) => c.label_ids.Leads).length);
    expect((await list('label=Nope')).body.count).toBe(0);
  });

  it('bounds the sort field with start_time and end_time, inclusive', async () => {
    const chats = (await list('sort_by=latest_message_timestamp')).body.chats;
    const hi = chats[10]!.latest_message_timestamp!;
    const lo = chats[30]!.latest_message_timestamp!;
    const res = await list(`sort_by=latest_message_timestamp&start_time=${new Date(lo).toISOString()}&end_time=${new Date(hi).toISOString()}`);
    expect(ids(res.body.chats)).toEqual(ids(chats.filter((c) => c.latest_message_timestamp !== null && c.latest_message_timestamp >= lo && c.latest_message_timestamp <= hi)));
    const day = new Date(hi).toISOString().slice(0, 10);
    const byDay = await list(`sort_by=latest_message_timestamp&start_time=${day}&end_time=${day}`);
    expect(byDay.body.count).toBeGreaterThan(0);
    expect(byDay.body.chats.every((c) => new Date(c.latest_message_timestamp!).toISOString().startsWith(day))).toBe(true);
    const bad = await t.json<PeriskopeErrorJson>('/v1/chats?start_time=yesterday');
    expect(bad.status).toBe(422);
    expect(bad.body.fields?.start_time).toBeDefined();
  });

  it('answers one chat, with its members, for chat_id', async () => {
    const chat = (await list('chat_type=group')).body.chats[0]!;
    const res = await list(`chat_id=${encodeURIComponent(chat.chat_id)}`);
    expect(res.body.count).toBe(1);
    expect(res.body.chats[0]!.chat_id).toBe(chat.chat_id);
    expect(Object.keys(res.body.chats[0]!.members ?? {})).toHaveLength(chat.member_count);
  });

  it('scopes to the x-phone phone, named by number, by org_phone or by phone_id', async () => {
    const [a, b] = t.sim.store.phones;
    const onA = await list('', { headers: { 'x-phone': a!.number } });
    const onB = await list('', { headers: { 'x-phone': b!.phoneId } });
    expect(onA.body.count).toBeGreaterThan(0);
    expect(onB.body.count).toBeGreaterThan(0);
    expect(onA.body.count + onB.body.count).toBe(300);
    expect(onA.body.chats.every((c) => c.org_phone === a!.orgPhone)).toBe(true);
    expect(onB.body.chats.every((c) => c.org_phone === b!.orgPhone && c.chat_org_phones.includes(b!.orgPhone))).toBe(true);
    expect(ids((await list('', { headers: { 'x-phone': a!.orgPhone } })).body.chats)).toEqual(ids(onA.body.chats));
  });

  it('refuses a limit over 2000 with the seed\'s own 422 body, and takes 2000', async () => {
    const res = await t.json<PeriskopeErrorJson>('/v1/chats?limit=10000');
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'Limit should be less than 2000',
      name: 'Validation Error',
      status: 422,
      fields: { limit: { message: 'Limit should be less than 2000', value: '10000' } },
    });
    expect((await list('limit=2000')).status).toBe(200);
    for (const bad of ['limit=0', 'limit=ten', 'offset=-1', 'sort_by=name', 'sort_order=up', 'limit=5&limit=6']) {
      expect((await t.json(`/v1/chats?${bad}`)).status, bad).toBe(422);
    }
  });

  it('holds the states an inbox must show', async () => {
    const chats = (await list('')).body.chats;
    const some = (pred: (c: PeriskopeChatJson) => boolean) => chats.filter(pred).length;
    expect(some((c) => (c.message_unread_count ?? 0) > 0)).toBeGreaterThan(10);
    expect(some((c) => c.message_unread_count === null)).toBeGreaterThan(0);
    expect(some((c) => c.latest_message === null && c.latest_message_timestamp === null)).toBeGreaterThan(0);
    expect(some((c) => c.chat_type === 'user' && c.chat_name === null)).toBeGreaterThan(0);
    expect(some((c) => c.is_muted)).toBeGreaterThan(0);
    expect(some((c) => Object.keys(c.label_ids).length > 0)).toBeGreaterThan(0);
    expect(some((c) => c.latest_message?.message_type === 'image' || c.latest_message?.message_type === 'document')).toBeGreaterThan(0);
    expect(chats.every((c) => c.is_exited === false)).toBe(true);
    // An unread chat's newest message is someone else's.
    expect(chats.filter((c) => (c.message_unread_count ?? 0) > 0).every((c) => c.latest_message?.from_me === false)).toBe(true);
    expect(chats.every((c) => /^(\d{8,15}@c\.us|120363\d{12}@g\.us)$/.test(c.chat_id))).toBe(true);
  });
});
