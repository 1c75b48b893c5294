import { randomBytes } from 'node:crypto';
import { get, type ClientRequest, type IncomingMessage } from 'node:http';
import type { Browser, Page } from '@playwright/test';
import { liveEventSchema } from '../src/lib/wire/live-events';
import { WEBHOOK_SECRET_HEADER } from '../server/webhooks/unipile-webhook';
import { findScroller, keepNamesShim, percentile } from './browser';
import type { Recorder } from './load';
import { startTriage, type Running } from './servers';

/*
 * Issue 14's figures: how soon a message delivered by webhook is the first row of an open inbox, and what one process
 * pays to hold 1,000 live-event streams open and deliver to all of them. Both on the embedded simulator, with its own
 * activity off (SIMULATOR_ACTIVITY=0) so that only the messages sent here move chats.
 */

const VIEWPORT = { width: 1440, height: 900 };
const DELIVERIES = 20;
const SSE_CLIENTS = 1_000;
const SSE_EVENTS = 50;
/** A delivery not seen by then counts as missed (the budget is 1 s). */
const GIVE_UP_MS = 5_000;
const round = (n: number) => Math.round(n * 10) / 10;

function liveServer(secret: string): Promise<Running> {
  return startTriage({ SIMULATOR_CHATS: '5000', SIMULATOR_ACTIVITY: '0', UNIPILE_WEBHOOK_SECRET: secret });
}

/**
 * Chats of the inbox from row `from` on (rendered by scrolling there), then back to the top. Far enough down that
 * none is on the first screen, and stays so: moving one of them to the top pushes only the rows above it down.
 */
async function chatsBelowFirstScreen(page: Page, from: number, count: number): Promise<string[]> {
  return page.evaluate(
    async ({ findScrollerSrc, from, count }) => {
      const scroller = (0, eval)(findScrollerSrc) as HTMLElement;
      const rowHeight = scroller.querySelector('[role="option"]')?.getBoundingClientRect().height ?? 72;
      const ids = new Set<string>();
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      for (let row = from; ids.size < count && row < from + 4 * count; row += 5) {
        scroller.scrollTop = row * rowHeight;
        // The next page may have to arrive before the rows are there.
        for (let i = 0; i < 120 && scroller.querySelectorAll('[role="option"]').length === 0; i++) await frame();
        await frame();
        await frame();
        const box = scroller.getBoundingClientRect();
        for (const option of scroller.querySelectorAll<HTMLElement>('[role="option"][data-chat-id]')) {
          const top = option.getBoundingClientRect().top - box.top + scroller.scrollTop;
          if (top >= from * rowHeight && option.dataset.chatId) ids.add(option.dataset.chatId);
        }
      }
      scroller.scrollTop = 0;
      await frame();
      await frame();
      return [...ids].slice(0, count);
    },
    { findScrollerSrc: findScroller, from, count },
  );
}

interface Delivery { ms: number | null; status: number; onScreen: boolean }

/**
 * In the page, so one clock times both ends: just before the POST that makes the message arrive (through the
 * webhook) to the frame, once drawn, whose first option is that chat. `onScreen`: that row was inside the list's
 * viewport then (not kept above it by a scroll anchor).
 */
async function deliverOnce(page: Page, chatId: string): Promise<Delivery> {
  return page.evaluate(
    async ({ chatId, giveUpMs, findScrollerSrc }) => {
      const scroller = (0, eval)(findScrollerSrc) as HTMLElement | null;
      const t0 = performance.now();
      const post = fetch('/api/simulator/activity', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat_id: chatId }) });
      const seen = await new Promise<{ ms: number | null; onScreen: boolean }>((resolve) => {
        const tick = () => {
          const first = document.querySelector<HTMLElement>('[role="listbox"][aria-label="Chats"] [role="option"]');
          if (first?.dataset.chatId === chatId) {
            const box = scroller?.getBoundingClientRect();
            const row = first.getBoundingClientRect();
            const onScreen = !box || (row.bottom > box.top + 1 && row.top < box.bottom - 1);
            // As the first-row probe: the frame that has it, once drawn.
            setTimeout(() => resolve({ ms: performance.now() - t0, onScreen }), 0);
          } else if (performance.now() - t0 > giveUpMs) resolve({ ms: null, onScreen: false });
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      const status = (await post).status;
      return { ...seen, status };
    },
    { chatId, giveUpMs: GIVE_UP_MS, findScrollerSrc: findScroller },
  );
}

/** N messages, one at a time, each to a chat below the first screen of an open inbox at 1440×900. */
export async function webhookToRow(browser: Browser, record: Recorder) {
  const server = await liveServer(randomBytes(24).toString('base64url'));
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(keepNamesShim);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('listbox', { name: 'Chats' }).getByRole('option').first().waitFor({ timeout: 30_000 });
    const targets = await chatsBelowFirstScreen(page, 40, DELIVERIES + 1);
    if (targets.length < DELIVERIES + 1) throw new Error(`bench: only ${targets.length} chats below the first screen`);
    // The first one is not timed: it shows that the stream is open (and warms the code path) before the clock runs.
    const warm = await deliverOnce(page, targets[0] ?? '');
    if (warm.status !== 200) throw new Error(`bench: POST /api/simulator/activity answered ${warm.status}`);
    if (warm.ms === null) throw new Error('bench: a delivered message never reached the top of the list (is the live stream up?)');
    const runs: Delivery[] = [];
    for (const chatId of targets.slice(1)) {
      runs.push(await deliverOnce(page, chatId));
      // Let the refetches a move may start settle, so each delivery is timed alone.
      await page.waitForTimeout(250);
    }
    const times = runs.flatMap((r) => (r.ms === null ? [] : [r.ms]));
    const missed = runs.length - times.length;
    const onScreen = runs.filter((r) => r.onScreen).length;
    const p95 = percentile(times, 95);
    const note = `${runs.length} deliveries, ${missed} missed (> ${GIVE_UP_MS / 1000} s), ${onScreen} on screen, max ${round(Math.max(...times))} ms`;
    record('live: webhook → row visible p50', percentile(times, 50), 'ms', '≤ 1,000 ms', percentile(times, 50) <= 1_000);
    record('live: webhook → row visible p95', missed > 0 ? null : p95, 'ms', '≤ 1,000 ms', missed === 0 && p95 <= 1_000, note);
  } finally {
    await context.close();
    await server.stop();
  }
}

interface SseClient { request: ClientRequest; response: IncomingMessage | null }

/**
 * One EventSource-like client: a plain GET reading the stream, calling `onEvent` with each validated event's message
 * id (message.created only) as its frame completes. Resolves once the stream's first bytes came, null if it failed.
 */
function openClient(url: string, onEvent: (messageId: string) => void): Promise<SseClient | null> {
  return new Promise((resolve) => {
    let buffer = '';
    const request = get(url, { agent: false, headers: { accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        return resolve(null);
      }
      response.setEncoding('utf8');
      let opened = false;
      response.on('data', (chunk: string) => {
        if (!opened) {
          opened = true;
          resolve(client);
        }
        buffer += chunk;
        const frames = buffer.split('\n\n');
        buffer = frames.pop() ?? '';
        for (const frame of frames) {
          const data = frame.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
          if (data === '') continue;
          let json: unknown;
          try {
            json = JSON.parse(data);
          } catch {
            continue;
          }
          const parsed = liveEventSchema.safeParse(json);
          if (parsed.success && parsed.data.type === 'message.created') onEvent(parsed.data.message.id);
        }
      });
      client.response = response;
    });
    const client: SseClient = { request, response: null };
    request.on('error', () => resolve(null));
    request.setTimeout(30_000, () => request.destroy());
  });
}

function messageWebhook(messageId: string) {
  return {
    event: 'message_received',
    account_id: 'bench-account',
    account_type: 'WHATSAPP',
    chat_id: 'bench-chat',
    message_id: messageId,
    timestamp: new Date().toISOString(),
    message: 'bench: live fan-out',
    sender: { attendee_id: 'bench-sender', attendee_name: 'Bench' },
  };
}

/** 1,000 streams on one process: RSS per client, and from each webhook POST to each client's receipt. */
export async function sseFanOut(record: Recorder) {
  const secret = randomBytes(24).toString('base64url');
  const server = await liveServer(secret);
  const clients: SseClient[] = [];
  // message id → when its POST started, and the receipt times of it so far.
  const sent = new Map<string, { t0: number; received: number[] }>();
  const onEvent = (id: string) => sent.get(id)?.received.push(performance.now());
  const post = async (messageId: string) => {
    const response = await fetch(`${server.url}/webhooks/unipile`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SECRET_HEADER]: secret },
      body: JSON.stringify(messageWebhook(messageId)),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`bench: POST /webhooks/unipile answered ${response.status}`);
  };
  try {
    // Warm-up (JIT, the route's first stream): one client, one event, gone again; then the baseline.
    const warm = await openClient(`${server.url}/api/events`, onEvent);
    if (!warm) throw new Error('bench: GET /api/events failed');
    await post(`bench-warm-${Date.now()}`);
    warm.request.destroy();
    await new Promise((r) => setTimeout(r, 1_000));
    const before = server.rssMb();

    // In batches, so the listen backlog (511) never overflows into SYN retries.
    for (let i = 0; i < SSE_CLIENTS; i += 100) {
      const batch = await Promise.all(Array.from({ length: Math.min(100, SSE_CLIENTS - i) }, () => openClient(`${server.url}/api/events`, onEvent)));
      for (const c of batch) if (c) clients.push(c);
    }
    const connected = clients.length;
    await new Promise((r) => setTimeout(r, 1_000));
    const withClients = server.rssMb();
    record('live: SSE clients connected', connected, 'clients', `${SSE_CLIENTS}`, connected === SSE_CLIENTS);
    record('live: server RSS before / with clients', withClients, 'MB', '', null, `before ${round(before)} MB`);
    record('live: server RSS per SSE client', connected ? ((withClients - before) * 1024) / connected : null, 'KB');

    const delays: number[] = [];
    let missed = 0;
    const started = performance.now();
    for (let k = 0; k < SSE_EVENTS; k++) {
      const id = `bench-${k}-${Date.now()}`;
      const entry = { t0: performance.now(), received: [] as number[] };
      sent.set(id, entry);
      await post(id);
      // Each event is timed alone: the next goes once every client has it (or the wait is given up).
      while (entry.received.length < connected && performance.now() - entry.t0 < GIVE_UP_MS) await new Promise((r) => setTimeout(r, 5));
      missed += connected - entry.received.length;
      for (const t of entry.received) delays.push(t - entry.t0);
    }
    const seconds = (performance.now() - started) / 1000;
    const p95 = percentile(delays, 95);
    const note = `${SSE_EVENTS} events × ${connected} clients in ${round(seconds)} s, ${missed} receipts missed, max ${round(Math.max(...delays))} ms`;
    record('live: SSE delivery, POST → client, p50', percentile(delays, 50), 'ms');
    record('live: SSE delivery, POST → client, p95', p95, 'ms', '≤ 1,000 ms', missed === 0 && p95 <= 1_000, note);
    record('live: server RSS after the events', server.rssMb(), 'MB');
  } finally {
    for (const c of clients) c.request.destroy();
    await server.stop();
  }
}
