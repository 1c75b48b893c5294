/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type Plugin } from 'vite';
import { chromiumArgs, findChromium } from './scripts/chromium.js';
import type * as DevServer from './server/dev';

// In `npm run dev`, the same Hono app that `npm start` serves answers /api, so dev and prod behave alike.
function triageApi(): Plugin {
  return {
    name: 'triage-api',
    // Vitest runs Vite in serve mode too: tests build their own app, they must not start the dev API (and its simulator).
    apply: (_config, env) => env.command === 'serve' && !process.env.VITEST,
    async configureServer(server) {
      const { createDevListener } = (await server.ssrLoadModule('/server/dev.ts')) as typeof DevServer;
      const listener = await createDevListener();
      server.middlewares.use((req, res, next) => {
        if (req.url?.startsWith('/api/') || req.url === '/api') void listener(req, res);
        else next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), triageApi()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: true },
  build: { outDir: 'dist', sourcemap: false, target: 'es2022' },
  test: {
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'node', include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'], environment: 'node' } },
      {
        // Component tests (*.test.tsx) run in a real Chromium, with the app's CSS, so layout (the virtualized list) is real.
        extends: true,
        // A dependency Vite discovers only once a test runs makes it reload the page mid-run (and rerun the file):
        // the test renderer's own imports and the app's (index.html is scanned too) are bundled up front.
        optimizeDeps: {
          include: ['react', 'react-dom/client', 'vitest-browser-react', '@tanstack/react-query', '@tanstack/react-virtual', 'lucide-react', 'zustand', 'zustand/middleware', 'zustand/vanilla', 'zod/mini', 'clsx', 'tailwind-merge', 'wouter', 'cmdk'],
        },
        test: {
          name: 'browser',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['src/test/browser-setup.ts'],
          attachmentsDir: 'test-results/component-attachments',
          // A component answers within a few frames: an assertion or a click that cannot succeed fails in seconds, not
          // at the test timeout (with actionTimeout set, expect.element waits expect.poll's timeout).
          expect: { poll: { timeout: 3_000 } },
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ actionTimeout: 5_000, launchOptions: { executablePath: findChromium() ?? undefined, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
            viewport: { width: 1280, height: 800 },
            screenshotDirectory: 'test-results/component-screenshots',
            // The app's server section says strictPort; two test runs at once (CI, an editor) must not collide.
            api: { strictPort: false },
          },
        },
      },
    ],
  },
});
