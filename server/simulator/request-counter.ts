/**
 * How many requests reached the simulator, per route ("GET /api/v1/chats/:id"): what Triage sent upstream after its
 * coalescing, for tests and benchmarks that hold Triage to an upstream budget.
 */

/** Path words of the Unipile routes; any other segment is an id. */
const ROUTE_WORDS: ReadonlySet<string> = new Set(['api', 'v1', 'accounts', 'chats', 'messages', 'attendees', 'chat_attendees', 'picture', 'attachments']);

export function routeOf(method: string, pathname: string, words: ReadonlySet<string> = ROUTE_WORDS): string {
  const segments = pathname.split('/').map((s) => (s === '' || words.has(s) ? s : ':id'));
  return `${method} ${segments.join('/')}`;
}

/** Counts per route; `words` are the dialect's path words (the Unipile routes' by default). */
export class RequestCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly words: ReadonlySet<string> = ROUTE_WORDS) {}

  count(request: Request): void {
    const route = routeOf(request.method, new URL(request.url).pathname, this.words);
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
  }

  /** Routes in first-seen order, with their counts. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
