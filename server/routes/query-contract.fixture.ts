import fc from 'fast-check';

/*
 * Tests only: the query contract documented in README.md ("The API the browser speaks"), written out independently of ./query.ts so the
 * property tests compare the validators against it, and arbitraries of valid, invalid and arbitrary values.
 */

export type RuleName = 'limit' | 'nonEmpty' | 'dateTime' | 'accountType' | 'boolean' | 'idList' | 'q';

/** What the contract says of one value: accepted as `value`, refused, or (outside what it pins down) either. */
export type Verdict = { kind: 'accept'; value: string } | { kind: 'reject' } | { kind: 'either'; value: string };

export const PROVIDERS = ['WHATSAPP', 'LINKEDIN', 'SLACK', 'TWITTER', 'MESSENGER', 'INSTAGRAM', 'TELEGRAM'] as const;

/** "Ignoring case and accents", as the README documents q: "zoe" finds "Zoë". */
export const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const accept = (value: string): Verdict => ({ kind: 'accept', value });
const reject: Verdict = { kind: 'reject' };
const SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const ORACLES: Record<RuleName, (value: string) => Verdict> = {
  // A whole number 1–250 in ASCII digits; with leading zeros the contract says nothing, but if kept it is canonical.
  limit: (v) => {
    if (!/^[0-9]+$/.test(v)) return reject;
    const n = Number(v);
    if (n < 1 || n > 250) return reject;
    return v === String(n) ? accept(v) : { kind: 'either', value: String(n) };
  },
  nonEmpty: (v) => (v === '' ? reject : accept(v)),
  // YYYY-MM-DDTHH:MM:SS.sssZ; a real instant of years 1000–2999 (the API's pattern) must pass, anything else of
  // that shape (month 13, year 3000) is the API's business.
  dateTime: (v) => {
    if (!SHAPE.test(v)) return reject;
    const ms = Date.parse(v);
    const real = !Number.isNaN(ms) && new Date(ms).toISOString() === v;
    const year = Number(v.slice(0, 4));
    return real && year >= 1000 && year <= 2999 ? accept(v) : { kind: 'either', value: v };
  },
  accountType: (v) => ((PROVIDERS as readonly string[]).includes(v) ? accept(v) : reject),
  boolean: (v) => (v === 'true' || v === 'false' ? accept(v) : reject),
  idList: (v) => (v !== '' && v.split(',').every((id) => /\S/.test(id)) ? accept(v) : reject),
  // Not blank (whitespace and accents alone are blank), at most 200 characters; read ignoring case and accents (so the
  // value is given folded: the filter may hold the text as sent or folded, the same once folded).
  q: (v) => (v.length > 200 || /^[\s\p{M}]*$/u.test(v.normalize('NFD')) ? reject : accept(fold(v))),
};

export type Spec = Readonly<Record<string, RuleName>>;

/** Per route, as documented in the README, in the order the route checks them. */
export const DOCUMENTED = {
  chats: { unread: 'boolean', cursor: 'nonEmpty', before: 'dateTime', after: 'dateTime', limit: 'limit', account_type: 'accountType', account_id: 'idList' },
  accounts: { cursor: 'nonEmpty', limit: 'limit' },
  chat: { account_id: 'nonEmpty' },
  messages: { cursor: 'nonEmpty', before: 'dateTime', after: 'dateTime', limit: 'limit', sender_id: 'nonEmpty' },
  allMessages: { cursor: 'nonEmpty', before: 'dateTime', after: 'dateTime', limit: 'limit', sender_id: 'nonEmpty', account_id: 'nonEmpty' },
  none: {},
  extension: { folder: 'nonEmpty', archived: 'boolean', pinned: 'boolean', muted: 'boolean', q: 'q' },
} as const satisfies Record<string, Spec>;

export interface Expected {
  /** Parameters that must be refused (given twice, or an invalid value); a 400 names one of them. */
  offenders: string[];
  /** Parameters the contract lets go either way; a 400 may name them too. */
  maybe: string[];
  /** What passes on, in spec order, when nothing is refused. */
  forwarded: [string, string][];
}

export function expectedFor(params: URLSearchParams, spec: Spec): Expected {
  const out: Expected = { offenders: [], maybe: [], forwarded: [] };
  for (const [name, rule] of Object.entries(spec)) {
    const values = params.getAll(name);
    if (values.length === 0) continue;
    if (values.length > 1) {
      out.offenders.push(name);
      continue;
    }
    const verdict = ORACLES[rule](values[0] ?? '');
    if (verdict.kind === 'reject') out.offenders.push(name);
    else {
      if (verdict.kind === 'either') out.maybe.push(name);
      out.forwarded.push([name, verdict.value]);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries.

const instant = fc.date({ min: new Date('1000-01-01T00:00:00.000Z'), max: new Date('2999-12-31T23:59:59.999Z'), noInvalidDate: true });
/** Text with something in it that is not whitespace, and no comma. */
const idAtom = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => /\S/.test(s) && !s.includes(','));
const spaces = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u3000', '\u2028', '\ufeff'), maxLength: 6 });
/** Blank for a search: whitespace and combining accents only. */
const blank = fc.string({ unit: fc.constantFrom(' ', '\t', '\u00a0', '\u3000', '\u0301', '\u0308', '\u20dd'), maxLength: 6 });

export const VALID: Record<RuleName, fc.Arbitrary<string>> = {
  limit: fc.integer({ min: 1, max: 250 }).map(String),
  nonEmpty: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  dateTime: instant.map((d) => d.toISOString()),
  accountType: fc.constantFrom(...PROVIDERS),
  boolean: fc.constantFrom('true', 'false'),
  idList: fc.array(idAtom, { minLength: 1, maxLength: 4 }).map((ids) => ids.join(',')),
  q: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((s) => ORACLES.q(s).kind === 'accept'),
};

export const INVALID: Record<RuleName, fc.Arbitrary<string>> = {
  limit: fc.oneof(
    fc.constantFrom('', '0', '00', '251', '-1', '1.5', '1e2', '0x10', '+10', ' 10', '10 ', '١٠', '１０', 'ten', '10abc', 'Infinity', 'NaN'),
    fc.integer({ min: 251, max: 10_000_000 }).map(String),
    fc.integer({ min: -1000, max: 0 }).map(String),
  ),
  nonEmpty: fc.constant(''),
  dateTime: fc.oneof(
    fc.constantFrom('', 'now', 'today', '2025-01-01', '2025-01-01T00:00:00Z', '2025-01-01 00:00:00.000Z', '2025-01-01t00:00:00.000z'),
    instant.map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')),
    instant.map((d) => d.toISOString().replace('Z', '+00:00')),
    instant.map((d) => ` ${d.toISOString()}`),
    instant.map((d) => String(d.getTime())),
  ),
  accountType: fc.oneof(
    fc.constantFrom('', 'FAX', 'EMAIL', 'LINKEDIN,SLACK', ' SLACK', 'SLACK ', 'LİNKEDIN'),
    fc.constantFrom(...PROVIDERS).map((p) => p.toLowerCase()),
  ),
  boolean: fc.constantFrom('', 'TRUE', 'True', 'FALSE', '1', '0', 'yes', 'no', 'on', ' true', 'false\n', 'truefalse'),
  idList: fc.oneof(
    fc.constantFrom('', ',', ',,', ' ', 'a,', ',a', 'a,,b', 'a, ,b', 'a,\u3000', '\u00a0'),
    fc.tuple(fc.array(idAtom, { maxLength: 3 }), spaces, fc.array(idAtom, { maxLength: 3 })).map(([a, gap, b]) => [...a, gap, ...b].join(',')),
  ),
  q: fc.oneof(blank, fc.string({ minLength: 201, maxLength: 400 })),
};

const RULES = Object.keys(ORACLES) as RuleName[];
const separators = fc.constantFrom(',', '%', '%2', '%zz', '%00', '&', '=', '+', '#', '?', ' ', '\t', '\n', '\u0000', '\u202e');

/** Any text: graphemes, any code point, lone surrogates, and runs of the characters that matter to these rules. */
export const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 3 }),
  fc.string({ unit: fc.oneof(separators, fc.constantFrom(...'0123456789-:.TZtrue')), maxLength: 30 }),
);

/** A value worth trying for any parameter: valid or invalid for some rule, or anything. */
export const anyValue = fc.oneof(...RULES.map((rule) => VALID[rule]), ...RULES.map((rule) => INVALID[rule]), anyText);

/** Pairs for a query string: mostly the given names (so repeats happen), some other routes' names, some noise. */
export function queryPairs(names: readonly string[], valueFor: (name: string) => fc.Arbitrary<string> = () => anyValue) {
  const others = fc.constantFrom('foo', 'unread', 'account_type', 'sender_id', 'folder', 'q', '__proto__', 'constructor', 'LIMIT', 'limit ');
  const pair = fc.oneof(
    ...(names.length > 0 ? [{ weight: 4, arbitrary: fc.constantFrom(...names).chain((n) => fc.tuple(fc.constant(n), fc.oneof(valueFor(n), anyValue))) }] : []),
    { weight: 1, arbitrary: fc.tuple(fc.oneof(others, anyText), anyValue) },
  );
  return fc.array(pair, { maxLength: 8 });
}

/** The valid value of a documented name's rule, for queries that should pass. */
export function validFor(spec: Spec): (name: string) => fc.Arbitrary<string> {
  return (name) => {
    const rule = spec[name];
    return rule ? VALID[rule] : anyValue;
  };
}

/** A raw query string, not necessarily one URLSearchParams would write: stray %, &, =, + and names. */
export function rawQuery(names: readonly string[]) {
  const piece = fc.oneof(fc.constantFrom(...names, ...names.map((n) => `${n}=`), 'x='), separators, anyValue);
  return fc.array(piece, { maxLength: 14 }).map((parts) => parts.join(''));
}
