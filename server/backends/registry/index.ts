import { errorResponse, notFound } from '../../routes/errors';
import type { Backend, UpstreamRequest } from '../types';
import type { RegistryMember } from './fan-out';
import { mergeChats } from './merge-chats';
import { mergeAccounts, mergeRecentMessages } from './merge-lists';
import { namespaceResponse, routeOfPath, splitIdList } from './namespace';

/*
 * Several backends as one: the routes talk to a single Backend whatever is configured. With one member it is that
 * member (ids stay the upstream's own); with several, every id the browser sees is namespaced (`<kind>~<raw>`), a
 * request naming an id goes to that id's backend with the raw id, and the lists are merged (accounts, chats, the
 * newest messages), a failing member named in `unavailable` while the others answer.
 */

export type { RegistryMember } from './fan-out';

export function createRegistry(members: readonly RegistryMember[]): Backend {
  const only = members[0];
  if (only === undefined) throw new Error('createRegistry needs at least one backend');
  if (members.length === 1) return only.backend;
  const kinds = members.map((m) => m.kind);
  if (new Set(kinds).size !== kinds.length) throw new Error(`each backend kind can be configured once (got ${kinds.join(', ')})`);

  async function routeById(req: UpstreamRequest): Promise<Response | null> {
    const route = routeOfPath(req.path);
    if (route === null) return null;
    const member = route === 'unknown' ? undefined : members.find((m) => m.kind === route.kind);
    if (route === 'unknown' || member === undefined) {
      return errorResponse({ title: 'Not Found', detail: 'The id names no backend Triage is connected to.', type: 'errors/resource_not_found', status: 404 });
    }
    const query = req.query && ownAccountIds(req.query, member);
    const response = await member.backend.request({ ...req, path: route.path, ...(query ? { query } : {}) });
    return req.streaming ? response : namespaceResponse(member.kind, response);
  }

  const counted = members.filter((m) => m.backend.requestCounts);
  return {
    kind: 'merged',
    simulated: members.some((m) => m.backend.simulated),
    host: members.map((m) => m.backend.host).join(', '),
    async request(req) {
      if (req.method === 'GET' && req.path === '/api/v1/chats') return mergeChats(members, req);
      if (req.method === 'GET' && req.path === '/api/v1/accounts') return mergeAccounts(members, req);
      if (req.method === 'GET' && req.path === '/api/v1/messages') return mergeRecentMessages(members, req);
      return (await routeById(req)) ?? notFound(req.method, req.path);
    },
    ...(counted.length > 0
      ? {
          requestCounts: () => {
            const counts: Record<string, number> = {};
            for (const m of counted) for (const [route, n] of Object.entries(m.backend.requestCounts?.() ?? {})) counts[`${m.kind} ${route}`] = n;
            return counts;
          },
        }
      : {}),
  };
}

/** A routed request's `account_id` (GET /chats/:id, a chat's messages) with this member's raw ids in place of namespaced ones. */
function ownAccountIds(query: URLSearchParams, member: RegistryMember): URLSearchParams {
  const list = query.get('account_id');
  if (list === null) return query;
  const own = splitIdList(list).get(member.kind);
  const out = new URLSearchParams(query);
  if (own) out.set('account_id', own.join(','));
  return out;
}
