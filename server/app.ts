import { Hono, type Context } from 'hono';
import packageJson from '../package.json' with { type: 'json' };
import type { Backend } from './backends/types';
import { BACKEND_LABELS, type BackendInfo } from '../src/lib/wire/backends';
import { isLoopbackBind, type Config } from './config';
import { createPreviewService } from './previews/service';
import { createApiRoutes } from './routes/api';
import { createWebhookRoutes } from './routes/webhooks';
import { createEventBus, type EventBus } from './live/event-bus';
import { eventsRoute } from './live/events-route';
import { createSimulatorActivityRoutes, type TriggerIncoming } from './webhooks/simulator-activity-route';
import type { WebhookDedupe } from './webhooks/dedupe';
import { createAuth, servedOverHttps } from './routes/auth';
import { createPreviewRoutes } from './routes/previews';
import { errorResponse, ForbiddenError, knownErrorResponse, notFound, unexpectedErrorResponse } from './routes/errors';
import { createStaticRoutes } from './routes/static';
import { escapeForLog } from './log';

export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

export interface AppOptions {
  config: Config;
  backend: Backend;
  logger?: Logger;
  /** Where live events meet (server/live/); an in-process one when not given. */
  bus?: EventBus;
  /** The simulator's "a message arrives now" (POST /api/simulator/activity, for e2e tests); simulator only. */
  simulatorActivity?: TriggerIncoming;
  /**
   * Fetch the newest chats' page for the previews as soon as a list's first page is asked for (main.ts turns it on;
   * off in-process, where tests count every upstream call a route makes).
   */
  warmPreviews?: boolean;
  /** Which webhook deliveries were seen (Redis with several copies, so a retry to another copy is not processed twice). */
  webhookDedupe?: WebhookDedupe;
  /** The backends behind `backend` (several when it merges them), as GET /api/config names them; default: `backend`. */
  backends?: readonly BackendInfo[];
  /** Every key (server/wiring.ts): redacted from log lines whatever an error carries; default: the configured keys. */
  secrets?: readonly string[];
}

const consoleLogger: Logger = {
  info: (message) => console.log(message),
  error: (message) => console.error(message),
};

/**
 * For the SPA's HTML. Tailwind compiles to a stylesheet and React sets styles through the CSSOM, so neither needs
 * 'unsafe-inline'. Images may be data: or blob: URLs (avatars, attachment previews); everything else is our origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Powerful features the inbox never uses, off for this page and anything it embeds. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

const LOOPBACK_HOSTS = /^(?:localhost|[\w-]+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** The hostname of a request URL, without the cost of a URL parse on every API call. */
function hostnameOf(url: string): string {
  const start = url.indexOf('//') + 2;
  const slash = url.indexOf('/', start);
  return hostnameOfAuthority(url.slice(start, slash === -1 ? undefined : slash));
}

/** `host:port` → `host` (lower case; IPv6 keeps its brackets). */
function hostnameOfAuthority(authority: string): string {
  if (authority.startsWith('[')) return authority.slice(0, authority.indexOf(']') + 1).toLowerCase();
  const colon = authority.indexOf(':');
  return (colon === -1 ? authority : authority.slice(0, colon)).toLowerCase();
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** The Triage HTTP app: API proxy, config endpoint and (when built) the SPA. No listen: tests call it in-process. */
export function createApp(options: AppOptions): Hono {
  const { config, backend, logger = consoleLogger } = options;
  const secrets = (options.secrets ?? config.backends.map((b) => b.apiKey)).filter((s) => s !== '');
  // Belt and braces: whatever an error message carries, the keys never reach a log line.
  const redact = (text: string) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  const backends: readonly BackendInfo[] = options.backends ?? (backend.kind === 'merged' ? [] : [{ kind: backend.kind, label: BACKEND_LABELS[backend.kind], host: backend.host, simulated: backend.simulated }]);
  const merged = backends.length > 1;
  const logServerError = (error: unknown, c: Context, expected = false) => {
    const what = expected && error instanceof Error ? error.message : describe(error);
    logger.error(redact(`triage: ${c.req.method} ${escapeForLog(c.req.path)} failed: ${escapeForLog(what, true)}`));
  };

  const app = new Hono();

  app.onError((error, c) => {
    const known = knownErrorResponse(error);
    if (known) return known;
    logServerError(error, c);
    return unexpectedErrorResponse();
  });
  app.notFound((c) => notFound(c.req.method, c.req.path));

  if (config.logRequests) {
    app.use(async (c, next) => {
      const start = performance.now();
      await next();
      // The path only: queries carry search text and cursors, which do not belong in logs.
      logger.info(`triage: ${c.req.method} ${escapeForLog(c.req.path)} ${c.res.status} ${(performance.now() - start).toFixed(1)}ms`);
    });
  }

  app.use(async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'no-referrer');
    headers.set('permissions-policy', PERMISSIONS_POLICY);
    headers.set('cross-origin-opener-policy', 'same-origin');
    // Only when the browser reached us over HTTPS: HSTS on a plain-HTTP answer would be ignored, or lock out a LAN setup.
    if (servedOverHttps(c, config.trustProxy)) headers.set('strict-transport-security', 'max-age=31536000');
    // An attachment relayed as text/html keeps its own sandboxing policy.
    if (headers.get('content-type')?.startsWith('text/html') && !headers.has('content-security-policy')) {
      headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    }
  });

  if (LOOPBACK_HOSTS.test(config.host) || config.host === '::1') {
    // Listening on loopback only: a page on another site that re-points its DNS name at 127.0.0.1 (DNS rebinding)
    // would otherwise read the inbox through this API. Its requests name that site in Host; ours name localhost.
    app.use('/api/*', async (c, next) => {
      const hostname = hostnameOf(c.req.url);
      if (!LOOPBACK_HOSTS.test(hostname)) throw new ForbiddenError(`Triage listens on ${config.host} and answers only requests addressed to it.`);
      await next();
    });
  } else if (!isLoopbackBind(config.host) && config.allowedHosts.length > 0) {
    // Reachable from other machines: the same guard, against the names this deployment is known by.
    const allowed = new Set(config.allowedHosts);
    app.use(async (c, next) => {
      const forwarded = config.trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
      const hostname = forwarded ? hostnameOfAuthority(forwarded) : hostnameOf(c.req.url);
      // Webhooks authenticate with their secret, whichever name they were sent to (the simulator posts to loopback).
      if (allowed.has(hostname) || c.req.path.startsWith('/webhooks/')) return next();
      const detail = `Triage answers only requests addressed to ${config.allowedHosts.join(', ')} (ALLOWED_HOSTS).`;
      if (c.req.path === '/api' || c.req.path.startsWith('/api/')) {
        return errorResponse({ title: 'Forbidden', detail, type: 'errors/forbidden', status: 403 });
      }
      return c.text(`403 Forbidden: ${detail}\n`, 403, { 'cache-control': 'no-store' });
    });
  }

  if (config.dashboardToken) {
    const auth = createAuth({ token: config.dashboardToken, trustProxy: config.trustProxy });
    app.use(auth.requireSession);
    app.route('/', auth.routes);
  }

  // Previews take half the upstream cap at most, so a batch never holds every slot while someone opens a chat.
  const previews = createPreviewService({ backend, concurrency: Math.max(1, Math.floor(config.upstreamConcurrency / 2)) });
  app.get('/api/config', (c) =>
    c.json(
      { backend: { kind: backend.simulated ? 'simulator' : backend.kind, host: backend.host }, backends, version: packageJson.version, auth: { required: config.dashboardToken !== null } },
      200,
      { 'cache-control': 'no-store' },
    ),
  );

  if (backend.requestCounts) {
    const counts = backend.requestCounts;
    // Simulator only: what reached the upstream, per route, so e2e tests and benchmarks can hold Triage to a budget.
    app.get('/api/simulator/requests', (c) => c.json({ object: 'SimulatorRequestCounts', counts: counts() }, 200, { 'cache-control': 'no-store' }));
  }
  app.route('/api/previews', createPreviewRoutes(previews));
  // Live updates: every open browser listens here; webhooks (and the simulator's activity, through them) publish.
  const bus = options.bus ?? createEventBus({ logger });
  const events = eventsRoute(bus, { logger });
  app.get('/api/events', (c) => events(c));
  // A chat with a new or changed message has an out-of-date cached preview.
  bus.subscribe((_id, event) => {
    if (event.type !== 'account.status') previews.forget(event.chat_id);
  });
  if (options.simulatorActivity) {
    app.route('/api/simulator/activity', createSimulatorActivityRoutes({ trigger: options.simulatorActivity, onError: (error) => logger.error(redact(`triage: simulator activity failed: ${escapeForLog(describe(error), true)}`)) }));
  }
  app.route('/api/v1', createApiRoutes({ backend, onServerError: logServerError, maxUploadBytes: config.maxUploadBytes, onMessageSent: (chatId) => previews.forget(chatId), onFirstListPage: options.warmPreviews ? () => previews.warm() : undefined }));
  app.all('/api/*', (c) => notFound(c.req.method, c.req.path));
  if (config.webhookSecret) {
    app.route('/webhooks', createWebhookRoutes({
      secret: config.webhookSecret,
      publish: (event) => bus.publish(event),
      // Unipile's (or the simulator's Unipile-dialect) pushes; merged with others, its ids carry its namespace.
      ...(merged ? { namespace: 'unipile' as const } : {}),
      ...(options.webhookDedupe ? { dedupe: options.webhookDedupe } : {}),
      onProcessingError: (error) => logger.error(redact(`triage: webhook not processed: ${escapeForLog(describe(error), true)}`)),
    }));
  }
  // Webhook routes (which authenticate on their own) go above; any other path here is no page of the app.
  app.all('/webhooks/*', (c) => notFound(c.req.method, c.req.path));

  if (config.staticDir) app.route('/', createStaticRoutes({ root: config.staticDir }));

  return app;
}
