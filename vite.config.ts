import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// In `npm run dev`, the same Hono app that `npm start` serves answers /api, so dev and prod behave alike.
function triageApi(): Plugin {
  return {
    name: 'triage-api',
    apply: 'serve',
    async configureServer(server) {
      const { createDevListener } = (await server.ssrLoadModule('/server/dev.ts')) as typeof import('./server/dev');
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
