import { namespacedId, splitNamespacedId, type BackendKind } from '../../../src/lib/wire/backends';
import { bufferedResponse, responseBytes } from '../types';

/*
 * Ids in a member's JSON answers, namespaced (`<kind>~<raw>`) so two backends' ids never collide and a request the
 * browser sends back finds its backend. One table says which fields: the ids the browser puts back into a path
 * (chat, account, message, attendee) or compares with one (a message's sender attendee, a chat's account).
 * Provider ids (`provider_id`, `attendee_provider_id`, `sender_id`, `chat_provider_id`) are the network's own and
 * stay raw, as do attachment ids (they live under their message's path).
 */

/** Id fields namespaced in every object listed below (the answer itself, its `items`, the nested objects). */
export const NAMESPACED_ID_FIELDS = ['id', 'account_id', 'chat_id', 'sender_attendee_id', 'message_id'] as const;

/** Nested objects (or arrays of objects) whose id fields are namespaced too: a chat's last message, embedded attendees, a sent message. */
export const NAMESPACED_NESTED_FIELDS = ['lastMessage', 'attendees', 'message'] as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function namespaceObject(kind: BackendKind, value: Json, nestedDepth: number): Json {
  const out: Json = { ...value };
  for (const field of NAMESPACED_ID_FIELDS) {
    const id = out[field];
    if (typeof id === 'string' && id !== '') out[field] = namespacedId(kind, id);
  }
  // One level of nesting is all the wire has (a chat's lastMessage); deeper objects are someone else's ids.
  if (nestedDepth > 0) {
    for (const field of NAMESPACED_NESTED_FIELDS) {
      const nested = out[field];
      if (isObject(nested)) out[field] = namespaceObject(kind, nested, nestedDepth - 1);
      else if (Array.isArray(nested)) out[field] = nested.map((item: unknown) => (isObject(item) ? namespaceObject(kind, item, nestedDepth - 1) : item));
    }
  }
  return out;
}

/** One item (chat, account, message, attendee) with its ids namespaced; anything that is no object is returned as it is. */
export function namespaceItem(kind: BackendKind, item: unknown): unknown {
  return isObject(item) ? namespaceObject(kind, item, 1) : item;
}

/** A whole answer: a single object, or a list whose `items` are namespaced one by one. */
export function namespaceBody(kind: BackendKind, body: unknown): unknown {
  if (!isObject(body)) return body;
  const out = namespaceItem(kind, body) as Json;
  if (Array.isArray(body.items)) out.items = body.items.map((item: unknown) => namespaceItem(kind, item));
  return out;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * A member's answer with its ids namespaced. Only a successful JSON answer is touched: an error envelope has no ids,
 * a streamed body (picture, attachment) is passed on untouched, and an answer that does not parse is left for the
 * route to refuse (502).
 */
export async function namespaceResponse(kind: BackendKind, response: Response): Promise<Response> {
  if (!response.ok || !/json/i.test(response.headers.get('content-type') ?? '')) return response;
  const bytes = await responseBytes(response);
  const init = { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) };
  let body: unknown;
  try {
    body = JSON.parse(decoder.decode(bytes)) as unknown;
  } catch {
    return bufferedResponse(bytes, init);
  }
  init.headers.delete('content-length');
  return bufferedResponse(encoder.encode(JSON.stringify(namespaceBody(kind, body))) as Uint8Array<ArrayBuffer>, init);
}

/** The collections whose paths carry an id in their third segment (`/api/v1/<collection>/<id>…`). */
const ID_PATH = /^\/api\/v1\/(accounts|chats|chat_attendees|messages)\/([^/?#]+)(\/[^?#]*)?$/;

export interface IdPath {
  kind: BackendKind;
  /** The path with the raw id in place of the namespaced one, percent-encoded again. */
  path: string;
}

/**
 * The member a path names and the path it is asked with; `null` when the path has no id segment, `'unknown'` when the
 * id names no backend (not namespaced, or another kind).
 */
export function routeOfPath(path: string): IdPath | 'unknown' | null {
  const match = ID_PATH.exec(path);
  if (!match) return null;
  const [, collection, encoded, rest = ''] = match;
  let id: string;
  try {
    id = decodeURIComponent(encoded ?? '');
  } catch {
    return 'unknown';
  }
  const split = splitNamespacedId(id);
  if (!split || split.rawId === '') return 'unknown';
  return { kind: split.kind, path: `/api/v1/${collection}/${encodeURIComponent(split.rawId)}${rest}` };
}

/** A comma list of namespaced ids (`account_id`) as each backend's raw ids; ids naming no backend are left out. */
export function splitIdList(list: string): Map<BackendKind, string[]> {
  const byKind = new Map<BackendKind, string[]>();
  for (const id of list.split(',')) {
    const split = splitNamespacedId(id);
    if (!split || split.rawId === '') continue;
    const raws = byKind.get(split.kind) ?? [];
    raws.push(split.rawId);
    byKind.set(split.kind, raws);
  }
  return byKind;
}
