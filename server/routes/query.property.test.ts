import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChatFilters } from '../chat-scan/filters';
import { InvalidParameterError } from './errors';
import {
  accountType,
  ACCOUNT_LIST_QUERY,
  boolean,
  CHAT_LIST_QUERY,
  CHAT_QUERY,
  dateTime,
  idList,
  limit,
  MESSAGE_LIST_QUERY,
  ALL_MESSAGES_QUERY,
  nonEmpty,
  pickQuery,
  searchParamsOf,
  type QuerySpec,
} from './query';
import {
  anyText,
  anyValue,
  DOCUMENTED,
  expectedFor,
  fold,
  INVALID,
  ORACLES,
  queryPairs,
  rawQuery,
  VALID,
  type Expected,
  type RuleName,
  type Spec,
} from './query-contract.fixture';

/*
 * Issue 10, scope 8: every query validator against the contract in README.md "The API the browser speaks" (written out in query-contract.fixture.ts):
 * valid input is accepted and normalized as documented, invalid input throws InvalidParameterError naming the
 * parameter, and nothing else is ever thrown. Inside properties, node:assert: vitest's expect costs ~20 µs a call,
 * which at 10,000 runs a property is most of the time.
 */

const RUNS = { numRuns: 10_000 };

/** What a refusal must look like: our error, naming one of `names`, as `<param>: <why>`, with a bounded echo. */
function expectRefusal(error: unknown, names: readonly string[]): void {
  if (!(error instanceof InvalidParameterError)) throw error;
  assert.ok(names.includes(error.param), `refused ${JSON.stringify(error.param)}, expected one of ${JSON.stringify(names)}`);
  assert.ok(error.message.startsWith(`${error.param}: `), error.message);
  // A huge value is not echoed whole (quote() cuts it at 80 characters, JSON-escaped).
  assert.ok(error.message.length < error.param.length + 700, error.message);
}

/** The entries of a record whose keys may be absent (fc.record with no required keys). */
const present = (values: Partial<Record<string, string>>): [string, string][] =>
  Object.entries(values).flatMap(([name, value]) => (value === undefined ? [] : [[name, value] as [string, string]]));

const RULES: [RuleName, (name: string, value: string) => string][] = [
  ['limit', limit],
  ['nonEmpty', nonEmpty],
  ['dateTime', dateTime],
  ['accountType', accountType],
  ['boolean', boolean],
  ['idList', idList],
];
const paramName = fc.oneof(fc.constantFrom('limit', 'cursor', 'before', 'after', 'account_type', 'unread', 'account_id', 'sender_id'), anyText);

describe.each(RULES)('the %s rule', (ruleName, rule) => {
  it('accepts every valid value, normalized as documented', () => {
    fc.assert(
      fc.property(paramName, VALID[ruleName], (name, value) => {
        const verdict = ORACLES[ruleName](value);
        assert.equal(verdict.kind, 'accept');
        assert.equal(rule(name, value), verdict.kind === 'accept' ? verdict.value : null);
      }),
      RUNS,
    );
  });

  it('on any text: accepts what the contract accepts, refuses the rest naming the parameter, throws nothing else', () => {
    fc.assert(
      fc.property(paramName, fc.oneof(INVALID[ruleName], anyText, anyValue), (name, value) => {
        const verdict = ORACLES[ruleName](value);
        let result: string;
        try {
          result = rule(name, value);
        } catch (error) {
          expectRefusal(error, [name]);
          assert.notEqual(verdict.kind, 'accept', `refused ${JSON.stringify(value)}`);
          return;
        }
        assert.ok(verdict.kind !== 'reject', `accepted ${JSON.stringify(value)}`);
        assert.equal(result, verdict.value);
      }),
      RUNS,
    );
  });
});

/** pickQuery against the expectation: refuses naming an offender, or forwards exactly the documented parameters. */
function checkPick(params: URLSearchParams, spec: QuerySpec, documented: Spec): void {
  const expected: Expected = expectedFor(params, documented);
  let out: URLSearchParams;
  try {
    out = pickQuery(params, spec);
  } catch (error) {
    expectRefusal(error, [...expected.offenders, ...expected.maybe]);
    return;
  }
  assert.deepEqual(expected.offenders, [], 'accepted a query the contract refuses');
  assert.deepEqual([...out], expected.forwarded);
}

const SPECS: [string, QuerySpec, Spec][] = [
  ['GET /chats', CHAT_LIST_QUERY, DOCUMENTED.chats],
  ['GET /accounts', ACCOUNT_LIST_QUERY, DOCUMENTED.accounts],
  ['GET /chats/:id', CHAT_QUERY, DOCUMENTED.chat],
  ['GET /chats/:id/messages', MESSAGE_LIST_QUERY, DOCUMENTED.messages],
  ['GET /messages', ALL_MESSAGES_QUERY, DOCUMENTED.allMessages],
  ['a spec with no parameters', {}, DOCUMENTED.none],
];

describe.each(SPECS)('pickQuery for %s', (_route, spec, documented) => {
  const names = Object.keys(documented);

  it('checks exactly the documented parameters, in order', () => {
    expect(Object.keys(spec)).toEqual(names);
  });

  it('forwards any set of valid documented values as documented, and drops every other parameter', () => {
    const valid = fc.record(Object.fromEntries(names.map((n) => [n, VALID[documented[n] as RuleName]])), { requiredKeys: [] });
    const noise = fc.array(fc.tuple(fc.oneof(anyText, fc.constantFrom('foo', 'folder', 'q', 'LIMIT')).filter((n) => !names.includes(n)), anyValue), { maxLength: 4 });
    fc.assert(
      fc.property(valid, noise, (values, extra) => {
        const params = new URLSearchParams([...extra, ...present(values)]);
        assert.deepEqual(expectedFor(params, documented).offenders, []);
        assert.deepEqual([...pickQuery(params, spec)], expectedFor(params, documented).forwarded);
      }),
      RUNS,
    );
  });

  it('on generated parameters (repeats, wrong values, unicode): the contract, and only InvalidParameterError', () => {
    fc.assert(fc.property(queryPairs(names), (pairs) => checkPick(new URLSearchParams(pairs), spec, documented)), RUNS);
  });

  it('on raw query strings (stray %, &, =, +, #): the contract, and only InvalidParameterError', () => {
    fc.assert(
      fc.property(rawQuery(names), (raw) => {
        const params = searchParamsOf(`/api/v1/x?${raw}`);
        // The query ends at the first '#', and is read the way URLSearchParams reads it.
        assert.deepEqual([...params], [...new URLSearchParams(raw.split('#')[0])]);
        checkPick(params, spec, documented);
      }),
      RUNS,
    );
  });
});

describe('parseChatFilters (the extension filters of GET /chats)', () => {
  const documented = DOCUMENTED.extension;
  const names = Object.keys(documented);

  function check(params: URLSearchParams): void {
    const expected = expectedFor(params, documented);
    let filters: ReturnType<typeof parseChatFilters>;
    try {
      filters = parseChatFilters(params);
    } catch (error) {
      expectRefusal(error, [...expected.offenders, ...expected.maybe]);
      return;
    }
    assert.deepEqual(expected.offenders, [], 'accepted filters the contract refuses');
    if (expected.forwarded.length === 0) {
      assert.equal(filters, null);
      return;
    }
    const want: Record<string, string | boolean> = {};
    for (const [name, value] of expected.forwarded) want[name] = documented[name as keyof typeof documented] === 'boolean' ? value === 'true' : value;
    // The search text may be kept as sent or folded; what counts is what it matches.
    const got: Record<string, unknown> = { ...filters };
    if (typeof got.q === 'string') got.q = fold(got.q);
    assert.deepEqual(got, want);
  }

  it('reads any set of valid filters: booleans as booleans, the search text as sent or folded', () => {
    const valid = fc.record(Object.fromEntries(names.map((n) => [n, VALID[documented[n as keyof typeof documented]]])), { requiredKeys: [] });
    fc.assert(
      fc.property(valid, queryPairs(Object.keys(DOCUMENTED.chats)).map((ps) => ps.filter(([n]) => !names.includes(n))), (values, upstream) => {
        const params = new URLSearchParams([...upstream, ...present(values)]);
        assert.deepEqual(expectedFor(params, documented).offenders, []);
        check(params);
      }),
      RUNS,
    );
  });

  it('on generated parameters: the contract, and only InvalidParameterError', () => {
    fc.assert(fc.property(queryPairs(names), (pairs) => check(new URLSearchParams(pairs))), RUNS);
  });

  it('on raw query strings: the contract, and only InvalidParameterError', () => {
    fc.assert(fc.property(rawQuery(names), (raw) => check(searchParamsOf(`/api/v1/chats?${raw}`))), RUNS);
  });
});
