import { getRequestListener } from '@hono/node-server';
import { createApp } from './app';
import { loadConfig } from './config';
import { createBackend } from './wiring';

/** Used by vite.config.ts in `npm run dev`: the same app as `npm start`, API only (Vite serves the SPA with HMR). */
export async function createDevListener() {
  const config = { ...loadConfig(process.env), staticDir: null };
  const backend = createBackend(config);
  console.log(config.backend.kind === 'simulator' ? 'triage: dev API on the embedded Unipile simulator' : `triage: dev API proxying to ${config.backend.host}`);
  return getRequestListener(createApp({ config, backend }).fetch);
}
