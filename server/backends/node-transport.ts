import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { bufferedResponse, UpstreamTooLargeError, type FetchLike } from './types';

/**
 * Cancellation for one upstream call, without an AbortController: creating one costs more CPU in Node 20 than the
 * rest of a proxied request together. A signal is made only for a transport that needs one (a fetch).
 */
export class Cancellation {
  reason: unknown = undefined;
  cancelled = false;
  #listeners: (() => void)[] = [];
  #controller: AbortController | undefined;

  cancel(reason: unknown): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.reason = reason;
    for (const listener of this.#listeners.splice(0)) listener();
  }

  onCancel(listener: () => void): void {
    if (this.cancelled) listener();
    else this.#listeners.push(listener);
  }

  get signal(): AbortSignal {
    if (!this.#controller) {
      const controller = new AbortController();
      this.#controller = controller;
      this.onCancel(() => controller.abort(this.reason));
    }
    return this.#controller.signal;
  }

  /** `work`, or its rejection with the reason as soon as this is cancelled (whether or not `work` notices). */
  race<T>(work: Promise<T>): Promise<T> {
    if (this.cancelled) {
      work.catch(() => undefined);
      return Promise.reject(this.reason as Error);
    }
    return new Promise<T>((resolve, reject) => {
      this.onCancel(() => reject(this.reason as Error));
      work.then(resolve, reject);
    });
  }
}

/** One upstream call as the adapter prepares it; `buffer` asks for the whole body in memory before resolving. */
export interface OutgoingRequest {
  method: string;
  /** Path and query, starting with /. */
  path: string;
  headers: Record<string, string>;
  body?: BodyInit | null;
  buffer: boolean;
  /** With `buffer`: the answer is refused (UpstreamTooLargeError) as soon as it passes this many bytes. */
  maxBytes: number;
  cancellation: Cancellation;
}

export type Transport = (request: OutgoingRequest) => Promise<Response>;

type UpstreamInit = RequestInit & { duplex?: 'half' };

/** A fetch as transport (the simulator, a fake, or globalThis.fetch). */
export function createFetchTransport(base: string, fetch: FetchLike): Transport {
  return (outgoing) => {
    const init: UpstreamInit = {
      method: outgoing.method,
      headers: outgoing.headers,
      signal: outgoing.cancellation.signal,
      // A redirect would carry X-API-KEY to wherever it points: never follow one (the route answers 502 instead).
      redirect: 'manual',
    };
    if (outgoing.body != null) {
      init.body = outgoing.body;
      if (outgoing.body instanceof ReadableStream) init.duplex = 'half';
    }
    return fetch(new Request(base + outgoing.path, init));
  };
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The default way to the real API: node:http(s) with keep-alive sockets. Node's fetch costs about three times as
 * much CPU per request, and the proxy's budget is a fraction of a millisecond. It follows no redirect (a redirect
 * would carry the key elsewhere) and asks for no compression, so the bytes it hands over are the bytes sent.
 */
export function createNodeTransport(base: string): Transport {
  const origin = new URL(base);
  const isHttps = origin.protocol === 'https:';
  const client = isHttps ? https : http;
  const agent = isHttps ? new https.Agent({ keepAlive: true, maxFreeSockets: 64 }) : new http.Agent({ keepAlive: true, maxFreeSockets: 64 });
  // A base with a path (postpress's https://api.postpress.ai/v1) prefixes every request's path.
  const prefix = origin.pathname.replace(/\/+$/, '');
  const target = {
    protocol: origin.protocol,
    hostname: origin.hostname.replace(/^\[|\]$/g, ''),
    port: origin.port || (isHttps ? 443 : 80),
    agent,
  };
  return (outgoing) =>
    new Promise<Response>((resolve, reject) => {
      const headers = outgoing.headers;
      let body = outgoing.body;
      if (body != null && typeof body !== 'string' && !(body instanceof Uint8Array) && !(body instanceof ReadableStream)) {
        // FormData, Blob, URLSearchParams…: let the platform serialize it, with the content type that goes with it.
        const serialized = new Response(body);
        headers['content-type'] ??= serialized.headers.get('content-type') ?? 'application/octet-stream';
        body = serialized.body;
      }
      const inline = typeof body === 'string' ? Buffer.from(body) : body instanceof Uint8Array ? body : null;
      if (inline) headers['content-length'] = String(inline.byteLength);
      const request = client.request({ ...target, method: outgoing.method, path: prefix + outgoing.path, headers });
      outgoing.cancellation.onCancel(() => request.destroy(outgoing.cancellation.reason as Error));
      request.on('error', reject);
      request.on('response', (incoming) => {
        const status = incoming.statusCode ?? 502;
        const init: ResponseInit = { status, statusText: incoming.statusMessage ?? '', headers: headersOf(incoming.headers) };
        if (NULL_BODY_STATUSES.has(status)) {
          incoming.resume();
          resolve(new Response(null, init));
          return;
        }
        if (!outgoing.buffer) {
          resolve(new Response(Readable.toWeb(incoming) as ReadableStream<Uint8Array>, init));
          return;
        }
        const chunks: Buffer[] = [];
        let total = 0;
        const cut = () => reject(Object.assign(new Error('upstream closed the connection mid-answer'), { code: 'ECONNRESET' }));
        incoming.on('data', (chunk: Buffer) => {
          total += chunk.byteLength;
          if (total > outgoing.maxBytes) {
            const error = new UpstreamTooLargeError(`the upstream answer is over ${outgoing.maxBytes} bytes`);
            reject(error);
            request.destroy(error);
            return;
          }
          chunks.push(chunk);
        });
        incoming.on('error', reject);
        incoming.on('aborted', cut);
        incoming.on('end', () => {
          if (!incoming.complete) return cut();
          const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
          resolve(bufferedResponse(bytes as Uint8Array<ArrayBuffer>, init));
        });
      });
      if (inline) request.end(inline);
      else if (body == null) request.end();
      else {
        // A stream (a multipart message with attachments): piped through without buffering.
        Readable.fromWeb(body as NodeReadableStream<Uint8Array>)
          .on('error', (error) => request.destroy(error))
          .pipe(request);
      }
    });
}

/** Node's parsed headers as a HeadersInit; repeated ones (set-cookie) joined, as Headers would. */
function headersOf(raw: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
