import type { z } from 'zod';
import type { HttpUpstream } from '../http-upstream';
import { responseBytes } from '../types';
import { Answer, badGateway, upstreamFailure } from './errors';

/*
 * The calls to Periskope for one browser request: the scope header and the simulator's forced fault on each, answers
 * read as JSON and checked against a schema. Whatever cannot be used is thrown as an Answer (an envelope to send back);
 * timeouts and unreachable upstreams reject as the Backend contract says.
 */

export interface CallOptions {
  query?: URLSearchParams;
  /** `x-phone`: the phone the call is scoped to (digits or a phone_id); absent, every phone the key sees. */
  phone?: string | null;
}

export interface PeriskopeCalls {
  /** A GET whose answer must match `schema`. */
  get<S extends z.ZodType>(path: string, schema: S, options?: CallOptions): Promise<z.output<S>>;
  /** A write: resolves with the upstream answer when it is a 2xx (its body is not needed), throws the mapped error otherwise. */
  post(path: string, body: unknown, options?: CallOptions): Promise<Response>;
}

const decoder = new TextDecoder();

/** The `x-phone` form of a phone: a phone_id as is, a number or an org_phone as digits ("918527184400@c.us" → "918527184400"). */
function xPhone(phone: string): string {
  const value = phone.trim();
  if (/^phone-[\w-]{1,64}$/i.test(value)) return value;
  return value.replace(/@.*$/, '').replace(/\D/g, '');
}

export function createCalls(upstream: HttpUpstream, context: { signal?: AbortSignal; fault?: string }): PeriskopeCalls {
  function headers(options: CallOptions): Record<string, string> {
    const out: Record<string, string> = {};
    // Only a number or a phone_id ever goes in the header, whatever the browser sent as an account id.
    const phone = options.phone ? xPhone(options.phone) : '';
    if (phone !== '') out['x-phone'] = phone;
    if (context.fault) out['x-simulator-fault'] = context.fault;
    return out;
  }
  const signal = context.signal ? { signal: context.signal } : {};

  return {
    async get(path, schema, options = {}) {
      const response = await upstream({ method: 'GET', path, ...(options.query ? { query: options.query } : {}), headers: headers(options), ...signal });
      if (!response.ok) throw await upstreamFailure(response);
      let value: unknown;
      try {
        value = JSON.parse(decoder.decode(await responseBytes(response)));
      } catch {
        throw new Answer(badGateway('not JSON'));
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new Answer(badGateway(parsed.error.issues[0]?.message ?? 'an unexpected shape'));
      return parsed.data;
    },

    async post(path, body, options = {}) {
      const hasBody = body !== undefined;
      const response = await upstream({
        method: 'POST',
        path,
        ...(hasBody ? { body: JSON.stringify(body), contentType: 'application/json' } : {}),
        headers: headers(options),
        ...signal,
      });
      if (!response.ok) throw await upstreamFailure(response);
      return response;
    },
  };
}

/** Periskope's path segment for a chat id: percent-encoded, with `@` kept as is (it is valid in a path segment). */
export function chatSegment(chatId: string): string {
  return encodeURIComponent(chatId).replace(/%40/g, '@');
}
