/**
 * What a query or mutation tells the app-wide error path (query-client.ts), typed for every `meta` through
 * TanStack Query's `Register`. Object types (not interfaces), because Register only accepts what is assignable to
 * Record<string, unknown>.
 */

export type AppQueryMeta = {
  /** The component shows this query's errors itself, even while its data is on screen: no toast. */
  silent?: boolean;
  /** Starts the toast's message when a refresh of data on screen fails, e.g. "The chat could not be refreshed." */
  failure?: string;
};

/** The words of a failed mutation's toast; mutations with the same `retryKey` are retried once, not twice. */
export type MutationFailureWords = { title: string; message: string; retryKey?: string };

export type AppMutationMeta = {
  /** The component shows this mutation's errors itself: no toast. */
  silent?: boolean;
  /**
   * The toast's words for this failure; by default the error's own. A method, so each mutation can name its own
   * variables type (method parameters are compared bivariantly).
   */
  describeFailure?(error: unknown, variables: unknown): MutationFailureWords;
};

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: AppQueryMeta;
    mutationMeta: AppMutationMeta;
  }
}
