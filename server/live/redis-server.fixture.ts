import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/*
 * A real, throw-away redis-server for the tests that need one (no persistence, a free port). Without redis-server on
 * PATH these tests fail, on purpose, saying how to get one: CI installs it, and a skipped test would hide the gap.
 */

export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server (and waits for it to exit). */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

/** The binary: Debian's on PATH unless REDIS_SERVER names another (a build of your own, a version to try). */
const REDIS_SERVER = process.env.REDIS_SERVER?.trim() || 'redis-server';

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/** Starts redis-server on `port` (a free one by default) and resolves once it answers PING. */
export async function startRedis(port?: number): Promise<RedisServer> {
  const chosen = port ?? (await freePort());
  const child = spawn(REDIS_SERVER, ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
  await new Promise<void>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(`${REDIS_SERVER} is not on PATH: the Redis tests need a real one (Debian/Ubuntu: sudo apt-get install -y redis-server; CI installs it)`)
          : error,
      ),
    );
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)));
    // Redis says so when it accepts connections; PING below confirms it.
    const onData = () => {
      if (!output.includes('Ready to accept connections')) return;
      child.stdout.off('data', onData);
      resolve();
    };
    child.stdout.on('data', onData);
  });
  const url = `redis://127.0.0.1:${chosen}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await probe.connect();
    if ((await probe.ping()) !== 'PONG') throw new Error('redis-server did not answer PING');
  } finally {
    probe.disconnect();
  }
  return {
    url,
    port: chosen,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited(child);
    },
  };
}
