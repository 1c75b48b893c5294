import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/*
 * The real Triage server (server/main.ts, through tsx: the source under test, no shared build folder to race other
 * builds for) in a process of its own, for the tests that need two copies behind one Redis. PORT=0 lets the system
 * pick the port; main.ts prints the one it got ("triage: listening on http://127.0.0.1:<port>"), so no port is guessed.
 */

export interface TriageProcess {
  origin: string;
  /** What the process wrote so far (for a failure message). */
  output(): string;
  stop(): Promise<void>;
}

const mainScript = fileURLToPath(new URL('../main.ts', import.meta.url));
const LISTENING = /^triage: listening on (http:\/\/[^\s]+)$/;

/** Starts one copy with `env` over the defaults below; resolves once it listens, rejects if it exits first. */
export async function startTriage(env: Record<string, string>, { startTimeoutMs = 30_000 } = {}): Promise<TriageProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', mainScript], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      // The simulator, even on a machine with Unipile configured in its environment.
      UNIPILE_DSN: '',
      UNIPILE_API_KEY: '',
      PUBLIC_URL: '',
      DASHBOARD_TOKEN: '',
      SIMULATOR_LATENCY_MS: '0',
      SIMULATOR_FAULT_RATE: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Triage did not listen within ${startTimeoutMs} ms:\n${output}`)), startTimeoutMs);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Triage exited (${code ?? signal}) before it listened:\n${output}`));
      });
      createInterface({ input: child.stdout }).on('line', (line) => {
        output += `${line}\n`;
        const match = LISTENING.exec(line);
        if (!match?.[1]) return;
        clearTimeout(timer);
        resolve(match[1]);
      });
    });
    return { origin, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
