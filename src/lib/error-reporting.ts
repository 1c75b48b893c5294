import { MutationObserver, type Mutation, type Query, type QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';
import { describeError, isNotOffered } from './error-messages';
import type { MutationFailureWords } from './query-meta';
import { showToast } from './toast-store';

/**
 * The one way failures reach the person: the query and mutation caches call these (query-client.ts). An error
 * toast collapses with its repeats (one toast per kind of failure, with a count), and its Retry does the work again.
 */

/** Triage's own 401: the dashboard session is missing or expired (server/routes/auth.ts). */
export function isSignInRequired(error: unknown): boolean {
  return isApiError(error) && error.status === 401 && error.type === 'errors/sign_in_required';
}

/** The sign-in page, coming back to where the person was. */
export function signInPath({ pathname, search }: { pathname: string; search: string }): string {
  const here = `${pathname}${search}`;
  return here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
}

/**
 * Whether a failed query is worth a toast. A query without data has nothing on screen but its pane's error state,
 * which already says what happened; a failed next page shows where that page would be. What is left is a refresh of
 * data on screen, which would otherwise fail unseen.
 */
export function shouldToastQueryError(query: Pick<Query<unknown, unknown, unknown>, 'meta' | 'state'>): boolean {
  if (query.meta?.silent) return false;
  if (query.state.data === undefined) return false;
  // What a backend does not offer is said where it would show (the pane), calmly, not as a failed refresh.
  if (isNotOffered(query.state.error)) return false;
  return !query.state.fetchMeta?.fetchMore;
}

export interface ErrorReporter {
  queryError(error: unknown, query: Query<unknown, unknown, unknown>): void;
  mutationError(error: unknown, variables: unknown, mutation: Mutation<unknown, unknown, unknown>): void;
}

/** `queryClient` is read lazily: the caches that call this are created before the client they belong to. */
export function createErrorReporter(queryClient: () => QueryClient, onSignInRequired: () => void): ErrorReporter {
  let signingIn = false;
  // Every request of the page fails the same way once the session is gone: one navigation is enough.
  const toSignIn = () => {
    if (signingIn) return;
    signingIn = true;
    onSignInRequired();
  };

  return {
    queryError(error, query) {
      if (isSignInRequired(error)) return toSignIn();
      if (!shouldToastQueryError(query)) return;
      const copy = describeError(error);
      const lead = query.meta?.failure;
      showToast({
        tone: 'error',
        key: `error:${copy.title}`,
        title: copy.title,
        message: lead ? `${lead} ${copy.message}` : copy.message,
        action: {
          label: 'Retry',
          key: `query:${query.queryHash}`,
          run: () => void queryClient().refetchQueries({ queryKey: query.queryKey, exact: true }),
        },
      });
    },

    mutationError(error, variables, mutation) {
      if (isSignInRequired(error)) return toSignIn();
      const meta = mutation.meta;
      if (meta?.silent) return;
      const words: MutationFailureWords = meta?.describeFailure?.(error, variables) ?? describeError(error);
      showToast({
        tone: 'error',
        key: `error:${words.title}`,
        title: words.title,
        message: words.message,
        action: {
          label: 'Retry',
          key: words.retryKey ?? `mutation:${mutation.mutationId}`,
          // The same options again: the optimistic change, the rollback on failure and this report all run anew.
          run: () => void new MutationObserver(queryClient(), mutation.options).mutate(variables).catch(() => undefined),
        },
      });
    },
  };
}
