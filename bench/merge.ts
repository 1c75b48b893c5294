import { percentile } from './browser';
import type { Recorder } from './load';
import { startTriage } from './servers';

/*
 * Paging one merged list (Unipile + Periskope on the simulator, 5,000 chats each) against one backend of the same
 * size (10,000 Unipile chats): time per page of 100 through the real server, and what reached the upstreams.
 */

interface Page {
  items: { id: string }[];
  cursor: string | null;
}

async function walk(base: string, query: string): Promise<{ times: number[]; chats: number; unique: number }> {
  const times: number[] = [];
  const ids = new Set<string>();
  let chats = 0;
  let cursor: string | null = null;
  do {
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/chats?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (!response.ok) throw new Error(`GET /api/v1/chats answered ${response.status}`);
    const page = (await response.json()) as Page;
    times.push(performance.now() - started);
    chats += page.items.length;
    for (const chat of page.items) ids.add(chat.id);
    cursor = page.cursor;
  } while (cursor !== null);
  return { times, chats, unique: ids.size };
}

async function upstreamCalls(base: string): Promise<number> {
  const { counts } = (await (await fetch(`${base}/api/simulator/requests`)).json()) as { counts: Record<string, number> };
  return Object.entries(counts)
    .filter(([route]) => /GET \/(?:api\/)?v1\/chats$/.test(route.replace(/^\w+ (GET)/, '$1')))
    .reduce((sum, [, n]) => sum + n, 0);
}

export async function mergedPaging(record: Recorder) {
  const setups = [
    ['one backend', { SIMULATOR_CHATS: '10000' }],
    ['two merged', { SIMULATOR_CHATS: '5000', SIMULATOR_BACKENDS: 'unipile,periskope' }],
  ] as const;
  for (const [label, env] of setups) {
    const triage = await startTriage({ ...env, SIMULATOR_ACTIVITY: '0', LIVE_POLL_SECONDS: '0' });
    try {
      await walk(triage.url, 'limit=100'); // warm-up: JIT, caches
      const before = await upstreamCalls(triage.url);
      const { times, chats, unique } = await walk(triage.url, 'limit=100');
      const calls = (await upstreamCalls(triage.url)) - before;
      record(`merge (${label}): chats answered, each once`, unique, 'chats', '10000', chats === 10_000 && unique === 10_000, `${chats} answered`);
      record(`merge (${label}): page of 100 p50`, percentile(times, 50), 'ms', '', null, `${times.length} pages`);
      record(`merge (${label}): page of 100 p95`, percentile(times, 95), 'ms');
      record(`merge (${label}): upstream list calls per page`, calls / times.length, 'calls');
      const inbox = await walk(triage.url, 'limit=100&archived=false');
      record(`merge (${label}): inbox view (scanned) page p50`, percentile(inbox.times, 50), 'ms', '', null, `${inbox.chats} chats in ${inbox.times.length} pages`);
    } finally {
      await triage.stop();
    }
  }
}
