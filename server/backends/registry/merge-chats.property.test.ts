import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKEND_KINDS } from '../../../src/lib/wire/backends';
import { at, fakeChat, fakeMember, type FakeMember } from './fake-member.fixture';
import { createRegistry } from './index';

/*
 * The merge's paging guarantee over random data: members of random sizes and paging, timestamps drawn from a few
 * values (ties within and across members, chats without a time), random page sizes, and random chats moving to the
 * top between pages. Walking the cursor answers no chat twice, every chat that never moved, and newest first.
 */

const memberArb = fc.record({
  // Few distinct times, so ties are everywhere; null is a chat without a timestamp.
  minutes: fc.array(fc.option(fc.integer({ min: 1, max: 8 }), { nil: null, freq: 6 }), { maxLength: 40 }),
  paging: fc.constantFrom('offset' as const, 'keyset' as const),
});

const scenarioArb = fc.record({
  members: fc.array(memberArb, { minLength: 2, maxLength: BACKEND_KINDS.length }),
  limit: fc.integer({ min: 1, max: 12 }),
  // After page n, these indexes (modulo the member's size) move to the top of their member.
  moves: fc.array(fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }), { maxLength: 30 }),
});

describe('merged chat list paging (property)', () => {
  it('answers every chat that did not move exactly once, newest first, while chats move between pages', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ members: specs, limit, moves }) => {
        const members: FakeMember[] = specs.map((spec, m) => {
          const kind = BACKEND_KINDS[m] ?? 'unipile';
          return fakeMember(kind, { paging: spec.paging, chats: spec.minutes.map((min, i) => fakeChat(`c${i}${i % 3 === 0 ? '~x' : ''}`, min === null ? null : at(min * 10))) });
        });
        const registry = createRegistry(members);
        const moved = new Set<string>();
        let newest = 0;
        const answered: { id: string; ts: number }[] = [];
        let cursor: string | null = null;
        for (let n = 0; ; n++) {
          if (n > 2_000) throw new Error('the listing never ended');
          const query = new URLSearchParams({ limit: String(limit) });
          if (cursor !== null) query.set('cursor', cursor);
          const response = await registry.request({ method: 'GET', path: '/api/v1/chats', query });
          const page = (await response.json()) as { items: { id: string; timestamp: string | null }[]; cursor: string | null };
          expect(page.items.length).toBeLessThanOrEqual(limit);
          answered.push(...page.items.map((c) => ({ id: c.id, ts: c.timestamp === null ? -Infinity : Date.parse(c.timestamp) })));
          if (page.cursor === null) break;
          cursor = page.cursor;
          for (const [which, index] of moves[n] ?? []) {
            const member = members[which % members.length];
            const chat = member?.chats[index % Math.max(1, member.chats.length)];
            if (!member || !chat) continue;
            chat.timestamp = new Date(at(-++newest)).toISOString();
            moved.add(`${member.kind}~${chat.id}`);
          }
        }
        const ids = answered.map((a) => a.id);
        expect(new Set(ids).size).toBe(ids.length);
        const everyChat = members.flatMap((m) => m.chats.map((c) => `${m.kind}~${c.id}`));
        expect(everyChat.filter((id) => !moved.has(id) && !ids.includes(id))).toEqual([]);
        const times = answered.map((a) => a.ts);
        expect(times).toEqual([...times].sort((a, b) => b - a));
      }),
      { numRuns: 300 },
    );
  });
});
