import { describe, expect, it } from 'vitest';
import { jsonResponse, recordingFetch } from '../backends/fake-upstream.fixture';
import { createUnipileBackend } from '../backends/unipile';
import type { UpstreamRequest } from '../backends/types';
import { createApiRoutes } from '../routes/api';
import { registerWebhooks, WebhookRegistrationError, WEBHOOK_NAMES } from './register';

const API_KEY = 'unipile-key-0123456789';
const SECRET = 'whsec-abcdef0123456789';
const PUBLIC_URL = 'https://triage.example.com/';
const URL_OF_OURS = 'https://triage.example.com/webhooks/unipile';

interface StoredWebhook {
  object: 'Webhook';
  type: 'AUTO';
  id: string;
  name?: string;
  source?: string;
  request_url: string;
  headers: { key: string; value: string }[];
  enabled: boolean;
  format: 'json';
  account_ids: never[];
  data: never[];
}

/** Unipile's webhook routes over a list the test can seed; one webhook per page, so the cursor is followed. */
function fakeUnipile(seed: StoredWebhook[] = [], options: { listsSource?: boolean } = {}) {
  const webhooks = [...seed];
  const recorder = recordingFetch(async (request) => {
    const url = new URL(request.url);
    if (request.headers.get('x-api-key') !== API_KEY) return jsonResponse({ status: 401, type: 'errors/missing_credentials' }, 401);
    if (url.pathname !== '/api/v1/webhooks') return jsonResponse({ status: 404 }, 404);
    if (request.method === 'GET') {
      const from = Number(url.searchParams.get('cursor') ?? 0);
      const items = webhooks.slice(from, from + 1);
      return jsonResponse({ object: 'WebhookList', items, cursor: from + 1 < webhooks.length ? String(from + 1) : null });
    }
    const body = JSON.parse(recorder.calls.at(-1)?.body ?? '{}') as StoredWebhook & { source: string };
    const id = `wh-${webhooks.length + 1}`;
    const { source, ...rest } = body;
    webhooks.push({ ...rest, ...(options.listsSource ? { source } : {}), object: 'Webhook', type: 'AUTO', id, enabled: true, format: 'json', account_ids: [], data: [] });
    return jsonResponse({ object: 'WebhookCreated', webhook_id: id }, 201);
  });
  const backend = (apiKey = API_KEY) =>
    createUnipileBackend({ kind: 'unipile', baseUrl: 'https://api1.unipile.test:13111', host: 'api1.unipile.test', apiKey, timeoutMs: 2_000, fetch: recorder.fetch });
  return { webhooks, calls: recorder.calls, backend };
}

const someoneElses = (id: string, url = 'https://crm.example.com/hook'): StoredWebhook => ({
  object: 'Webhook', type: 'AUTO', id, name: 'crm', request_url: url, headers: [], enabled: true, format: 'json', account_ids: [], data: [],
});

describe('registerWebhooks', () => {
  it.each([
    ['a list that names no source', false],
    ['a list that says the source', true],
  ])('creates messaging and account-status webhooks once; a restart creates none (%s)', async (_name, listsSource) => {
    const upstream = fakeUnipile([someoneElses('wh-crm'), someoneElses('wh-crm-2')], { listsSource });
    const first = await registerWebhooks(upstream.backend(), { publicUrl: PUBLIC_URL, secret: SECRET });
    expect(first).toEqual({ created: ['wh-3', 'wh-4'], existing: [], stale: [] });

    const posts = upstream.calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => JSON.parse(c.body ?? '{}') as unknown)).toEqual([
      {
        name: WEBHOOK_NAMES.messaging,
        source: 'messaging',
        request_url: URL_OF_OURS,
        format: 'json',
        enabled: true,
        headers: [{ key: 'X-Webhook-Secret', value: SECRET }],
        events: ['message_received', 'message_read', 'message_reaction', 'message_edited', 'message_deleted', 'message_delivered'],
      },
      { name: WEBHOOK_NAMES.account_status, source: 'account_status', request_url: URL_OF_OURS, format: 'json', enabled: true, headers: [{ key: 'X-Webhook-Secret', value: SECRET }] },
    ]);
    expect(posts.every((c) => c.headers.get('content-type') === 'application/json')).toBe(true);

    upstream.calls.length = 0;
    // A new process: a new backend, the same upstream.
    const second = await registerWebhooks(upstream.backend(), { publicUrl: PUBLIC_URL, secret: SECRET });
    expect(second).toEqual({ created: [], existing: ['wh-3', 'wh-4'], stale: [] });
    expect(upstream.calls.filter((c) => c.method === 'POST')).toEqual([]);
    // Every page of the list was read (one webhook per page here).
    expect(upstream.calls.filter((c) => c.method === 'GET')).toHaveLength(4);
    expect(upstream.webhooks).toHaveLength(4);
  });

  it('creates only the missing one', async () => {
    const upstream = fakeUnipile();
    await registerWebhooks(upstream.backend(), { publicUrl: PUBLIC_URL, secret: SECRET });
    upstream.webhooks.splice(1, 1); // someone deleted the account-status webhook in Unipile's dashboard
    const result = await registerWebhooks(upstream.backend(), { publicUrl: PUBLIC_URL, secret: SECRET });
    expect(result).toEqual({ created: ['wh-2'], existing: ['wh-1'], stale: [] });
    expect(upstream.webhooks.map((w) => w.name)).toEqual([WEBHOOK_NAMES.messaging, WEBHOOK_NAMES.account_status]);
  });

  it('a webhook of ours with an old secret is reported stale and replaced', async () => {
    const upstream = fakeUnipile();
    await registerWebhooks(upstream.backend(), { publicUrl: PUBLIC_URL, secret: 'the-old-secret' });
    const result = await registerWebhooks(upstream.backend(), { publicUrl: PUBLIC_URL, secret: SECRET });
    expect(result).toEqual({ created: ['wh-3', 'wh-4'], existing: [], stale: ['wh-1', 'wh-2'] });
  });

  it('a webhook at another URL (another deployment) is not ours', async () => {
    const upstream = fakeUnipile();
    await registerWebhooks(upstream.backend(), { publicUrl: 'https://staging.example.com', secret: SECRET });
    const result = await registerWebhooks(upstream.backend(), { publicUrl: PUBLIC_URL, secret: SECRET });
    expect(result.created).toHaveLength(2);
    expect(result.existing).toEqual([]);
  });

  it('fails with a clear error, without the secret, when Unipile refuses', async () => {
    const upstream = fakeUnipile();
    const error = await registerWebhooks(upstream.backend('a-revoked-key'), { publicUrl: PUBLIC_URL, secret: SECRET }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookRegistrationError);
    expect(String(error)).toContain('401');
    expect(String(error)).not.toContain(SECRET);
    expect(upstream.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});

describe("the browser's proxy", () => {
  it('has no route to the webhook API: listing or creating webhooks through /api/v1 is a 404, never sent upstream', async () => {
    const sent: UpstreamRequest[] = [];
    const api = createApiRoutes({ backend: { kind: 'unipile', simulated: false, host: 'api1.unipile.test', request: (req) => (sent.push(req), Promise.resolve(Response.json({}))) } });
    const body = JSON.stringify({ source: 'messaging', request_url: 'https://evil.example/hook' });
    const attempts = [['GET', '/webhooks'], ['POST', '/webhooks'], ['GET', '/webhooks/wh-1'], ['DELETE', '/webhooks/wh-1'], ['POST', '/webhooks/../webhooks']] as const;
    for (const [method, path] of attempts) {
      const res = await api.request(path, { method, headers: { 'content-type': 'application/json' }, ...(method === 'POST' ? { body } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect(sent).toEqual([]);
  });
});
