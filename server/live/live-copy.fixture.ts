import { serve } from '@hono/node-server';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { liveEventSchema } from '../../src/lib/wire/live-events';
import { createEventBus } from './event-bus';
import { eventsRoute } from './events-route';

/*
 * A server copy in its own process, for the test that two copies share one Redis: run as a script it serves
 * GET /api/events and POST /publish (one LiveEvent as JSON) on a free port over REDIS_URL, and prints `READY <port>`.
 * Wiring the real server (server/app.ts) is the lead's; this is just enough of it to cross a process boundary.
 */

export interface LiveCopy {
  origin: string;
  stop(): Promise<void>;
}

const self = fileURLToPath(import.meta.url);

/** Starts a copy of this script with `node --import tsx`, resolving once it listens. */
export async function startLiveCopy(redisUrl: string): Promise<LiveCopy> {
  const child = spawn(process.execPath, ['--import', 'tsx', self], { env: { ...process.env, REDIS_URL: redisUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (errors += text));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`live copy exited (${code}) before it listened:\n${errors}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^READY (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
    });
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function runCopy(): Promise<void> {
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) throw new Error('REDIS_URL is required');
  const bus = createEventBus({ redisUrl });
  const events = eventsRoute(bus);
  const app = new Hono();
  app.get('/api/events', events);
  app.post('/publish', async (c) => {
    const parsed = liveEventSchema.safeParse(await c.req.json());
    if (!parsed.success) return c.json({ error: 'not a LiveEvent' }, 400);
    return c.json({ id: await bus.publish(parsed.data) });
  });
  // Following starts before it says it is ready, so an event published right after is not missed.
  await bus.head();
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => console.log(`READY ${info.port}`));
  process.once('SIGTERM', () => {
    events.close();
    server.close();
    void bus.close().then(() => process.exit(0));
  });
}

if (process.argv[1] === self) {
  runCopy().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
