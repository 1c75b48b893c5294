import { NOT_OFFERED_ERROR_TYPE } from '../../src/lib/wire/backends';
import { errorResponse } from '../routes/errors';
import { responseBytes, type Backend, type FetchLike, type UpstreamRequest } from './types';
import { createUnipileBackend } from './unipile';

export interface PostpressBackendOptions {
  /** The base up to but excluding `/chats`, e.g. https://api.postpress.ai/v1 (or …/api/v1, as its example shows). */
  apiRoot: string;
  host: string;
  apiKey: string;
  timeoutMs: number;
  fetch?: FetchLike;
  simulated?: boolean;
}

/** What each route is, in words, for "… is not offered by postpress". */
const ROUTE_WORDS: readonly [RegExp, string][] = [
  [/^GET \/api\/v1\/chats\/[^/]+\/messages$/, 'Reading a chat’s messages'],
  [/^POST \/api\/v1\/chats\/[^/]+\/messages$/, 'Replying'],
  [/^PATCH \/api\/v1\/chats\/[^/]+$/, 'Changing a chat (read, mute, archive, pin)'],
  [/^GET \/api\/v1\/chats\/[^/]+\/attendees$/, 'Listing a chat’s attendees'],
  [/^GET \/api\/v1\/chats\/[^/]+$/, 'Reading one chat'],
  [/^GET \/api\/v1\/accounts/, 'Listing accounts'],
  [/^GET \/api\/v1\/messages$/, 'Listing recent messages'],
  [/^GET \/api\/v1\/(?:chat_attendees|messages)\//, 'Downloading pictures and attachments'],
];

function routeWords(req: UpstreamRequest): string {
  const route = `${req.method} ${req.path}`;
  return ROUTE_WORDS.find(([pattern]) => pattern.test(route))?.[1] ?? 'This';
}

/** A 404 that is about the route, not a missing chat: anything but Unipile's "resource not found" envelope. */
async function isRouteNotFound(response: Response): Promise<boolean> {
  if (response.status !== 404) return false;
  try {
    const body: unknown = JSON.parse(new TextDecoder().decode(await responseBytes(response.clone())));
    return !(typeof body === 'object' && body !== null && 'type' in body && body.type === 'errors/resource_not_found');
  } catch {
    return true;
  }
}

/**
 * postpress: Unipile's dialect under its own base, with its own key. It documents only the chat list: a route it
 * answers 404 (not "this chat does not exist") is said to be not offered, so the browser disables it with those words.
 */
export function createPostpressBackend(options: PostpressBackendOptions): Backend {
  const inner = createUnipileBackend({
    kind: 'postpress',
    simulated: options.simulated === true,
    baseUrl: options.apiRoot,
    apiRoot: options.apiRoot,
    host: options.host,
    apiKey: options.apiKey,
    timeoutMs: options.timeoutMs,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    ...inner,
    async request(req) {
      const response = await inner.request(req);
      const isList = req.method === 'GET' && req.path === '/api/v1/chats';
      if (isList || req.streaming || !(await isRouteNotFound(response))) return response;
      return errorResponse({ title: 'Not offered', detail: `${routeWords(req)} is not offered by postpress.`, type: NOT_OFFERED_ERROR_TYPE, status: 501 });
    },
  };
}
