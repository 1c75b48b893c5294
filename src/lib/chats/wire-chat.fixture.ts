import fc from 'fast-check';
import { KNOWN_PROVIDERS } from '@/config/providers';
import type { MuteState } from '../wire/readers';

/*
 * Tests only: arbitraries of chat items as the wire carries them (every encoding a seed documents: flags as 0/1 or
 * booleans, muted_until in each form, types as numbers or words, fields absent or null), the mutations that make one
 * malformed, and the documented reading of muted_until to check against.
 */

export const NOW = Date.parse('2026-05-17T12:00:00.000Z');

export type WireItem = { [key: string]: fc.JsonValue };

const iso = fc.date({ min: new Date('1990-01-01T00:00:00.000Z'), max: new Date('2060-01-01T00:00:00.000Z'), noInvalidDate: true }).map((d) => d.toISOString());
// Code points, not graphemes: generating graphemes costs several times as much, and the readers treat both alike.
const text = fc.option(fc.string({ unit: 'binary', maxLength: 12 }), { nil: null });
const flag = fc.constantFrom(0, 1, true, false, null);

/** -1, a date (past or future), null, booleans, epoch seconds or ms, and text that is no date. */
export const mutedUntil = fc.oneof(
  fc.constantFrom(-1, null, true, false, 0, '', '  ', '-1', ' -1 ', 'soon', 'forever'),
  iso,
  fc.integer({ min: 1, max: 2_000_000_000 }),
  fc.double({ min: 1e11, max: 4e12, noNaN: true }).map(Math.floor),
  fc.integer({ min: -1_000_000, max: -1 }),
);

/** muted_until as wire/readers.ts documents it: -1 (or any negative, or true) for good, a date until then, epoch numbers in s or ms. */
export function expectedMute(value: fc.JsonValue | undefined, now: number): MuteState {
  const until = (ms: number): MuteState => (ms > now ? { kind: 'until', until: ms } : { kind: 'none' });
  if (value === null || value === undefined || value === false || value === 0) return { kind: 'none' };
  if (value === true) return { kind: 'forever' };
  if (typeof value === 'number') return value < 0 ? { kind: 'forever' } : until(value < 1e11 ? value * 1000 : value);
  if (typeof value !== 'string') throw new Error(`not a muted_until form: ${JSON.stringify(value)}`);
  const trimmed = value.trim();
  if (trimmed === '') return { kind: 'none' };
  if (trimmed === '-1') return { kind: 'forever' };
  const ms = Date.parse(trimmed);
  // Text that is no date still says "muted": the API only sends the field when something is.
  return Number.isNaN(ms) ? { kind: 'forever' } : until(ms);
}

export const FOLDERS = ['INBOX', 'INBOX_LINKEDIN_CLASSIC', 'INBOX_LINKEDIN_RECRUITER', 'INBOX_LINKEDIN_SALES_NAVIGATOR', 'INBOX_LINKEDIN_ORGANIZATION'];
const KNOWN_FIELDS = ['object', 'id', 'account_id', 'account_type', 'provider_id', 'attendee_provider_id', 'name', 'type', 'timestamp',
  'unread_count', 'archived', 'muted_until', 'read_only', 'pinned', 'disabledFeatures', 'subject', 'content_type', 'folder',
  'organization_id', 'mailbox_id', 'attendees', 'lastMessage'];

const attendee = fc.record({ name: text, display_name: text, is_self: flag }, { requiredKeys: [] });
const lastMessage = fc.record({ sender_name: text, is_sender: flag }, { requiredKeys: [] });

/** A chat item any seed would send: only `id` is required; the rest is absent, null or in one of its encodings. */
export const wireChat: fc.Arbitrary<WireItem> = fc
  .tuple(
    fc.record(
      {
        object: fc.constant('Chat'),
        id: fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }),
        account_id: text,
        account_type: fc.oneof(fc.constantFrom(...KNOWN_PROVIDERS), text),
        provider_id: text,
        attendee_provider_id: text,
        name: fc.oneof(text, fc.constantFrom('null', 'undefined', '   ')),
        type: fc.constantFrom(0, 1, 2, 'group', 'individual', 'broadcast', 'channel', null),
        timestamp: fc.option(iso, { nil: null }),
        unread_count: fc.option(fc.oneof(fc.nat(500), fc.double({ min: -5, max: 500, noNaN: true })), { nil: null }),
        archived: flag,
        muted_until: mutedUntil,
        read_only: fc.constantFrom(0, 1, 2, true, false, null),
        pinned: flag,
        disabledFeatures: fc.option(fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 0 })), { maxLength: 3 }), { nil: null }),
        subject: text,
        content_type: fc.option(fc.constantFrom('inmail', 'sponsored', 'linkedin_offer', 'other'), { nil: null }),
        folder: fc.option(fc.array(fc.oneof(fc.constantFrom(...FOLDERS), fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 0 })), { maxLength: 3 }), { nil: null }),
        organization_id: text,
        mailbox_id: text,
        attendees: fc.option(fc.array(fc.oneof(attendee, fc.jsonValue({ maxDepth: 0 })), { maxLength: 2 }), { nil: null }),
        lastMessage: fc.oneof(lastMessage, fc.jsonValue({ maxDepth: 1 })),
      },
      { requiredKeys: ['id'] },
    ),
    // Fields no seed documents are ignored, whatever they hold.
    fc.dictionary(fc.string({ maxLength: 8 }).filter((k) => !KNOWN_FIELDS.includes(k)), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
  )
  .map(([chat, extra]) => ({ ...extra, ...chat }) as WireItem);

const TEXT_FIELDS = ['account_id', 'account_type', 'provider_id', 'attendee_provider_id', 'name', 'timestamp', 'subject', 'content_type'];
const FLAG_FIELDS = ['archived', 'read_only', 'pinned'];

export type Mutation = { describe: string; apply: (chat: WireItem) => fc.JsonValue };

const set = (field: string, value: fc.JsonValue): Mutation => ({
  describe: `${field}: ${JSON.stringify(value)}`,
  apply: (chat) => ({ ...chat, [field]: value }),
});

/** What makes an item malformed under any reading: no usable id, or not an object at all. */
export const malformedMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ describe: 'no id', apply: ({ id: _id, ...rest }) => rest }),
  fc.constantFrom<fc.JsonValue>('', null, 0, 42, true, {}, ['c1']).map((id) => set('id', id)),
  fc.constantFrom<fc.JsonValue>(null, 7, 'chat', [], true).map((item): Mutation => ({ describe: `the item is ${JSON.stringify(item)}`, apply: () => item })),
);

/**
 * A field in a type no seed documents (an object for a flag, a number for a name…): the wire module decides whether
 * that item is malformed (skipped, reported) or read with the field ignored; either way it is never a crash.
 */
export const oddTypedMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.constantFrom(...FLAG_FIELDS), fc.constantFrom<fc.JsonValue>('yes', 'true', '1', {}, [1])).map(([f, v]) => set(f, v)),
  fc.tuple(fc.constantFrom(...TEXT_FIELDS), fc.constantFrom<fc.JsonValue>(5, true, {}, ['x'])).map(([f, v]) => set(f, v)),
  fc.tuple(fc.constantFrom('unread_count', 'type'), fc.constantFrom<fc.JsonValue>({}, [], true, 'many')).map(([f, v]) => set(f, v)),
  fc.constantFrom<fc.JsonValue>('INBOX', {}, 3).map((v) => set('folder', v)),
  fc.constantFrom<fc.JsonValue>({}, [], [-1]).map((v) => set('muted_until', v)),
);

/** Changes that keep an item readable: an optional field dropped or nulled, an unknown field added. */
export const harmlessMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...KNOWN_FIELDS.filter((f) => f !== 'id')).map(
    (field): Mutation => ({ describe: `no ${field}`, apply: ({ [field]: _dropped, ...rest }) => rest }),
  ),
  fc.constantFrom(...KNOWN_FIELDS.filter((f) => f !== 'id' && f !== 'object')).map((field) => set(field, null)),
  fc.tuple(fc.constantFrom('unknown_field', 'x_extra', 'provider_messaging_id'), fc.jsonValue({ maxDepth: 2 })).map(([f, v]) => set(f, v)),
);
