import { describe, expect, it } from 'vitest';
import { createApiRoutes } from '../../routes/api';
import { UpstreamTimeoutError } from '../types';
import { at, fakeChat, fakeMember, type FakeMember } from './fake-member.fixture';
import { createRegistry } from './index';

/* The registry behind the real /api/v1 routes: what the browser sees of several backends at once. */

function apiOver(members: FakeMember[]) {
  return createApiRoutes({ backend: createRegistry(members) });
}

const spread = (prefix: string, count: number, offset: number) =>
  Array.from({ length: count }, (_, i) => fakeChat(`${prefix}${i}`, at(i * 2 + offset), { ...(i % 2 === 0 ? { name: `Pinned ${i}` } : {}) }));

describe('the merged backend behind the routes', () => {
  it('answers a malformed merged cursor with 400 naming the cursor', async () => {
    const api = apiOver([fakeMember('unipile'), fakeMember('periskope')]);
    const response = await api.request('/chats?cursor=bm9wZQ');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ type: 'errors/invalid_parameters', detail: expect.stringMatching(/^cursor: /) });
  });

  it('routes a chat id with @ to its backend, and answers 404 for an id naming none', async () => {
    const periskope = fakeMember('periskope', { chats: [fakeChat('120363@g.us', at(1))] });
    const api = apiOver([fakeMember('unipile'), periskope]);
    const response = await api.request(`/chats/${encodeURIComponent('periskope~120363@g.us')}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 'periskope~120363@g.us' });
    expect(periskope.calls.at(-1)?.path).toBe('/api/v1/chats/120363%40g.us');
    expect((await api.request('/chats/whatsapp~1')).status).toBe(404);
  });

  it('names a backend that stays down on every page of a filtered (scanned) list', async () => {
    const unipile = fakeMember('unipile', { chats: spread('u', 30, 0) });
    const periskope = fakeMember('periskope', { chats: spread('p', 30, 1) });
    periskope.failWith = () => new UpstreamTimeoutError('late');
    const api = apiOver([unipile, periskope]);
    let cursor: string | null = null;
    const ids: string[] = [];
    for (let n = 0; n < 50; n++) {
      const response = await api.request(`/chats?q=pinned&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: { id: string }[]; cursor: string | null; unavailable?: { backend: string; status: number }[] };
      expect(page.unavailable).toEqual([expect.objectContaining({ backend: 'periskope', status: 504 })]);
      ids.push(...page.items.map((c) => c.id));
      if (page.cursor === null) break;
      cursor = page.cursor;
    }
    expect(ids).toEqual(unipile.chats.filter((_, i) => i % 2 === 0).map((c) => `unipile~${c.id}`));
  });

  it('answers the first failure with its status when every backend fails', async () => {
    const unipile = fakeMember('unipile');
    const periskope = fakeMember('periskope');
    unipile.failWith = () => new UpstreamTimeoutError('late');
    periskope.failWith = () => new UpstreamTimeoutError('late too');
    const api = apiOver([unipile, periskope]);
    for (const path of ['/chats', '/accounts', '/messages']) {
      const response = await api.request(path);
      expect(response.status).toBe(504);
      expect(await response.json()).toMatchObject({ type: 'errors/request_timeout' });
    }
  });
});
