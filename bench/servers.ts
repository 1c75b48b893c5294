import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// `node --import tsx` (not the tsx CLI, which runs the program in a child process): the pid measured is the server's.
const tsxLoader = ['--import', 'tsx'];

export interface Running {
  url: string;
  pid: number;
  stop(): Promise<void>;
  /** Resident set size of the process, from /proc (Linux). */
  rssMb(): number;
  firstLine: string;
  /** Lines the process printed on stdout so far (the last 100,000). */
  output(): string[];
}

const MAX_LINES = 100_000;

let nextPort = 5400;

function waitForLine(child: ChildProcess, match: RegExp, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start in 120 s:\n${buffer}`)), 120_000);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => match.test(l));
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${buffer}`));
    });
  });
}

function running(child: ChildProcess, url: string, firstLine: string): Running {
  const lines: string[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    if (lines.length > MAX_LINES) lines.splice(0, lines.length - MAX_LINES);
  });
  return {
    url,
    pid: child.pid ?? -1,
    firstLine,
    output: () => lines,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}

/** Triage as production runs it (`dist-server/main.js`, serving dist/) on a port of its own, with the given environment. */
export async function startTriage(env: Record<string, string>): Promise<Running> {
  const port = nextPort++;
  const child = spawn(process.execPath, ['--max-old-space-size=2048', join(root, 'dist-server', 'main.js')], {
    cwd: root,
    env: { ...process.env, UNIPILE_DSN: '', UNIPILE_API_KEY: '', SIMULATOR_LATENCY_MS: '0', SIMULATOR_FAULT_RATE: '0', ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = await waitForLine(child, /listening on/, 'triage server');
  return running(child, `http://127.0.0.1:${port}`, line);
}

/** The simulator alone on a port (scripts/simulator-server.ts): the "direct" side of the proxy comparison. */
export async function startSimulator(env: Record<string, string>): Promise<Running & { apiKey: string }> {
  const port = nextPort++;
  const child = spawn(process.execPath, [...tsxLoader, join(root, 'scripts', 'simulator-server.ts')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = await waitForLine(child, /"apiKey"/, 'standalone simulator');
  const { apiKey } = JSON.parse(line) as { apiKey: string };
  return { ...running(child, `http://127.0.0.1:${port}`, line), apiKey };
}
