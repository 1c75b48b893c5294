import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { Redis } from 'ioredis';
import { createEventBus } from './live/event-bus';
import { createRedisDedupe } from './webhooks/redis-dedupe';
import { createSimulatorActivity } from './simulator/activity';
import { createWebhookDelivery } from './simulator/webhook-delivery';
import { registerWebhooks } from './webhooks/register';
import { localWebhookUrl } from './webhooks/self-url';
import { WEBHOOK_SECRET_HEADER } from './webhooks/unipile-webhook';
import { createUpstream } from './wiring';

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
  const { backend, simulator } = createUpstream(config);
  if (config.backend.kind === 'simulator') {
    console.log(`triage: no UNIPILE_DSN/UNIPILE_API_KEY set, serving the embedded Unipile simulator (${config.backend.chats} chats, seed ${config.backend.seed})`);
  } else {
    console.log(`triage: proxying /api/v1 to Unipile at ${config.backend.host}`);
  }
  if (!config.staticDir) console.warn('triage: no built app found (run `npm run build`); serving the API only');

  const bus = createEventBus({ redisUrl: config.redisUrl ?? undefined });
  if (config.redisUrl) console.log('triage: live events go through Redis (REDIS_URL)');
  // The simulator's new messages take the real path: an HTTP POST to our own webhook, with the secret.
  let webhookTarget: string | null = null;
  const secret = config.webhookSecret;
  const activity =
    simulator && secret
      ? createSimulatorActivity({
          store: simulator.store,
          perMinute: config.simulatorActivity,
          deliver: createWebhookDelivery({ url: () => webhookTarget, headers: { [WEBHOOK_SECRET_HEADER]: secret } }),
          onError: (error) => console.error(`triage: simulator webhook delivery failed: ${error instanceof Error ? error.message : String(error)}`),
        })
      : null;

  // With several copies a webhook retried to another copy must still count once: the deliveries seen live in Redis.
  const dedupeRedis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2 }) : null;
  const webhookDedupe = dedupeRedis ? createRedisDedupe(dedupeRedis) : undefined;
  const app = createApp({ config, backend, bus, simulatorActivity: activity?.triggerNow, webhookDedupe, warmPreviews: true });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    console.log(`triage: listening on http://${host}:${info.port}`);
    webhookTarget = localWebhookUrl(info);
    activity?.start();
    if (config.backend.kind === 'unipile' && config.publicUrl && secret) {
      registerWebhooks(backend, { publicUrl: config.publicUrl, secret })
        .then((r) => {
          console.log(`triage: webhooks: ${r.created.length} created, ${r.existing.length} already there`);
          if (r.stale.length > 0) console.warn(`triage: webhooks with an old secret (delete them in Unipile): ${r.stale.join(', ')}`);
        })
        .catch((error: unknown) => console.error(`triage: could not register webhooks: ${error instanceof Error ? error.message : String(error)}`));
    }
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
    activity?.stop();
    void bus.close();
    dedupeRedis?.disconnect();
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
