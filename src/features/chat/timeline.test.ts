import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@/lib/chats/messages';
import { buildTimeline, createDayFormatter, formatBytes } from './timeline';

const fmt = createDayFormatter('en-US', 'UTC');
const NOW = Date.parse('2026-03-10T12:00:00.000Z');

function msg(id: string, iso: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id,
    senderId: 'alice',
    senderAttendeeId: null,
    text: id,
    sentAt: Date.parse(iso),
    mine: false,
    attachments: [],
    reactions: [],
    quoted: null,
    edited: false,
    deleted: false,
    isEvent: false,
    seen: true,
    delivered: true,
    status: 'sent',
    ...extra,
  };
}

describe('buildTimeline', () => {
  it('puts a separator before each new day, labelled Today / Yesterday / a date', () => {
    const rows = buildTimeline(
      [msg('a', '2025-12-31T10:00:00.000Z'), msg('b', '2026-03-09T09:00:00.000Z'), msg('c', '2026-03-10T08:00:00.000Z'), msg('d', '2026-03-10T08:01:00.000Z')],
      NOW,
      fmt,
    );
    expect(rows.flatMap((r) => (r.day ? [`[${r.day.label}]`, r.key] : [r.key]))).toEqual([
      '[Wednesday, December 31, 2025]',
      'a',
      '[Yesterday]',
      'b',
      '[Today]',
      'c',
      'd',
    ]);
  });

  it('starts a new run when the sender changes, after a pause, or around events', () => {
    const rows = buildTimeline(
      [
        msg('a', '2026-03-10T08:00:00.000Z'),
        msg('b', '2026-03-10T08:01:00.000Z'),
        msg('c', '2026-03-10T08:02:00.000Z', { senderId: 'bob' }),
        msg('d', '2026-03-10T08:30:00.000Z', { senderId: 'bob' }),
        msg('e', '2026-03-10T08:31:00.000Z', { senderId: 'bob', isEvent: true }),
        msg('f', '2026-03-10T08:32:00.000Z', { senderId: 'bob' }),
      ],
      NOW,
      fmt,
    );
    const runs = rows.map((r) => `${r.key}${r.startsRun ? '*' : ''}`);
    expect(runs).toEqual(['a*', 'b', 'c*', 'd*', 'e*', 'f*']);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KB'],
    [20_000, '20 KB'],
    [2_000_000, '1.9 MB'],
    [5 * 1024 ** 3, '5 GB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
