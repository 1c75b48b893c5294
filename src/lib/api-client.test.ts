import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiGet, parseRetryAfter } from './api-client';
import { apiPatch } from './api-write';

afterEach(() => vi.unstubAllGlobals());

const respond = (body: string, status = 200, statusText = '') => vi.fn(async () => new Response(body, { status, statusText }));

describe('apiGet', () => {
  it('calls the same-origin path with the query and passes the abort signal on', async () => {
    const fetchMock = respond('{"ok":true}');
    vi.stubGlobal('fetch', fetchMock);
    const controller = new AbortController();
    await expect(apiGet('/api/v1/chats', { query: new URLSearchParams({ limit: '2' }), signal: controller.signal })).resolves.toEqual({ ok: true });
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/chats?limit=2', expect.objectContaining({ signal: controller.signal }));
  });

  it('refuses anything but a same-origin API path', async () => {
    await expect(apiGet('https://evil.example/api/v1/chats')).rejects.toThrow(/same-origin/);
    await expect(apiGet('//evil.example/api/')).rejects.toThrow(/same-origin/);
  });

  it('turns an error envelope into a typed ApiError', async () => {
    const envelope = { status: 401, type: 'errors/disconnected_account', title: 'Disconnected account', detail: 'The account appears to be disconnected.' };
    vi.stubGlobal('fetch', respond(JSON.stringify(envelope), 401));
    const error = await apiGet('/api/v1/chats').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, type: 'errors/disconnected_account', title: 'Disconnected account', detail: 'The account appears to be disconnected.' });
  });

  it('types a non-JSON error by its status', async () => {
    vi.stubGlobal('fetch', respond('<html>bad gateway</html>', 502, 'Bad Gateway'));
    await expect(apiGet('/api/v1/chats')).rejects.toMatchObject({ status: 502, type: 'http/502', title: 'Bad Gateway' });
  });

  it('reports a network failure as an ApiError, but lets a cancellation through', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(apiGet('/api/v1/chats')).rejects.toMatchObject({ status: 0, type: 'client/network_error' });

    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('aborted', 'AbortError');
    vi.stubGlobal('fetch', vi.fn(async () => { throw abort; }));
    await expect(apiGet('/api/v1/chats', { signal: controller.signal })).rejects.toBe(abort);
  });

  it('rejects a 200 that is not JSON', async () => {
    vi.stubGlobal('fetch', respond('<!doctype html>'));
    await expect(apiGet('/api/v1/chats')).rejects.toMatchObject({ type: 'client/invalid_response' });
  });
});

describe('Retry-After', () => {
  const now = Date.UTC(2026, 11, 1, 9, 0, 0);

  it.each([
    ['1', 1_000],
    ['0', 0],
    [' 120 ', 120_000],
    ['Tue, 01 Dec 2026 09:00:30 GMT', 30_000],
    // A date already past means "now", not a negative wait.
    ['Tue, 01 Dec 2026 08:59:00 GMT', 0],
  ])('%j → %i ms', (value, ms) => expect(parseRetryAfter(value, now)).toBe(ms));

  it.each([null, undefined, '', '-1', '1.5', 'soon', '2026-12-01T09:00:30Z', 'Tue, 32 Dec 2026 09:00:30 GMT'])('%j is no wait at all', (value) =>
    expect(parseRetryAfter(value, now)).toBeUndefined(),
  );

  it('is carried by the ApiError of a 429 and of a write', async () => {
    const envelope = JSON.stringify({ status: 429, type: 'errors/too_many_requests', title: 'Too many requests' });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(envelope, { status: 429, headers: { 'retry-after': '2' } })));
    await expect(apiGet('/api/v1/chats')).rejects.toMatchObject({ status: 429, retryAfterMs: 2_000 });
    await expect(apiPatch('/api/v1/chats/x', { action: 'setReadStatus', value: true })).rejects.toMatchObject({ status: 429, retryAfterMs: 2_000 });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(envelope, { status: 503 })));
    await expect(apiGet('/api/v1/chats')).rejects.toMatchObject({ status: 503, retryAfterMs: undefined });
  });
});
