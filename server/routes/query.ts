import { KNOWN_PROVIDERS, PAGE_SIZE } from '../../src/lib/wire/vocabulary';
import { InvalidParameterError } from './errors';

/** Returns the value to forward (normalized) or throws InvalidParameterError naming the parameter. */
type Rule = (name: string, value: string) => string;

// The API reference's pattern, with its `.` read as the literal dot it stands for.
const DATETIME = /^[1-2]\d{3}-[0-1]\d-[0-3]\dT\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Echo of a refused value in a message, bounded so a huge parameter does not come back whole. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

export const limit: Rule = (name, value) => {
  const n = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= PAGE_SIZE.min && n <= PAGE_SIZE.max)) {
    throw new InvalidParameterError(name, `must be a whole number from ${PAGE_SIZE.min} to ${PAGE_SIZE.max} (got ${quote(value)})`);
  }
  return String(n);
};

export const nonEmpty: Rule = (name, value) => {
  if (value.length === 0) throw new InvalidParameterError(name, 'must not be empty');
  return value;
};

export const dateTime: Rule = (name, value) => {
  if (!DATETIME.test(value)) throw new InvalidParameterError(name, `must be an ISO 8601 UTC datetime like 2025-12-31T23:59:59.999Z (got ${quote(value)})`);
  return value;
};

export const accountType: Rule = (name, value) => {
  if (!(KNOWN_PROVIDERS as readonly string[]).includes(value)) {
    throw new InvalidParameterError(name, `must be one of ${KNOWN_PROVIDERS.join(', ')} (got ${quote(value)})`);
  }
  return value;
};

export const boolean: Rule = (name, value) => {
  if (value !== 'true' && value !== 'false') throw new InvalidParameterError(name, `must be true or false (got ${quote(value)})`);
  return value;
};

export const idList: Rule = (name, value) => {
  if (value.length === 0) throw new InvalidParameterError(name, 'must not be empty');
  if (value.split(',').some((id) => id.trim().length === 0)) {
    throw new InvalidParameterError(name, `must be an id or a comma-separated list of ids, without empty entries (got ${quote(value)})`);
  }
  return value;
};

/** The documented query parameters of one route, in the order they are checked. */
export type QuerySpec = Readonly<Record<string, Rule>>;

export const CHAT_LIST_QUERY: QuerySpec = {
  unread: boolean,
  cursor: nonEmpty,
  before: dateTime,
  after: dateTime,
  limit,
  account_type: accountType,
  account_id: idList,
};
export const ACCOUNT_LIST_QUERY: QuerySpec = { cursor: nonEmpty, limit };
export const CHAT_QUERY: QuerySpec = { account_id: nonEmpty };
export const MESSAGE_LIST_QUERY: QuerySpec = { cursor: nonEmpty, before: dateTime, after: dateTime, limit, sender_id: nonEmpty };
/** GET /messages, every chat's messages newest first: a chat's message filters plus one account. */
export const ALL_MESSAGES_QUERY: QuerySpec = { ...MESSAGE_LIST_QUERY, account_id: nonEmpty };

/** The raw query string of a request URL, parsed the way the browser's URLSearchParams encoded it. */
export function searchParamsOf(url: string): URLSearchParams {
  const start = url.indexOf('?');
  if (start === -1) return new URLSearchParams();
  const hash = url.indexOf('#', start);
  return new URLSearchParams(hash === -1 ? url.slice(start + 1) : url.slice(start + 1, hash));
}

/**
 * Validates the documented parameters and returns only those, ready to forward: a parameter the route does not
 * document never reaches the upstream. A documented parameter given twice is refused (which one would count?).
 */
export function pickQuery(params: URLSearchParams, spec: QuerySpec): URLSearchParams {
  const out = new URLSearchParams();
  for (const name in spec) {
    const rule = spec[name];
    const values = params.getAll(name);
    if (values.length === 0 || !rule) continue;
    if (values.length > 1) throw new InvalidParameterError(name, 'must be given at most once');
    out.append(name, rule(name, values[0] ?? ''));
  }
  return out;
}

/** One optional parameter, validated by `rule`; undefined when absent. */
export function optionalParam(params: URLSearchParams, name: string, rule: Rule): string | undefined {
  const values = params.getAll(name);
  if (values.length === 0) return undefined;
  if (values.length > 1) throw new InvalidParameterError(name, 'must be given at most once');
  return rule(name, values[0] ?? '');
}
