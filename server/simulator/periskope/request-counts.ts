/**
 * Requests the Periskope simulator received, per route ("GET /v1/chats/:id/messages"), for tests and benchmarks that
 * hold Triage to an upstream budget. Its own words: the Unipile counter's (request-counter.ts) are Unipile's paths.
 */

const ROUTE_WORDS = new Set(['v1', 'phones', 'all', 'chats', 'messages', 'read', 'message', 'send']);

export function periskopeRouteOf(method: string, pathname: string): string {
  const segments = pathname.split('/').map((s) => (s === '' || ROUTE_WORDS.has(s) ? s : ':id'));
  return `${method} ${segments.join('/')}`;
}

export class PeriskopeRequestCounter {
  private readonly counts = new Map<string, number>();

  count(request: Request): void {
    const route = periskopeRouteOf(request.method, new URL(request.url).pathname);
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
  }

  /** Routes in first-seen order, with their counts. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
