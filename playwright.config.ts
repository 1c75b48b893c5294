import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './scripts/chromium';

const port = Number(process.env.E2E_PORT ?? 5188);
export const e2eBaseURL = `http://127.0.0.1:${port}`;
export const e2eWebhookSecret = 'e2e-webhook-secret-0123456789';

const config = defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: e2eBaseURL,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: { executablePath: findChromium() ?? undefined, args: chromiumArgs },
  },
  webServer: {
    command: 'node node_modules/tsx/dist/cli.mjs scripts/build-server.ts --if-stale && node dist-server/main.js',
    url: `${e2eBaseURL}/api/config`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      SIMULATOR_CHATS: '2500',
      SIMULATOR_SEED: '7',
      SIMULATOR_LATENCY_MS: '0',
      SIMULATOR_FAULT_RATE: '0',
      // No random incoming messages: tests deliver their own (POST /api/simulator/activity) and rows stay put.
      SIMULATOR_ACTIVITY: '0',
      // Short enough that a forced upstream timeout (x-simulator-fault) is seen in seconds, long for a local simulator.
      UPSTREAM_TIMEOUT_MS: '4000',
      UNIPILE_DSN: '',
      UNIPILE_API_KEY: '',
      // Known to the tests, so they can post webhooks as Unipile would (e2e/live.spec.ts: an account status change).
      UNIPILE_WEBHOOK_SECRET: e2eWebhookSecret,
      // A build other than dist/ (parallel work on one machine builds into folders of its own).
      ...(process.env.TRIAGE_STATIC_DIR ? { TRIAGE_STATIC_DIR: process.env.TRIAGE_STATIC_DIR } : {}),
    },
  },
});

/** A second server, the same but asking for a dashboard token: e2e/auth.spec.ts signs in against it. */
export const e2eAuthBaseURL = `http://127.0.0.1:${port + 1}`;
export const e2eDashboardToken = 'e2e-dashboard-token-0123456789abcdef0123456789abcdef';
/** A third, on the simulator in two dialects at once (Unipile and Periskope): e2e/backends.spec.ts's merged inbox. */
export const e2eMergedBaseURL = `http://127.0.0.1:${port + 2}`;
type WebServer = Exclude<NonNullable<PlaywrightTestConfig['webServer']>, readonly unknown[]>;
// Derived from the first so the two never drift apart (same simulator, same build).
const appServer = config.webServer as WebServer;
config.webServer = [
  appServer,
  {
    ...appServer,
    url: `${e2eAuthBaseURL}/sign-in`,
    env: { ...appServer.env, PORT: String(port + 1), HOST: '127.0.0.1', DASHBOARD_TOKEN: e2eDashboardToken },
  },
  {
    ...appServer,
    url: `${e2eMergedBaseURL}/api/config`,
    // No timed poll of Periskope: its live messages are read when a test triggers one, so nothing refreshes a list
    // behind a test's back.
    env: { ...appServer.env, PORT: String(port + 2), HOST: '127.0.0.1', SIMULATOR_BACKENDS: 'unipile,periskope', SIMULATOR_CHATS: '300', LIVE_POLL_SECONDS: '0' },
  },
];

export default config;
