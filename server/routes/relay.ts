import { readBounded } from '../backends/body';
import { isBuffered, MAX_UPSTREAM_JSON_BYTES, responseBytes } from '../backends/types';
import { BadGatewayError, NOT_JSON_DETAIL, UpstreamErrorResponse } from './errors';

/*
 * From an upstream answer to the browser's. The backend has already dropped every header not on its allow-list and
 * scrubbed secrets from what remains and from the body; this module checks the body is what the route promises.
 */

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

/** The body of an upstream JSON answer, parsed to be sure: a truncated or garbled 200 is a 502, not a broken page. */
async function readJsonAnswer(upstream: Response): Promise<{ bytes: Uint8Array<ArrayBuffer>; value: unknown }> {
  // A streamed route's error answer is not buffered yet; it is read with the same bound.
  const bytes = isBuffered(upstream) ? await responseBytes(upstream) : await readBounded(upstream, MAX_UPSTREAM_JSON_BYTES);
  if (!isJsonContentType(upstream.headers.get('content-type')) || !startsLikeJson(bytes)) throw new BadGatewayError(NOT_JSON_DETAIL);
  try {
    return { bytes, value: JSON.parse(decoder.decode(bytes)) as unknown };
  } catch {
    throw new BadGatewayError(NOT_JSON_DETAIL);
  }
}

/** Headers of a relayed JSON answer: ours, plus what says when to retry (429, 503) and rate-limit counters. */
function jsonHeaders(upstream: Response): Headers {
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  upstream.headers.forEach((value, name) => {
    if (name === 'retry-after' || name.startsWith('x-ratelimit-')) headers.set(name, value);
  });
  return headers;
}

/** Relays a JSON answer, success or error, with its status; anything that is not JSON becomes a 502. */
export async function relayJson(upstream: Response): Promise<Response> {
  const { bytes } = await readJsonAnswer(upstream);
  return new Response(bytes, { status: upstream.status, headers: jsonHeaders(upstream) });
}

/** Parses a JSON answer for a route that works on its content; an upstream error answer is thrown to be relayed. */
export async function readJson(upstream: Response): Promise<unknown> {
  const { bytes, value } = await readJsonAnswer(upstream);
  if (!upstream.ok) throw new UpstreamErrorResponse(new Response(bytes, { status: upstream.status, headers: jsonHeaders(upstream) }));
  return value;
}

/**
 * Content types a picture or attachment is relayed with as they are. A JSON or HTML answer on a binary route is an
 * error page, not a file (502); any other type is relayed as a download, never as something a browser renders.
 */
const INLINE_TYPES = /^(?:image\/(?:png|jpeg|gif|webp|avif|bmp|heic|heif)|audio\/[\w.+-]+|video\/[\w.+-]+|application\/pdf|text\/plain)(?:\s*;|$)/i;
const ERROR_PAGE_TYPES = /^(?:text\/html|application\/xhtml\+xml|application\/(?:[\w.+-]+\+)?json)(?:\s*;|$)/i;
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
  const contentType = upstream.headers.get('content-type')?.trim() ?? '';
  if (ERROR_PAGE_TYPES.test(contentType)) {
    void upstream.body?.cancel().catch(() => undefined);
    throw new BadGatewayError('The messaging API answered with a page instead of the file.');
  }
  const headers = new Headers();
  const inline = INLINE_TYPES.test(contentType);
  headers.set('content-type', inline ? contentType : 'application/octet-stream');
  const disposition = upstream.headers.get('content-disposition');
  if (disposition !== null) headers.set('content-disposition', inline ? disposition : disposition.replace(/^\s*inline\b/i, 'attachment'));
  else if (!inline) headers.set('content-disposition', 'attachment');
  headers.set('cache-control', upstream.headers.get('cache-control') ?? DEFAULT_BINARY_CACHE);
  // The length is the upstream's only while nothing was decoded or scrubbed on the way: let the stream end say it.
  headers.set('x-content-type-options', 'nosniff');
  headers.set('content-security-policy', "default-src 'none'; sandbox");
  return new Response(upstream.body, { status: upstream.status, headers });
}
