import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { Hono } from 'hono';
import { afterEach, expect, it } from 'vitest';
import { createEventBus } from './event-bus';
import { eventsRoute, type ClientCloseReason } from './events-route';
import { accountStatus } from './sse-reader.fixture';

/* Over a real socket: a browser tab that stops reading is dropped at the queue bound, not buffered without limit. */

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function openStream(port: number): Promise<{ socket: Socket; received: () => string; bytes: () => number }> {
  const socket = connect(port, '127.0.0.1');
  cleanups.push(() => void socket.destroy());
  let text = '';
  let bytes = 0;
  socket.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.on('data', (chunk: string) => {
      bytes += Buffer.byteLength(chunk);
      text += chunk;
      // Headers and the opening `id:` block: subscribed.
      if (/\r\n\r\n[\s\S]*\nid: [^\n]+\n\n/.test(text)) resolve({ socket, received: () => text, bytes: () => bytes });
    });
    socket.write('GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n');
  });
}

it('a client whose socket never drains is dropped (socket closed) while a reading one gets every event', async () => {
  const bus = createEventBus();
  const reasons: ClientCloseReason[] = [];
  let onDrop: () => void = () => undefined;
  const dropped = new Promise<void>((resolve) => (onDrop = resolve));
  const events = eventsRoute(bus, {
    onClientClosed: (reason) => {
      reasons.push(reason);
      if (reason === 'slow') onDrop();
    },
  });
  const app = new Hono();
  app.get('/api/events', events);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  const { port } = server.address() as AddressInfo;
  const connections = () => new Promise<number>((resolve, reject) => server.getConnections((error, n) => (error ? reject(error) : resolve(n))));

  const slow = await openStream(port);
  slow.socket.pause();
  const fast = await openStream(port);
  expect(await connections()).toBe(2);

  // 16 KB events: the kernel's socket buffers take a few MB before the server's own queue (1 MB) fills.
  const event = accountStatus('x'.repeat(16 * 1024));
  let isDropped = false;
  void dropped.then(() => (isDropped = true));
  let published = 0;
  let publishedBytes = 0;
  while (!isDropped && published < 4_000) {
    const id = await bus.publish(event);
    published += 1;
    publishedBytes += JSON.stringify(event).length + 40;
    // The reading client keeps up: it has this event before the next one is published.
    await new Promise<void>((resolve) => {
      const check = () => {
        if (!fast.received().includes(`id: ${id}\n`)) return;
        fast.socket.off('data', check);
        resolve();
      };
      fast.socket.on('data', check);
      check();
    });
  }
  expect(isDropped, `not dropped after ${published} events`).toBe(true);
  expect(reasons).toEqual(['slow']);
  expect(events.clients()).toBe(1);
  // Its socket is gone on the server: only the reading client is connected.
  expect(await connections()).toBe(1);

  // Reading again, the slow client gets what the kernel held, then the end: nowhere near everything published.
  const ended = new Promise<void>((resolve) => slow.socket.once('close', () => resolve()));
  slow.socket.resume();
  await ended;
  expect(slow.bytes()).toBeLessThan(publishedBytes);

  const last = await bus.publish(accountStatus('after'));
  await new Promise<void>((resolve) => {
    const check = () => fast.received().includes(`id: ${last}\n`) && resolve();
    fast.socket.on('data', check);
  });
}, 60_000);
