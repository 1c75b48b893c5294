import { QueryClient } from '@tanstack/react-query';
import { isTransient } from './error-messages';

const MAX_RETRIES = 2;

/** App-wide query defaults: retry only what may heal by itself (a 401 will not), and keep data fresh for 30 s. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        retry: (failureCount, error) => failureCount < MAX_RETRIES && isTransient(error),
        refetchOnWindowFocus: true,
      },
    },
  });
}
