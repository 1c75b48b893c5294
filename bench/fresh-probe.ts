import http from 'node:http';

/**
 * `node --import tsx bench/fresh-probe.ts <origin> <durationMs> <intervalMs>`: for durationMs, one GET /api/config
 * at a time, each on a NEW connection (no keep-alive agent), intervalMs apart; prints
 * {"latencies": [...], "errors": n, "statuses": {...}} on one line at the end. A process of its own, so the load
 * generator's busy event loop does not add to what it measures.
 */

const [origin = '', durationArg = '20000', intervalArg = '100'] = process.argv.slice(2);
const durationMs = Number(durationArg);
const intervalMs = Number(intervalArg);
const REQUEST_TIMEOUT_MS = 30_000;

function once(): Promise<{ ms: number; status: number | null }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const request = http.get(`${origin}/api/config`, { agent: false, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      response.resume();
      response.on('end', () => resolve({ ms: performance.now() - started, status: response.statusCode ?? null }));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => resolve({ ms: performance.now() - started, status: null }));
  });
}

async function main() {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  console.log('ready');
  const end = Date.now() + durationMs;
  while (Date.now() < end) {
    const { ms, status } = await once();
    if (status === null) errors++;
    else {
      latencies.push(Math.round(ms * 10) / 10);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  console.log(JSON.stringify({ latencies, errors, statuses }));
}

void main();
