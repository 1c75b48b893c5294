import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createErrorReporter, signInPath } from './error-reporting';
import { retryDelay, shouldRetry } from './retry-policy';

export interface QueryClientOptions {
  /** When the dashboard session is missing or expired; by default a full navigation to the sign-in page. */
  onSignInRequired?: () => void;
}

// A full navigation: the sign-in page is served by the server, outside this app.
const goToSignIn = () => window.location.assign(signInPath(window.location));

/**
 * App-wide query defaults and the one error path: failed queries and mutations are reported by the caches (see
 * error-reporting.ts), queries retry only what may heal by itself (retry-policy.ts), data stays fresh for 30 s.
 * Mutations never retry by themselves: their optimistic change is already on screen, and a failure should roll it
 * back at once and offer Retry (a POST is not safe to repeat blindly anyway).
 */
export function createQueryClient({ onSignInRequired = goToSignIn }: QueryClientOptions = {}): QueryClient {
  const reporter = createErrorReporter(() => queryClient, onSignInRequired);
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => reporter.queryError(error, query) }),
    mutationCache: new MutationCache({ onError: (error, variables, _result, mutation) => reporter.mutationError(error, variables, mutation) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        retry: shouldRetry,
        retryDelay,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
