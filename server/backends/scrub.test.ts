import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relayedHeaders } from './response-headers';
import { createScrubber } from './scrub';

const KEY = 'sk_live/9f8e+7d6c"5b4a=';
const scrubber = createScrubber([KEY]);
const enc = new TextEncoder();
const dec = new TextDecoder();

async function throughStream(chunks: Uint8Array[]): Promise<string> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(source.pipeThrough(scrubber.stream())).text();
}

describe('createScrubber', () => {
  it.each([
    ['as is', `key=${KEY}`],
    ['JSON-escaped', JSON.stringify({ headers: { 'x-api-key': KEY } })],
    ['with \\/ escapes', `{"k":"${JSON.stringify(KEY).slice(1, -1).replace(/\//g, '\\/')}"}`],
    ['percent-encoded', `https://x.test/?key=${encodeURIComponent(KEY)}`],
  ])('removes the key %s, every time it appears', (_, text) => {
    const doubled = `${text} and again ${text}`;
    const out = dec.decode(scrubber.bytes(enc.encode(doubled) as Uint8Array<ArrayBuffer>));
    expect(out).not.toContain(KEY);
    expect(out).not.toContain(encodeURIComponent(KEY));
    expect(out.match(/\[redacted\]/g)).toHaveLength(2);
    expect(scrubber.text(doubled)).toBe(out);
    expect(scrubber.leaks(text)).toBe(true);
  });

  it('keeps JSON valid: the marker has no quote to break out of a string', () => {
    const out = dec.decode(scrubber.bytes(enc.encode(JSON.stringify({ echo: `X-API-KEY: ${KEY}` })) as Uint8Array<ArrayBuffer>));
    expect(JSON.parse(out)).toEqual({ echo: 'X-API-KEY: [redacted]' });
  });

  it('hands back the very same bytes when there is nothing to scrub (no copy on the hot path)', () => {
    const bytes = enc.encode('{"items":[]}') as Uint8Array<ArrayBuffer>;
    expect(scrubber.bytes(bytes)).toBe(bytes);
    expect(scrubber.leaks('application/json')).toBe(false);
  });

  it('ignores secrets too short to be one (they would match by chance)', () => {
    const weak = createScrubber(['abc', '']);
    expect(dec.decode(weak.bytes(enc.encode('abc abc') as Uint8Array<ArrayBuffer>))).toBe('abc abc');
  });

  it('finds the key in a stream however it is split across chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.array(fc.nat({ max: 200 }), { maxLength: 6 }), async (before, after, cuts) => {
        const bytes = enc.encode(`${before}${KEY}${after}${KEY}`);
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks: Uint8Array[] = [];
        let from = 0;
        for (const point of [...points, bytes.length]) {
          chunks.push(bytes.slice(from, point));
          from = point;
        }
        const out = await throughStream(chunks);
        expect(out).toBe(`${before}[redacted]${after}[redacted]`);
      }),
      { numRuns: 500 },
    );
  });
});

describe('relayedHeaders', () => {
  it('keeps only the allow-list, and drops values that carry the key or do not look like what they mean', () => {
    const upstream = new Headers({
      'content-type': 'application/json',
      'content-length': '12',
      'content-disposition': 'attachment; filename="a.pdf"',
      'cache-control': 'max-age=60',
      'retry-after': '3',
      'x-ratelimit-remaining': '99',
      'x-ratelimit-reset': 'Wed, 21 Oct 2015 07:28:00 GMT',
      'x-ratelimit-policy': '100;w=60',
      'set-cookie': 'session=1',
      'x-echo-api-key': KEY,
      server: 'nginx',
      etag: '"1"',
    });
    const out = relayedHeaders(upstream, scrubber);
    expect(Object.fromEntries(out)).toEqual({
      'content-type': 'application/json',
      'content-length': '12',
      'content-disposition': 'attachment; filename="a.pdf"',
      'cache-control': 'max-age=60',
      'retry-after': '3',
      'x-ratelimit-remaining': '99',
      'x-ratelimit-reset': 'Wed, 21 Oct 2015 07:28:00 GMT',
      'x-ratelimit-policy': '100;w=60',
    });
  });

  it.each([
    ['retry-after', KEY],
    ['retry-after', 'soon'],
    ['x-ratelimit-reset', `key ${KEY}`],
    ['content-disposition', `attachment; filename="${KEY}"`],
    ['cache-control', `private, ${encodeURIComponent(KEY)}`],
    ['content-length', 'twelve'],
  ])('drops %s: %s', (name, value) => {
    expect(relayedHeaders(new Headers({ [name]: value }), scrubber).has(name)).toBe(false);
  });

  it('accepts Retry-After as seconds or an HTTP date', () => {
    expect(relayedHeaders(new Headers({ 'retry-after': '120' }), scrubber).get('retry-after')).toBe('120');
    expect(relayedHeaders(new Headers({ 'retry-after': 'Sun, 06 Nov 1994 08:49:37 GMT' }), scrubber).get('retry-after')).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
  });
});
