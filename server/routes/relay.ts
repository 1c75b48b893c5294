import { responseBytes } from '../backends/types';
import { BadGatewayError, NOT_JSON_DETAIL, UpstreamErrorResponse } from './errors';

const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json(?:\s*;|$)/i;

export function isJsonContentType(contentType: string | null): boolean {
  return contentType !== null && JSON_CONTENT_TYPE.test(contentType.trim());
}

/** First significant byte is `{` or `[` (after whitespace and a UTF-8 BOM): every Unipile answer is one of those. */
function startsLikeJson(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  for (; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    return b === 0x7b || b === 0x5b;
  }
  return false;
}

const decoder = new TextDecoder();

/**
 * The upstream body of a JSON route, checked to be JSON. Success bodies are only sniffed (content type + first byte)
 * so a 250-chat page goes through without a parse; error bodies are small and parsed in full.
 */
export async function readJsonBytes(upstream: Response): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await responseBytes(upstream);
  if (!isJsonContentType(upstream.headers.get('content-type')) || !startsLikeJson(bytes)) throw new BadGatewayError(NOT_JSON_DETAIL);
  if (!upstream.ok) {
    try {
      JSON.parse(decoder.decode(bytes));
    } catch {
      throw new BadGatewayError(NOT_JSON_DETAIL);
    }
  }
  return bytes;
}

/** Headers worth keeping from an upstream JSON answer: a 429 or 503 may say when to retry. */
function jsonHeaders(upstream: Response): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  const retryAfter = upstream.headers.get('retry-after');
  if (retryAfter !== null) headers['retry-after'] = retryAfter;
  return headers;
}

/** Relays a JSON answer, success or error, with its status; anything that is not JSON becomes a 502. */
export async function relayJson(upstream: Response): Promise<Response> {
  const bytes = await readJsonBytes(upstream);
  return new Response(bytes, { status: upstream.status, headers: jsonHeaders(upstream) });
}

/** Parses a JSON answer for a route that works on its content; an upstream error answer is thrown to be relayed. */
export async function readJson(upstream: Response): Promise<unknown> {
  const bytes = await readJsonBytes(upstream);
  if (!upstream.ok) throw new UpstreamErrorResponse(new Response(bytes, { status: upstream.status, headers: jsonHeaders(upstream) }));
  try {
    return JSON.parse(decoder.decode(bytes)) as unknown;
  } catch {
    throw new BadGatewayError(NOT_JSON_DETAIL);
  }
}

const BINARY_HEADERS = ['content-type', 'cache-control', 'etag', 'last-modified', 'content-disposition', 'expires'] as const;
// Pictures rarely change and attachments never do; when the upstream says nothing, let the browser keep them a while.
const DEFAULT_BINARY_CACHE = 'private, max-age=3600';

/**
 * Streams a picture or attachment through without buffering it. It is served from our origin, so it must never be
 * able to run as a page: nosniff plus a sandboxing CSP make an HTML or SVG "attachment" inert.
 */
export async function relayBinary(upstream: Response): Promise<Response> {
  if (!upstream.ok) {
    // Error answers are small JSON envelopes; a redirect or an HTML error page is a bad gateway.
    return relayJson(upstream);
  }
  const headers = new Headers();
  for (const name of BINARY_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/octet-stream');
  if (!headers.has('cache-control')) headers.set('cache-control', DEFAULT_BINARY_CACHE);
  // fetch hands over decoded bytes: the upstream length only describes them when nothing was encoded.
  const length = upstream.headers.get('content-length');
  if (length !== null && !upstream.headers.has('content-encoding')) headers.set('content-length', length);
  headers.set('x-content-type-options', 'nosniff');
  headers.set('content-security-policy', "default-src 'none'; sandbox");
  return new Response(upstream.body, { status: upstream.status, headers });
}
