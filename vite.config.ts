/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
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
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
