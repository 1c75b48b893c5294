import assert from 'node:assert/strict';
import { createApp } from '../app';
import { jsonResponse, recordingFetch, type Responder } from '../backends/fake-upstream.fixture';
import { createUnipileBackend } from '../backends/unipile';
import { loadConfig, type Config } from '../config';

/* Tests only: the real app in-process over a recording fake upstream (api.test.ts and the property tests). */

const API_KEY = 'sk_live_property-tests-key-0123456789';
const ORIGIN = 'https://api9.unipile.test:13111';

/** An empty page for JSON routes (every list, and the filtered scan, accepts it and stops); a tiny PNG for files. */
const emptyPage: Responder = (request) =>
  /\/picture$|\/attachments\//.test(new URL(request.url).pathname)
    ? new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { headers: { 'content-type': 'image/png' } })
    : jsonResponse({ object: 'List', items: [], cursor: null });

export interface ProxyUnderTestOptions {
  apiKey?: string;
  timeoutMs?: number;
  /** A transport of the test's own instead of the recording one (which then records nothing). */
  fetch?: (request: Request) => Promise<Response>;
}

/** `errors` holds the error log lines, `logs` every log line. */
export function proxyUnderTest(respond: Responder = emptyPage, { apiKey = API_KEY, timeoutMs = 5_000, fetch }: ProxyUnderTestOptions = {}) {
  const upstream = recordingFetch(respond);
  const config: Config = { ...loadConfig({ UNIPILE_DSN: ORIGIN, UNIPILE_API_KEY: apiKey, UPSTREAM_TIMEOUT_MS: String(timeoutMs) }), port: 0 };
  const backend = createUnipileBackend({
    kind: 'unipile',
    baseUrl: ORIGIN,
    host: config.backends[0]?.host ?? '',
    apiKey,
    timeoutMs: config.upstreamTimeoutMs,
    fetch: fetch ?? upstream.fetch,
  });
  const errors: string[] = [];
  const logs: string[] = [];
  const logger = { info: (m: string) => logs.push(m), error: (m: string) => (logs.push(m), errors.push(m)) };
  const app = createApp({ config, backend, logger });
  return { app, upstream, errors, logs };
}

export interface Envelope {
  title: string;
  detail: string;
  type: string;
  status: number;
}

/**
 * The response is exactly Unipile's error envelope, with `status` and `type` as given; returns it. (node:assert, not
 * expect: this runs thousands of times a property, and expect costs ~20 µs a call.)
 */
export async function expectEnvelope(response: Response, status: number, type: string): Promise<Envelope> {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const body = (await response.json()) as Envelope;
  assert.deepEqual(Object.keys(body).sort(), ['detail', 'status', 'title', 'type']);
  assert.ok(typeof body.title === 'string' && typeof body.detail === 'string', JSON.stringify(body));
  assert.deepEqual([body.type, body.status], [type, status]);
  return body;
}

/** The name a 400's detail starts with (`<param>: <why>`). */
export function namedParam(envelope: Envelope): string {
  const colon = envelope.detail.indexOf(':');
  return colon === -1 ? '' : envelope.detail.slice(0, colon);
}
