import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from './simulator';

/*
 * The "done when" check of the foundation, from outside: Triage as a real process (`server/main.ts`), configured with
 * UNIPILE_DSN/UNIPILE_API_KEY pointing at a Unipile-compatible server (the simulator on a port of its own). Every
 * listed route reaches it with the key, nothing else does, and the key shows in no response, header or log line;
 * a production build made with the key in its environment holds it in no asset either.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const simulator = createSimulator({ chats: 300, seed: 3, latencyMs: 0, faultRate: 0 });
const KEY = simulator.apiKey;
const seen: { method: string; path: string; key: string | null }[] = [];
let upstream: ServerType;
let triage: ChildProcess;
let base = '';
let output = '';

beforeAll(async () => {
  upstream = serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch: (request: Request) => {
      const url = new URL(request.url);
      seen.push({ method: request.method, path: url.pathname, key: request.headers.get('x-api-key') });
      return simulator.fetch(request);
    },
  });
  await once(upstream, 'listening');
  const upstreamPort = (upstream.address() as AddressInfo).port;
  triage = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'server', 'main.ts')], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', UNIPILE_DSN: `http://127.0.0.1:${upstreamPort}`, UNIPILE_API_KEY: KEY, LOG_REQUESTS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  triage.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  triage.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const started = Date.now();
  while (!/listening on (http:\/\/\S+)/.test(output)) {
    if (Date.now() - started > 30_000 || triage.exitCode !== null) throw new Error(`triage did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  base = /listening on (http:\/\/\S+)/.exec(output)?.[1] ?? '';
}, 60_000);

afterAll(async () => {
  triage?.kill('SIGTERM');
  if (triage && triage.exitCode === null) await once(triage, 'exit');
  upstream?.close();
});

describe('Triage proxying to a Unipile-compatible server (UNIPILE_DSN + UNIPILE_API_KEY)', () => {
  it('forwards every listed route with the key, and nothing else; the key is in no response or log line', async () => {
    const chats = (await (await fetch(`${base}/api/v1/chats?limit=5`)).json()) as { items: { id: string }[] };
    const chatId = chats.items[0]?.id ?? '';
    const messages = (await (await fetch(`${base}/api/v1/chats/${chatId}/messages?limit=50`)).json()) as { items: { id: string; attachments: { id: string }[] }[] };
    const withAttachment = messages.items.find((m) => m.attachments.length > 0);
    const accounts = (await (await fetch(`${base}/api/v1/accounts`)).json()) as { items: { id: string }[] };
    const attendees = (await (await fetch(`${base}/api/v1/chats/${chatId}/attendees`)).json()) as { items: { id: string }[] };
    const json = { 'content-type': 'application/json', origin: base };

    const allowed: [string, string, RequestInit?][] = [
      ['GET', '/api/v1/accounts'],
      ['GET', `/api/v1/accounts/${accounts.items[0]?.id}`],
      ['GET', '/api/v1/chats?unread=true&limit=3'],
      ['GET', `/api/v1/chats/${chatId}`],
      ['PATCH', `/api/v1/chats/${chatId}`, { method: 'PATCH', headers: json, body: JSON.stringify({ action: 'setPinnedStatus', value: true }) }],
      ['GET', `/api/v1/chats/${chatId}/messages`],
      ['POST', `/api/v1/chats/${chatId}/messages`, { method: 'POST', headers: json, body: JSON.stringify({ text: 'hello from the key test' }) }],
      ['GET', `/api/v1/chats/${chatId}/attendees`],
      ['GET', `/api/v1/chat_attendees/${attendees.items[0]?.id}/picture`],
      ...(withAttachment ? [['GET', `/api/v1/messages/${withAttachment.id}/attachments/${withAttachment.attachments[0]?.id}`] as [string, string]] : []),
    ];
    const refused: [string, RequestInit?][] = [
      ['/api/v1/webhooks'],
      ['/api/v1/users/me'],
      [`/api/v1/chats/${chatId}`, { method: 'DELETE' }],
      ['/api/v1/chats?limit=999'],
      ['/api/v1/chats?account_type=FAX'],
      ['/api/v2/chats'],
    ];

    seen.length = 0;
    for (const [method, path, init] of allowed) {
      const response = await fetch(base + path, { ...init, headers: { ...(init?.headers as Record<string, string>), 'x-api-key': 'browser-sent-key', cookie: 'session=browser' } });
      // An attendee without a picture is the upstream's 404, passed through: still forwarded, still with the key.
      expect(response.status, `${method} ${path}`).toBeLessThan(path.endsWith('/picture') ? 500 : 400);
      const body = Buffer.from(await response.arrayBuffer()).toString('latin1');
      expect(body, path).not.toContain(KEY);
      for (const [name, value] of response.headers) expect(`${name}: ${value}`).not.toContain(KEY);
    }
    const forwarded = seen.splice(0);
    expect(forwarded.map((r) => r.method)).toEqual(allowed.map(([method]) => method));
    for (const request of forwarded) expect(request.key, request.path).toBe(KEY);

    for (const [path, init] of refused) {
      const response = await fetch(base + path, init);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      const body = (await response.json()) as { title: string; detail: string; type: string; status: number };
      expect(Object.keys(body).sort(), path).toEqual(expect.arrayContaining(['detail', 'status', 'title', 'type']));
      expect(JSON.stringify(body)).not.toContain(KEY);
    }
    expect(seen, 'refused requests never reach the upstream').toEqual([]);

    // An id that looks like a path stays inside its route: upstream sees it encoded, never /api/v1/accounts.
    const escaped = await fetch(`${base}/api/v1/chats/..%2Faccounts`);
    expect(escaped.status).toBe(404);
    expect(seen.map((r) => r.path)).toEqual(['/api/v1/chats/..%2Faccounts']);

    await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain('proxying /api/v1 to Unipile');
    expect(output.split('\n').length).toBeGreaterThan(allowed.length);
    expect(output).not.toContain(KEY);
  });

  it('a production build made with the key in its environment contains it in no asset', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'triage-build-'));
    try {
      const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production', UNIPILE_API_KEY: KEY, VITE_UNIPILE_API_KEY: KEY, UNIPILE_DSN: 'https://api1.unipile.com:13111' },
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
      const files: string[] = [];
      const walk = (dir: string) => { for (const name of readdirSync(dir)) { const path = join(dir, name); if (statSync(path).isDirectory()) walk(path); else files.push(path); } };
      walk(outDir);
      expect(files.some((f) => f.endsWith('.js'))).toBe(true);
      for (const file of files) {
        // (The UI's help text may name the variable UNIPILE_API_KEY; what must never ship is its value.)
        expect(readFileSync(file, 'latin1').includes(KEY), `${file} holds the key`).toBe(false);
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});
