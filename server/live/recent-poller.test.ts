import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/lib/wire/live-events';
import type { Backend, UpstreamRequest } from '../backends/types';
import { createMemoryDedupe } from '../webhooks/dedupe';
import { createRecentPoller } from './recent-poller';

const message = (id: string, at: string, extra: Record<string, unknown> = {}) => ({ object: 'Message', id, chat_id: `chat-${id}`, account_id: 'acc', text: `text ${id}`, timestamp: at, is_sender: 0, sender_attendee_id: 'att', attachments: [], ...extra });

function fakeBackend(pages: unknown[][]) {
  const requests: UpstreamRequest[] = [];
  let tick = 0;
  const backend: Backend = {
    kind: 'periskope',
    simulated: false,
    host: 'test',
    request: (req) => {
      requests.push(req);
      const items = pages[Math.min(tick, pages.length - 1)] ?? [];
      tick += 1;
      return Promise.resolve(Response.json({ object: 'MessageList', items, cursor: null }));
    },
  };
  return { backend, requests };
}

describe('the recent-messages poller', () => {
  it('publishes only what arrived after its first look, oldest first, once, with namespaced ids', async () => {
    const old = message('m1', '2026-12-01T10:00:00.000Z');
    const tie = message('m2', '2026-12-01T10:00:00.000Z');
    const newer = message('m3', '2026-12-01T10:05:00.000Z');
    const newest = message('m4', '2026-12-01T10:06:00.000Z', { is_sender: true, attachments: [{}] });
    const { backend, requests } = fakeBackend([[old], [newest, newer, tie, old], [newest, newer, tie, old]]);
    const events: LiveEvent[] = [];
    const poller = createRecentPoller({ kind: 'periskope', backend, namespaced: true, publish: (e) => Promise.resolve(events.push(e)), dedupe: createMemoryDedupe(), intervalMs: 60_000 });
    await poller.poll();
    expect(events).toEqual([]);
    await poller.poll();
    expect(events.map((e) => (e.type === 'message.created' ? e.message.id : ''))).toEqual(['periskope~m2', 'periskope~m3', 'periskope~m4']);
    expect(events[2]).toMatchObject({ chat_id: 'periskope~chat-m4', account_id: 'periskope~acc', message: { is_sender: 1, attachment_count: 1, sender_attendee_id: 'periskope~att' } });
    await poller.poll();
    expect(events).toHaveLength(3);
    expect(requests.every((r) => r.method === 'GET' && r.path === '/api/v1/messages')).toBe(true);
  });

  it('two copies sharing a dedupe publish each message once; a failing upstream publishes nothing and says why', async () => {
    const dedupe = createMemoryDedupe();
    const events: LiveEvent[] = [];
    const pages = [[], [message('m9', new Date(Date.now() + 60_000).toISOString())]];
    const a = createRecentPoller({ kind: 'unipile', backend: fakeBackend(pages).backend, namespaced: false, publish: (e) => Promise.resolve(events.push(e)), dedupe, intervalMs: 60_000 });
    const b = createRecentPoller({ kind: 'unipile', backend: fakeBackend(pages).backend, namespaced: false, publish: (e) => Promise.resolve(events.push(e)), dedupe, intervalMs: 60_000 });
    await Promise.all([a.poll(), b.poll()]);
    await Promise.all([a.poll(), b.poll()]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ chat_id: 'chat-m9' });

    const errors: unknown[] = [];
    const failing: Backend = { kind: 'periskope', simulated: false, host: 't', request: () => Promise.reject(new Error('down')) };
    const c = createRecentPoller({ kind: 'periskope', backend: failing, namespaced: false, publish: () => Promise.reject(new Error('never')), dedupe, intervalMs: 60_000, onError: (e) => errors.push(e) });
    await c.poll();
    expect(errors).toHaveLength(1);
  });

  it('a poll asked for while one is reading reads again after it, so what happened before the ask is published', async () => {
    let release: () => void = () => undefined;
    const items: unknown[][] = [[]];
    let calls = 0;
    const backend: Backend = {
      kind: 'periskope',
      simulated: true,
      host: 'test',
      request: async () => {
        calls += 1;
        const page = items[items.length - 1];
        if (calls === 2) await new Promise<void>((resolve) => (release = resolve));
        return Response.json({ object: 'MessageList', items: page, cursor: null });
      },
    };
    const events: LiveEvent[] = [];
    const poller = createRecentPoller({ kind: 'periskope', backend, namespaced: false, publish: (e) => Promise.resolve(events.push(e)), dedupe: createMemoryDedupe(), intervalMs: 60_000 });
    await poller.poll();
    const slow = poller.poll(); // reads the page as it was: no message yet
    items.push([message('late', new Date(Date.now() + 60_000).toISOString())]);
    const asked = poller.poll(); // asked after the message arrived
    release();
    await Promise.all([slow, asked]);
    expect(events.map((e) => (e.type === 'message.created' ? e.message.id : ''))).toEqual(['late']);
    expect(calls).toBe(3);
  });
});
