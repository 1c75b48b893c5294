/**
 * Removes secrets (the API key, any secret header value Triage sent upstream) from upstream bytes and header values
 * before they can reach a browser. An upstream or a gateway in front of it may echo request headers into an error
 * page, a JSON body or a response header; every such echo becomes `[redacted]`.
 */

const REDACTED = '[redacted]';
const REDACTED_BYTES = Buffer.from(REDACTED);
/** Shorter values would match by chance (and are no secrets worth the name). */
const MIN_SECRET_LENGTH = 8;

export interface Scrubber {
  /** The same array when nothing matched (the common case costs one native search per form of each secret). */
  bytes(input: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>;
  text(input: string): string;
  /** True when the text carries a secret (a header value then is dropped rather than relayed redacted). */
  leaks(input: string): boolean;
  /** A stream filter: matches split across chunks are caught too. */
  stream(): TransformStream<Uint8Array, Uint8Array>;
}

/** The forms a secret can take once echoed: as is, JSON-escaped, with `\/` escapes, percent-encoded. */
function formsOf(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [...new Set([secret, json, json.replace(/\//g, '\\/'), encodeURIComponent(secret)])];
}

export function createScrubber(secrets: readonly string[]): Scrubber {
  const forms = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH).flatMap(formsOf))];
  const needles = forms.map((form) => Buffer.from(form));
  const longest = needles.reduce((n, b) => Math.max(n, b.length), 0);

  const bytes = (input: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> => {
    let buffer = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    let changed = false;
    for (const needle of needles) {
      let at = buffer.indexOf(needle);
      if (at === -1) continue;
      const parts: Buffer[] = [];
      let from = 0;
      while (at !== -1) {
        parts.push(buffer.subarray(from, at), REDACTED_BYTES);
        from = at + needle.length;
        at = buffer.indexOf(needle, from);
      }
      parts.push(buffer.subarray(from));
      buffer = Buffer.concat(parts);
      changed = true;
    }
    return changed ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : input;
  };

  const text = (input: string): string => forms.reduce((out, form) => out.split(form).join(REDACTED), input);
  const leaks = (input: string): boolean => forms.some((form) => input.includes(form));

  const stream = (): TransformStream<Uint8Array, Uint8Array> => {
    if (longest === 0) return new TransformStream();
    // Hold back the last `longest - 1` bytes of each chunk: a secret split across two chunks is whole in the next.
    let tail: Uint8Array<ArrayBuffer> = new Uint8Array(0);
    return new TransformStream({
      transform(chunk, controller) {
        const joined = bytes(Buffer.concat([tail, chunk]) as Uint8Array<ArrayBuffer>);
        const keep = Math.min(longest - 1, joined.byteLength);
        const cut = joined.byteLength - keep;
        if (cut > 0) controller.enqueue(joined.slice(0, cut));
        tail = joined.slice(cut);
      },
      flush(controller) {
        if (tail.byteLength > 0) controller.enqueue(bytes(tail));
      },
    });
  };

  return { bytes, text, leaks, stream };
}
