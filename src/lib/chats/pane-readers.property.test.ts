import assert from 'node:assert/strict';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { malformedMutation, oddTypedMutation, wireChat } from '@/lib/chats/wire-chat.fixture';
import { fetchAttendees } from './attendees';
import { fetchChat } from './detail';
import { fetchMessagePage } from './messages';

/*
 * Issue 10, scope 8: the chat pane's readers of the wire (one chat, its messages, its attendees). Whatever JSON
 * arrives, nothing throws but the typed ApiError for an unreadable answer; a valid item is always read with its id,
 * a malformed one skipped, and a malformed attachment or reaction dropped on its own without losing its message.
 * Inside properties, node:assert (vitest's expect costs ~20 µs a call, most of the time at 10,000 runs).
 */

const RUNS = { numRuns: 10_000 };

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The API answers each request with the next body (the last one repeated). */
function answer(...bodies: unknown[]): void {
  let i = 0;
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(bodies[Math.min(i++, bodies.length - 1)]), { status: 200 }));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function expectInvalidResponse(error: unknown): void {
  if (!(error instanceof ApiError)) throw error;
  assert.equal(error.type, 'client/invalid_response');
}

const id = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 });
const text = fc.option(fc.string({ unit: 'binary', maxLength: 16 }), { nil: null });
const flag = fc.constantFrom(0, 1, true, false, null);
const iso = fc.date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2040-01-01T00:00:00.000Z'), noInvalidDate: true }).map((d) => d.toISOString());
/** Never an object with an id: what a malformed entry in a list of attachments or attendees looks like. */
const junk = fc.oneof(fc.jsonValue({ maxDepth: 0 }), fc.array(fc.jsonValue({ maxDepth: 0 }), { maxLength: 2 }), fc.constant({}), fc.record({ id: fc.constantFrom('', 3, null) }));
const toFlag = (value: unknown) => value === true || (typeof value === 'number' && value !== 0);

describe('GET /chats/:id', () => {
  it('a valid chat is read with its id; anything else is an ApiError, never another error', async () => {
    const body = fc.oneof(
      wireChat.map((chat) => ({ chat, ok: true })),
      fc.tuple(wireChat, malformedMutation).map(([chat, m]) => ({ chat: m.apply(chat), ok: false })),
      // An odd-typed field: the wire module decides; either way no other error.
      fc.tuple(wireChat, oddTypedMutation).map(([chat, m]) => ({ chat: m.apply(chat), ok: undefined })),
      fc.jsonValue({ maxDepth: 2 }).map((chat) => ({ chat, ok: undefined })),
    );
    await fc.assert(
      fc.asyncProperty(body, async ({ chat, ok }) => {
        answer(chat);
        try {
          const read = await fetchChat('chat 1');
          assert.notEqual(ok, false, 'read a malformed chat');
          assert.ok(isRecord(chat) && read.id === chat.id);
        } catch (error) {
          expectInvalidResponse(error);
          assert.notEqual(ok, true, 'refused a valid chat');
        }
      }),
      RUNS,
    );
  });
});

const validAttachment = fc.record(
  {
    id,
    type: fc.option(fc.constantFrom('img', 'video', 'audio', 'file', 'linkedin_post', 'other'), { nil: null }),
    file_name: text,
    file_size: fc.option(fc.oneof(fc.nat(), fc.double({ noNaN: true, noDefaultInfinity: true })), { nil: null }),
    mimetype: text,
    unavailable: flag,
    size: fc.option(fc.record({ width: fc.integer({ min: -1, max: 4000 }), height: fc.integer({ min: -1, max: 4000 }) }), { nil: null }),
    sticker: flag,
    voice_note: flag,
    duration: fc.option(fc.nat(), { nil: null }),
  },
  { requiredKeys: ['id'] },
);
const validReaction = fc.record({ value: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }), sender_id: text, is_sender: flag }, { requiredKeys: ['value'] });
type Entry<T> = { v: T; ok: true } | { v: fc.JsonValue; ok: false };
const entries = <T,>(valid: fc.Arbitrary<T>) =>
  fc.array(fc.oneof(valid.map((v): Entry<T> => ({ v, ok: true })), junk.map((v): Entry<T> => ({ v, ok: false }))), { maxLength: 3 });
const validOnes = <T,>(list: Entry<T>[] | null | undefined): T[] => (list ?? []).flatMap((e) => (e.ok ? [e.v] : []));

const validMessage = fc
  .record(
    {
      id,
      sender_id: text,
      text,
      timestamp: fc.option(iso, { nil: null }),
      is_sender: flag,
      attachments: fc.option(entries(validAttachment), { nil: null }),
      reactions: fc.option(entries(validReaction), { nil: null }),
      quoted: fc.oneof(fc.constant(null), fc.record({ sender_id: text, text }, { requiredKeys: [] }), fc.jsonValue({ maxDepth: 0 })),
      deleted: flag,
      edited: flag,
      delivered: flag,
    },
    { requiredKeys: ['id'] },
  )
  .map((m) => ({
    wire: { ...m, attachments: m.attachments?.map((e) => e.v), reactions: m.reactions?.map((e) => e.v) },
    attachments: validOnes(m.attachments).map((a) => a.id),
    reactions: validOnes(m.reactions).flatMap((r) => (r.value.trim() === '' ? [] : [r.value])),
  }));
const brokenMessage = fc.oneof(
  fc.constantFrom<fc.JsonValue>(null, 1, 'm', []),
  fc.tuple(validMessage, fc.constantFrom<[string, fc.JsonValue]>(['id', ''], ['id', 7], ['text', 5], ['attachments', 'x'], ['is_sender', 'yes'], ['timestamp', {}])).map(
    ([m, [key, value]]) => ({ ...m.wire, [key]: value }),
  ),
);

describe('GET /chats/:id/messages', () => {
  it('valid messages are read with their ids, in order; malformed ones skipped; bad attachments and reactions dropped alone', async () => {
    const page = fc.array(fc.oneof(validMessage.map((m) => ({ m, ok: true as const })), brokenMessage.map((m) => ({ m, ok: false as const }))), { maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(page, async (items) => {
        answer({ object: 'MessageList', items: items.map((i) => (i.ok ? i.m.wire : i.m)), cursor: null });
        const { messages } = await fetchMessagePage('chat 1', null);
        const valid = items.flatMap((i) => (i.ok ? [i.m] : []));
        assert.deepEqual(messages.map((m) => m.id), valid.map((m) => m.wire.id));
        messages.forEach((message, n) => {
          const expected = valid[n];
          if (!expected) return;
          const deleted = toFlag(expected.wire.deleted);
          assert.deepEqual(message.attachments.map((a) => a.id), deleted ? [] : expected.attachments);
          assert.deepEqual(message.reactions.map((r) => r.value), deleted ? [] : expected.reactions);
          assert.equal(message.mine, toFlag(expected.wire.is_sender));
          const wireText = expected.wire.text;
          assert.equal(message.text, deleted || !wireText || wireText.trim() === '' ? null : wireText);
        });
      }),
      RUNS,
    );
  });

  it('any JSON answer: messages or an ApiError, never another error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ items: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), cursor: fc.jsonValue({ maxDepth: 0 }) })), async (json) => {
        answer(json);
        try {
          await fetchMessagePage('chat 1', null);
        } catch (error) {
          expectInvalidResponse(error);
          assert.ok(!(isRecord(json) && Array.isArray(json.items)), 'a page with an items array was refused whole');
        }
      }),
      RUNS,
    );
  });
});

describe('GET /chats/:id/attendees', () => {
  const profileUrl = fc.oneof(text, fc.constantFrom('https://www.linkedin.com/in/x', 'http://a.test', 'javascript:alert(1)', 'data:text/html,x', 'ftp://f.test', 'not a url'));
  const validAttendee = fc.record(
    { id, provider_id: text, name: text, is_self: flag, hidden: flag, picture_url: text, profile_url: profileUrl, specifics: fc.option(fc.record({ headline: text, occupation: text }, { requiredKeys: [] }), { nil: null }) },
    { requiredKeys: ['id'] },
  );

  it('valid attendees are read with their ids and a name, links only http(s), pictures only through Triage; others skipped', async () => {
    const page = fc.array(fc.oneof(validAttendee.map((a) => ({ a, ok: true })), junk.map((a) => ({ a, ok: false }))), { maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(page, async (items) => {
        answer({ object: 'ChatAttendeeList', items: items.map((i) => i.a), cursor: null });
        const attendees = await fetchAttendees('chat 1');
        assert.deepEqual(attendees.map((a) => a.id), items.filter((i) => i.ok).map((i) => (i.a as { id: string }).id));
        for (const attendee of attendees) {
          assert.ok(attendee.name.trim() !== '', `attendee ${attendee.id} has no name`);
          assert.ok(attendee.profileUrl === null || /^https?:\/\//.test(attendee.profileUrl), `profile link ${attendee.profileUrl}`);
          assert.ok(attendee.pictureSrc === null || attendee.pictureSrc === `/api/v1/chat_attendees/${encodeURIComponent(attendee.id)}/picture`);
        }
      }),
      RUNS,
    );
  });

  it('any JSON answer: attendees or an ApiError, never another error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (json) => {
        answer(json, { items: [], cursor: null });
        try {
          await fetchAttendees('chat 1');
        } catch (error) {
          expectInvalidResponse(error);
        }
      }),
      RUNS,
    );
  });
});
