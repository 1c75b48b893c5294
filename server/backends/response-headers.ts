import type { Scrubber } from './scrub';

/**
 * The upstream response headers Triage relays; everything else (set-cookie, server, via, anything echoing a request
 * header) stays on the server. A value that carries a secret, or that does not look like what the header means, is
 * dropped, not relayed.
 */
const RELAYED = new Set(['content-type', 'content-length', 'content-disposition', 'cache-control', 'retry-after']);
const RATE_LIMIT = /^x-ratelimit-[a-z0-9-]{1,40}$/;

const NUMBER = /^\d{1,12}(?:\.\d{1,6})?$/;
// IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT": the HTTP-date form a retry or reset time may take.
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

function isTimeValue(value: string): boolean {
  return NUMBER.test(value) || (HTTP_DATE.test(value) && !Number.isNaN(Date.parse(value)));
}

function valid(name: string, value: string): boolean {
  if (value.length > 512) return false;
  if (name === 'retry-after') return isTimeValue(value);
  if (name === 'content-length') return /^\d{1,15}$/.test(value);
  // Limits, remaining counts and reset times are numbers or dates; a policy string such as "100;w=60" is short and plain.
  if (RATE_LIMIT.test(name)) return isTimeValue(value) || /^[\w ;=,.:-]{1,64}$/.test(value);
  return true;
}

export function relayedHeaders(upstream: Headers, scrubber: Scrubber): Headers {
  const out = new Headers();
  upstream.forEach((value, name) => {
    if (!RELAYED.has(name) && !RATE_LIMIT.test(name)) return;
    if (!valid(name, value) || scrubber.leaks(value)) return;
    out.set(name, value);
  });
  return out;
}
