import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWN_PROVIDERS } from '@/config/providers';
import {
  accountIdsFromSearch,
  buildChatListQuery,
  canonicalFilters,
  CHAT_VIEWS,
  FILTER_NAMES,
  parseFilterSearch,
  readSearch,
  searchWithFilters,
  type ChatFilters,
} from './filters';

// Valid code points only: a lone surrogate cannot survive any URL encoding, so it is not a value a link can carry.
const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });
const day = fc.date({ min: new Date('1000-01-01T00:00:00.000Z'), max: new Date('2999-12-31T23:59:59.999Z'), noInvalidDate: true });
const instant = fc.oneof(
  day.map((d) => d.toISOString()),
  // Midnight UTC has its own short form in the URL.
  day.map((d) => `${d.toISOString().slice(0, 10)}T00:00:00.000Z`),
);

const validFilters: fc.Arbitrary<ChatFilters> = fc.record(
  {
    provider: fc.constantFrom(...KNOWN_PROVIDERS),
    unread: fc.boolean(),
    folder: text.map((s) => s.trim()).filter((s) => s !== ''),
    view: fc.constantFrom(...CHAT_VIEWS),
    pinned: fc.constant(true as const),
    muted: fc.boolean(),
    q: text.map((s) => s.trim()).filter((s) => readSearch(s) === s),
    after: instant,
    before: instant,
  },
  { requiredKeys: [] },
);

const API_INSTANT = /^[1-2]\d{3}-[0-1]\d-[0-3]\dT\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('filters ↔ app URL (properties)', () => {
  it('any valid filters → query string → the same filters, nothing reported', () => {
    fc.assert(
      fc.property(validFilters, (filters) => {
        expect(parseFilterSearch(searchWithFilters('', filters))).toEqual({ filters: canonicalFilters(filters), invalid: [] });
        // With the leading "?" that location.search carries, too.
        expect(parseFilterSearch(`?${searchWithFilters('', filters)}`).filters).toEqual(canonicalFilters(filters));
      }),
    );
  });

  it('changing filters keeps the rest of the query string (the account selection)', () => {
    const accounts = fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(validFilters, validFilters, accounts, (before, after, ids) => {
        const start = searchWithFilters(`accounts=${ids.join(',')}`, before);
        const next = searchWithFilters(start, after);
        expect(accountIdsFromSearch(next)).toEqual([...ids].sort());
        expect(parseFilterSearch(next).filters).toEqual(canonicalFilters(after));
      }),
    );
  });

  it('any raw values: never throws; each non-blank value is kept or reported, and what is kept is canonical', () => {
    const raw = fc.oneof(text, fc.constantFrom('true', 'false', '1', '0', 'inbox', 'archived', 'all', 'whatsapp', 'FAX', '2026-03-01', '2026-02-30'));
    const rawSearch = fc.dictionary(fc.constantFrom(...FILTER_NAMES), raw, { maxKeys: FILTER_NAMES.length });
    fc.assert(
      fc.property(rawSearch, (values) => {
        const { filters, invalid } = parseFilterSearch(new URLSearchParams(values).toString());
        for (const name of FILTER_NAMES) {
          const value = values[name];
          const reported = invalid.filter((i) => i.name === name);
          if (value === undefined || value.trim() === '') {
            expect(reported).toEqual([]);
            expect(filters[name]).toBeUndefined();
          } else if (reported.length > 0) {
            expect(reported).toEqual([{ name, raw: value }]);
            expect(filters[name]).toBeUndefined();
          }
        }
        // What was kept reads back the same: the parse is idempotent.
        expect(parseFilterSearch(searchWithFilters('', filters))).toEqual({ filters, invalid: [] });
      }),
    );
  });

  it('what a link yields is always a query the API accepts', () => {
    fc.assert(
      fc.property(validFilters, (filters) => {
        const query = buildChatListQuery({ accountIds: [], pageSize: 100, filters });
        for (const name of ['after', 'before']) {
          const value = query.get(name);
          if (value !== null) expect(value).toMatch(API_INSTANT);
        }
        const provider = query.get('account_type');
        if (provider !== null) expect(KNOWN_PROVIDERS).toContain(provider);
        const q = query.get('q');
        if (q !== null) expect(q.length).toBeLessThanOrEqual(200);
      }),
    );
  });
});
