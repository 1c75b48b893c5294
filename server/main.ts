import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { Redis } from 'ioredis';
import { createEventBus } from './live/event-bus';
import { createRedisDedupe } from './webhooks/redis-dedupe';
import { createSimulatorActivity } from './simulator/activity';
import { createMergedActivity } from './simulator/merged-activity';
import { createRecentPoller } from './live/recent-poller';
import { createMemoryDedupe } from './webhooks/dedupe';
import { createWebhookDelivery } from './simulator/webhook-delivery';
import { registerWebhooks } from './webhooks/register';
import { localWebhookUrl } from './webhooks/self-url';
import { WEBHOOK_SECRET_HEADER } from './webhooks/unipile-webhook';
import { BACKEND_LABELS } from '../src/lib/wire/backends';
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
  const { backend, members, simulator, periskopeSimulator, secrets } = createUpstream(config);
  const namespaced = members.length > 1;
  const redact = (text: string) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  if (config.simulator) {
    const dialects = config.simulator.dialects.map((kind) => BACKEND_LABELS[kind]).join(', ');
    console.log(`triage: no API key set, serving the embedded simulator as ${dialects} (${config.simulator.chats} chats each, seed ${config.simulator.seed})`);
  } else {
    console.log(`triage: proxying /api/v1 to ${members.map((m) => `${m.info.label} at ${m.info.host}`).join(', ')}`);
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
  const webhookDedupe = dedupeRedis ? createRedisDedupe(dedupeRedis) : createMemoryDedupe();
  // Periskope pushes no webhooks Triage can check: its newest messages are read every LIVE_POLL_SECONDS instead.
  const pollers = members
    .filter((m) => m.info.kind === 'periskope')
    .map((m) =>
      createRecentPoller({
        kind: m.info.kind,
        backend: m.backend,
        namespaced,
        publish: (event) => bus.publish(event),
        dedupe: webhookDedupe,
        intervalMs: config.livePollMs,
        onError: (error) => console.error(`triage: live poll of ${m.info.label} failed: ${redact(error instanceof Error ? error.message : String(error))}`),
      }),
    );
  const periskopePoller = pollers[0];
  const simulated =
    simulator || periskopeSimulator
      ? createMergedActivity({
          unipile: activity,
          periskope: periskopeSimulator && periskopePoller ? { simulator: periskopeSimulator, poller: periskopePoller } : null,
          namespaced,
          perMinute: config.simulatorActivity,
          onError: (error) => console.error(`triage: simulator activity failed: ${error instanceof Error ? error.message : String(error)}`),
        })
      : null;
  const backends = members.map((m) => m.info);
  const app = createApp({ config, backend, backends, secrets, bus, simulatorActivity: simulated?.trigger, webhookDedupe, warmPreviews: true });
  const unipile = members.find((m) => m.info.kind === 'unipile' && !m.info.simulated)?.backend;
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    console.log(`triage: listening on http://${host}:${info.port}`);
    webhookTarget = localWebhookUrl(info);
    simulated?.start();
    // Without the timer the first read still happens: it learns what is already there, so a message read later (the
    // simulator's trigger) is new.
    pollers.forEach((poller) => (config.livePollMs > 0 ? poller.start() : void poller.poll()));
    if (unipile && config.publicUrl && secret) {
      registerWebhooks(unipile, { publicUrl: config.publicUrl, secret })
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
    simulated?.stop();
    pollers.forEach((poller) => poller.stop());
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
