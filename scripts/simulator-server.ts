import { serve } from '@hono/node-server';
import { createSimulator } from '../server/simulator';

// The embedded simulator on a port of its own, as a stand-in Unipile API: point Triage at it with
// UNIPILE_DSN=http://127.0.0.1:<port> and UNIPILE_API_KEY=<printed key> to exercise the real proxy path.
const port = Number(process.env.PORT ?? 3114);
const simulator = createSimulator({
  chats: Number(process.env.SIMULATOR_CHATS ?? 5000),
  seed: Number(process.env.SIMULATOR_SEED ?? 42),
  latencyMs: Number(process.env.SIMULATOR_LATENCY_MS ?? 0),
  faultRate: Number(process.env.SIMULATOR_FAULT_RATE ?? 0),
});
// SIMULATOR_LOG_REQUESTS=1 prints each request's method and path: what Triage sends upstream, and how often.
const logRequests = process.env.SIMULATOR_LOG_REQUESTS === '1';
const handle = (request: Request): Promise<Response> => {
  if (logRequests) {
    const url = new URL(request.url);
    console.log(`${request.method} ${url.pathname}${url.search}`);
  }
  return simulator.fetch(request);
};
const server = serve({ fetch: handle, hostname: '127.0.0.1', port }, (info) => {
  // The key is printed for the developer running it by hand; it is the simulator's own, not a real secret.
  console.log(JSON.stringify({ url: `http://127.0.0.1:${info.port}`, apiKey: simulator.apiKey }));
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
