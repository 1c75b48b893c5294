import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '@/components/ui/error-state';
import { accountsQueryOptions } from '@/lib/accounts';
import type { Density } from '@/lib/density';
import { ChatListSkeleton } from './chat-list-states';

/**
 * The list's place while it cannot be asked for yet: some accounts are hidden, and which ones are shown depends on the
 * accounts list. Its failure is this screen's failure (asking for every account would show the hidden ones).
 */
export function ChatListPlaceholder({ density }: { density: Density }) {
  const accounts = useQuery(accountsQueryOptions());
  return (
    <section aria-label="Chats" className="flex h-full min-h-0 flex-col">
      {accounts.isError ? (
        <ErrorState
          error={accounts.error}
          what="The accounts could not be loaded"
          onRetry={() => void accounts.refetch()}
          retrying={accounts.isFetching}
          failureCount={accounts.failureCount}
        />
      ) : (
        <ChatListSkeleton density={density} />
      )}
    </section>
  );
}
