import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { createBackend } from './wiring';

const defaultStaticDir = fileURLToPath(new URL('../dist', import.meta.url));

/** Starts Triage: config from the environment, the chosen backend, the app, and a graceful shutdown. */
export async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env, { staticDir: existsSync(defaultStaticDir) ? defaultStaticDir : null });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`triage: configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const backend = createBackend(config);
  if (config.backend.kind === 'simulator') {
    console.log(`triage: no UNIPILE_DSN/UNIPILE_API_KEY set, serving the embedded Unipile simulator (${config.backend.chats} chats, seed ${config.backend.seed})`);
  } else {
    console.log(`triage: proxying /api/v1 to Unipile at ${config.backend.host}`);
  }
  if (!config.staticDir) console.warn('triage: no built app found (run `npm run build`); serving the API only');

  const app = createApp({ config, backend });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    console.log(`triage: listening on http://${host}:${info.port}`);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(`triage: cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message}`);
    process.exit(1);
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`triage: ${signal} received, closing`);
    server.close(() => process.exit(0));
    // Keep-alive sockets may hold close() open; do not hang forever.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void main();
}
