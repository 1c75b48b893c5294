import autocannon, { type Result } from 'autocannon';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from './browser';
import { startSimulator, startTriage, type Running } from './servers';

/**
 * Load (issue 10, "stays responsive under load"): 200 connections for 20 s on a realistic mix, while a separate
 * process opens a fresh connection every 100 ms for GET /api/config; on the embedded simulator and through the proxy
 * (Triage over HTTP to the standalone simulator). Then coalescing: 100 identical GETs fired at once, counted where
 * they arrive upstream. Loopback only; every loop is bounded in time and count.
 */

export type Recorder = (metric: string, value: number | null, unit: string, target?: string, ok?: boolean | null, note?: string) => void;

const root = fileURLToPath(new URL('..', import.meta.url));
const CONNECTIONS = 200;
const LOAD_SECONDS = 20;
const WARM_UP_SECONDS = 5;
/** Idle time before RSS is read: after the warm-up (the baseline) and after the load. */
const SETTLE_MS = 10_000;
const FRESH_INTERVAL_MS = 100;
const FRESH_TARGET_MS = 1_000;
const RSS_TOLERANCE = 0.2;
const IDENTICAL_GETS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The paths the load cycles through, in the proportions a busy inbox sends: 40% first pages, 20% later pages (real
 * cursors), 30% messages of many different chats, 10% accounts.
 */
async function loadMix(origin: string): Promise<string[]> {
  const ids: string[] = [];
  const cursors: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 30; page++) {
    const response: Response = await fetch(`${origin}/api/v1/chats?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (!response.ok) throw new Error(`bench: GET /api/v1/chats answered ${response.status}`);
    const body = (await response.json()) as { items: { id: string }[]; cursor: string | null };
    ids.push(...body.items.map((c) => c.id));
    cursor = body.cursor;
    if (!cursor) break;
    cursors.push(cursor);
  }
  if (ids.length === 0 || cursors.length === 0) throw new Error('bench: the chat list is too short for the load mix');
  return Array.from({ length: 1_000 }, (_, i) => {
    const k = i % 10;
    if (k < 4) return '/api/v1/chats?limit=100';
    if (k < 6) return `/api/v1/chats?limit=100&cursor=${encodeURIComponent(cursors[i % cursors.length] ?? '')}`;
    if (k < 9) return `/api/v1/chats/${encodeURIComponent(ids[(i * 7919) % ids.length] ?? '')}/messages`;
    return '/api/v1/accounts';
  });
}

function hammer(origin: string, paths: string[], seconds: number) {
  let next = 0;
  const setupRequest = (request: { path: string }) => {
    request.path = paths[next++ % paths.length] ?? '/api/config';
    return request;
  };
  return autocannon({ url: origin, connections: CONNECTIONS, duration: seconds, requests: [{ method: 'GET', setupRequest }] });
}

interface FreshResult { latencies: number[]; errors: number; statuses: { [status: string]: number } }

/** Starts the fresh-connection probe; resolves once it is ready, with a promise of its figures. */
async function startFreshProbe(origin: string, durationMs: number): Promise<{ done: Promise<FreshResult> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', 'fresh-probe.ts'), origin, String(durationMs), String(FRESH_INTERVAL_MS)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => { onReady = resolve; });
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) onReady();
  });
  const done = new Promise<FreshResult>((resolve, reject) => {
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`bench: fresh-connection probe exited with ${code}`));
      else resolve(JSON.parse(last) as FreshResult);
    });
  });
  await Promise.race([ready, done]);
  return { done };
}

async function measureLoad(record: Recorder, label: string, triage: Running) {
  const paths = await loadMix(triage.url);
  const cold = triage.rssMb();
  // Warm-up at full concurrency: the JIT, the caches and the allocators reach their working size before the baseline.
  await hammer(triage.url, paths, WARM_UP_SECONDS);
  await sleep(SETTLE_MS);
  const before = triage.rssMb();

  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, triage.rssMb()); }, 200);
  const fresh = await startFreshProbe(triage.url, LOAD_SECONDS * 1000);
  let result: Result;
  let probe: FreshResult;
  try {
    [result, probe] = await Promise.all([hammer(triage.url, paths, LOAD_SECONDS), fresh.done]);
  } finally {
    clearInterval(sampler);
  }
  await sleep(SETTLE_MS);
  const after = triage.rssMb();

  const freshP99 = probe.latencies.length > 0 ? percentile(probe.latencies, 99) : null;
  const freshFailed = probe.errors + Object.entries(probe.statuses).filter(([status]) => status !== '200').reduce((n, [, count]) => n + count, 0);
  const p = `load (${label})`;
  record(`${p}: requests/s`, result.requests.average, 'req/s', '', null, `${CONNECTIONS} connections, ${LOAD_SECONDS} s, ${result.requests.total} requests`);
  record(`${p}: errors`, result.errors + result.timeouts, 'req', '0', result.errors + result.timeouts === 0);
  record(`${p}: non-2xx`, result.non2xx, 'req', '0', result.non2xx === 0);
  record(`${p}: latency p99`, result.latency.p99, 'ms', '', null, `p50 ${result.latency.p50} ms, max ${result.latency.max} ms`);
  record(`${p}: fresh connection p99`, freshP99, 'ms', `< ${FRESH_TARGET_MS} ms`, freshP99 !== null && freshP99 < FRESH_TARGET_MS && freshFailed === 0,
    `${probe.latencies.length} connections, ${freshFailed} failed, slowest ${[...probe.latencies].sort((x, y) => y - x).slice(0, 3).join(' / ')} ms`);
  record(`${p}: RSS at start (cold)`, cold, 'MB');
  record(`${p}: RSS before (warm)`, before, 'MB', '', null, `after a ${WARM_UP_SECONDS} s warm-up at ${CONNECTIONS} connections and ${SETTLE_MS / 1000} s idle`);
  record(`${p}: RSS peak`, peak, 'MB');
  record(`${p}: RSS after`, after, 'MB', `≤ warm + ${RSS_TOLERANCE * 100}% = ${Math.round(before * (1 + RSS_TOLERANCE))}`, after <= before * (1 + RSS_TOLERANCE),
    `${SETTLE_MS / 1000} s after the load; cold + ${Math.round((after / cold - 1) * 100)}%`);
}

export async function loadEmbedded(record: Recorder) {
  const triage = await startTriage({ SIMULATOR_CHATS: '5000' });
  try {
    await measureLoad(record, 'embedded', triage);
  } finally {
    await triage.stop();
  }
}

export async function loadThroughProxy(record: Recorder) {
  const simulator = await startSimulator({ SIMULATOR_CHATS: '5000' });
  const triage = await startTriage({ UNIPILE_DSN: simulator.url, UNIPILE_API_KEY: simulator.apiKey });
  try {
    await measureLoad(record, 'proxy', triage);
  } finally {
    await triage.stop();
    await simulator.stop();
  }
}

/** GETs over `agent`'s kept-alive sockets; resolves with each status. */
function getAll(agent: http.Agent, url: string, count: number): Promise<number[]> {
  return Promise.all(Array.from({ length: count }, () => new Promise<number>((resolve, reject) => {
    http.get(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    }).on('error', reject);
  })));
}

/**
 * 100 identical GETs sent at once from the browser side, over connections opened beforehand (as a browser's are), so
 * they are in flight together; the standalone simulator logs each call that reaches it.
 */
export async function coalescing(record: Recorder) {
  const simulator = await startSimulator({ SIMULATOR_CHATS: '5000', SIMULATOR_LOG_REQUESTS: '1' });
  const triage = await startTriage({ UNIPILE_DSN: simulator.url, UNIPILE_API_KEY: simulator.apiKey });
  const agent = new http.Agent({ keepAlive: true, maxSockets: IDENTICAL_GETS });
  try {
    const path = '/api/v1/chats?limit=100';
    const upstreamCalls = () => simulator.output().filter((line) => line === `GET ${path}`).length;
    await getAll(agent, triage.url + '/api/config', IDENTICAL_GETS); // opens the connections
    await getAll(agent, triage.url + path, 1); // warm-up, not counted
    await sleep(200);
    const before = upstreamCalls();
    const statuses = await getAll(agent, triage.url + path, IDENTICAL_GETS);
    await sleep(200); // the simulator's last log lines
    const calls = upstreamCalls() - before;
    const answered = statuses.filter((s) => s === 200).length;
    record(`coalescing: upstream calls for ${IDENTICAL_GETS} identical GETs`, calls, 'calls', '1 (identical concurrent GETs reach the upstream once)', calls === 1,
      `${IDENTICAL_GETS} → ${calls}, ${answered} answered 200`);
  } finally {
    agent.destroy();
    await triage.stop();
    await simulator.stop();
  }
}
