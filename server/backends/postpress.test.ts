import { describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator';
import { postpressDialect, POSTPRESS_SIMULATOR_ROOT } from '../simulator/postpress-dialect';
import { jsonResponse, recordingFetch } from './fake-upstream.fixture';
import { createPostpressBackend } from './postpress';

const KEY = 'pp_live_0123456789abcdef';

describe('the postpress adapter', () => {
  it('sends the Unipile routes under its base (either form) with X-API-KEY, and nothing the browser sent', async () => {
    for (const apiRoot of ['https://api.postpress.ai/v1', 'https://api.postpress.ai/api/v1']) {
      const upstream = recordingFetch(() => jsonResponse({ object: 'ChatList', items: [], cursor: null }));
      const backend = createPostpressBackend({ apiRoot, host: 'api.postpress.ai', apiKey: KEY, timeoutMs: 2_000, fetch: upstream.fetch });
      await backend.request({ method: 'GET', path: '/api/v1/chats', query: new URLSearchParams({ limit: '5' }) });
      const [call] = upstream.calls;
      expect(call?.url.toString()).toBe(`${apiRoot}/chats?limit=5`);
      expect(call?.headers.get('x-api-key')).toBe(KEY);
      expect(call?.headers.get('authorization')).toBeNull();
      expect(backend.kind).toBe('postpress');
    }
  });

  it('scrubs the key from whatever postpress echoes', async () => {
    const upstream = recordingFetch((req) => jsonResponse({ title: 'Unauthorized', detail: `bad key ${req.headers.get('x-api-key')}`, type: 'errors/invalid_credentials', status: 401 }, 401));
    const backend = createPostpressBackend({ apiRoot: 'https://api.postpress.ai/v1', host: 'api.postpress.ai', apiKey: KEY, timeoutMs: 2_000, fetch: upstream.fetch });
    const text = await (await backend.request({ method: 'GET', path: '/api/v1/chats' })).text();
    expect(text).not.toContain(KEY);
    expect(text).toContain('[redacted]');
  });

  describe('against the simulator in postpress’s dialect', () => {
    const simulator = createSimulator({ chats: 30, seed: 3, latencyMs: 0, faultRate: 0 });
    const dialect = postpressDialect(simulator);
    const backend = createPostpressBackend({ apiRoot: POSTPRESS_SIMULATOR_ROOT, host: 'embedded simulator', apiKey: simulator.apiKey, timeoutMs: 2_000, fetch: dialect.fetch, simulated: true });

    it('lists chats and accounts, and reads one chat', async () => {
      const list = await backend.request({ method: 'GET', path: '/api/v1/chats', query: new URLSearchParams({ limit: '10' }) });
      expect(list.status).toBe(200);
      const body = (await list.json()) as { items: { id: string }[]; cursor: string | null };
      expect(body.items).toHaveLength(10);
      expect(body.cursor).toEqual(expect.any(String));
      const first = body.items[0]!.id;
      expect((await backend.request({ method: 'GET', path: `/api/v1/chats/${encodeURIComponent(first)}` })).status).toBe(200);
      expect((await backend.request({ method: 'GET', path: '/api/v1/accounts' })).status).toBe(200);
    });

    it('a route postpress answers 404 is "not offered by postpress" (501 in the envelope), a missing chat stays a 404', async () => {
      const cases = [
        [{ method: 'GET', path: '/api/v1/chats/abc/messages' }, 'Reading a chat’s messages is not offered by postpress.'],
        [{ method: 'PATCH', path: '/api/v1/chats/abc', body: '{"action":"setReadStatus","value":true}', contentType: 'application/json' }, 'Changing a chat (read, mute, archive, pin) is not offered by postpress.'],
        [{ method: 'POST', path: '/api/v1/chats/abc/messages', body: '{"text":"hi"}', contentType: 'application/json' }, 'Replying is not offered by postpress.'],
        [{ method: 'GET', path: '/api/v1/chats/abc/attendees' }, 'Listing a chat’s attendees is not offered by postpress.'],
        [{ method: 'GET', path: '/api/v1/messages' }, 'Listing recent messages is not offered by postpress.'],
      ] as const;
      for (const [req, detail] of cases) {
        const response = await backend.request(req);
        expect(response.status, req.path).toBe(501);
        expect(await response.json()).toEqual({ title: 'Not offered', detail, type: 'errors/not_offered', status: 501 });
      }
      const missing = await backend.request({ method: 'GET', path: '/api/v1/chats/no-such-chat' });
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ type: 'errors/resource_not_found' });
    });
  });
});
