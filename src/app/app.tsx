import { QueryClientProvider } from '@tanstack/react-query';
import { CircleHelp } from 'lucide-react';
import { useState } from 'react';
import { Link, useRoute, useSearch } from 'wouter';
import { StatePanel } from '@/components/ui/state-panel';
import { ToastRegion } from '@/components/ui/toast-region';
import { initialListAccountIds, readSettings, selectDensity, selectNotifyNewMessages, selectTheme, SettingsDialog, useSettings, useSettingsEffects } from '@/features/settings';
import { createQueryClient } from '@/lib/query-client';
import { useLiveUpdates } from '@/lib/live/use-live-updates';
import { AppHeader } from './app-header';
import { InboxPage } from './inbox-page';
import { CHAT_ROUTE, listParamsFor, withSearch } from './routes';
import { useApplyTheme } from './use-apply-theme';
import { chatQueries } from '@/lib/chats/queries';
import { accountIdsFromSearch } from '@/lib/chats/filters';

function NotFound() {
  return (
    <main className="flex flex-1 items-center justify-center">
      <StatePanel
        icon={<CircleHelp className="size-5" aria-hidden="true" />}
        title="Page not found"
        action={
          <Link href="/" className="text-sm font-medium text-accent underline-offset-2 hover:underline">
            Go to the inbox
          </Link>
        }
      >
        There is nothing at this address.
      </StatePanel>
    </main>
  );
}

function Shell() {
  useApplyTheme(useSettings(selectTheme));
  useSettingsEffects();
  useLiveUpdates({ notifyNewMessages: useSettings(selectNotifyNewMessages) });
  const density = useSettings(selectDensity);
  const search = useSearch();
  const [atInbox] = useRoute('/');
  const [atChat] = useRoute(CHAT_ROUTE);
  return (
    <div className="flex h-full flex-col">
      <AppHeader homeHref={withSearch('/', search)} />
      {/* One InboxPage for both routes, so opening a chat never remounts the list (scroll and selection stay). */}
      {atInbox || atChat ? <InboxPage density={density} /> : <NotFound />}
      <SettingsDialog />
      <ToastRegion />
    </div>
  );
}

/**
 * The first page of the list the URL shows is requested before React's first render commits (a query hook would
 * only start it after), so the first rows wait for one round trip, not for a render plus a round trip.
 */
function createQueryClientWithFirstPage() {
  const queryClient = createQueryClient();
  const { pageSize } = readSettings();
  const search = window.location.search.replace(/^\?/, '');
  // With hidden accounts the list's key needs the accounts list; then the list asks once it has it.
  const accountIds = initialListAccountIds();
  if (accountIds !== null || accountIdsFromSearch(search).length > 0) {
    void queryClient.prefetchInfiniteQuery(chatQueries.list(listParamsFor(search, accountIds ?? [], pageSize)));
  }
  return queryClient;
}

export function App() {
  const [queryClient] = useState(createQueryClientWithFirstPage);
  return (
    <QueryClientProvider client={queryClient}>
      <Shell />
    </QueryClientProvider>
  );
}
