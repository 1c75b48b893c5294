import type { Simulator } from './index';

/** The base path postpress's API lives under (its default https://api.postpress.ai/v1). */
export const POSTPRESS_SIMULATOR_ROOT = 'http://postpress.simulator.invalid/v1';

/** The routes postpress documents (its chat list), and the accounts and one chat that a Unipile-compatible API serves. */
const OFFERED = [/^\/v1\/chats$/, /^\/v1\/chats\/[^/]+$/, /^\/v1\/accounts(?:\/[^/]+)?$/];

/**
 * The simulator answering as postpress: Unipile's dialect under `/v1`, from a data set of its own. Every route postpress
 * does not document answers 404 the way a plain web server does (no Unipile envelope), so the not-offered path runs.
 */
export function postpressDialect(simulator: Simulator): Simulator {
  return {
    ...simulator,
    fetch: (req) => {
      const url = new URL(req.url);
      if (req.method !== 'GET' || !OFFERED.some((route) => route.test(url.pathname))) {
        return Promise.resolve(Response.json({ message: `Cannot ${req.method} ${url.pathname}` }, { status: 404 }));
      }
      url.pathname = `/api${url.pathname}`;
      return simulator.fetch(new Request(url, req));
    },
  };
}
