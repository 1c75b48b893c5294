import { getRequestListener } from '@hono/node-server';
import { createApp } from './app';
import { loadConfig } from './config';
import { createUpstream } from './wiring';

/** Used by vite.config.ts in `npm run dev`: the same app as `npm start`, API only (Vite serves the SPA with HMR). */
export async function createDevListener() {
  const config = { ...loadConfig(process.env), staticDir: null };
  const { backend, members, secrets } = createUpstream(config);
  console.log(`triage: dev API on ${members.map((m) => `${m.info.label} (${m.info.host})`).join(', ')}`);
  return getRequestListener(createApp({ config, backend, backends: members.map((m) => m.info), secrets }).fetch);
}
