import { InfiniteQueryObserver, MutationObserver, QueryObserver, type QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-client';
import { shouldToastQueryError, signInPath } from './error-reporting';
import { createQueryClient } from './query-client';
import { useToastStore } from './toast-store';

/* The app-wide error path with a real QueryClient: what is toasted, what is not, and what Retry does. */

const toasts = () => useToastStore.getState().toasts;
const fault = (status: number, type: string) => new ApiError({ status, type, title: type });
const unavailable = () => fault(503, 'errors/service_unavailable');
const unexpected = () => fault(500, 'errors/unexpected_error');

let client: QueryClient;
let signIn: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  useToastStore.setState({ toasts: [] });
  signIn = vi.fn<() => void>();
  client = createQueryClient({ onSignInRequired: signIn });
});
afterEach(() => {
  client.clear();
  vi.useRealTimers();
});

/** A query with data on screen (one observer), whose next fetches run `next`. */
async function shownQuery(next: () => Promise<string>, meta?: { silent?: boolean; failure?: string }) {
  const queryFn = vi.fn(async () => 'first');
  const observer = new QueryObserver(client, { queryKey: ['thing'], queryFn, meta, retry: false });
  const unsubscribe = observer.subscribe(() => undefined);
  await vi.waitFor(() => expect(observer.getCurrentResult().data).toBe('first'));
  queryFn.mockImplementation(next);
  return { observer, queryFn, unsubscribe };
}

describe('failed queries', () => {
  it('are not toasted when they have no data: the pane shows its own error state', async () => {
    await client.fetchQuery({ queryKey: ['empty'], queryFn: async () => Promise.reject(unexpected()) }).catch(() => undefined);
    expect(client.getQueryState(['empty'])?.status).toBe('error');
    expect(toasts()).toEqual([]);
  });

  it('are toasted when a refresh of data on screen fails, with the meta lead and a Retry that refetches', async () => {
    const { observer, queryFn, unsubscribe } = await shownQuery(async () => Promise.reject(unexpected()), { failure: 'The chat could not be refreshed.' });
    await observer.refetch();
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toMatchObject({ tone: 'error', title: 'Something went wrong', count: 1 });
    expect(toasts()[0]!.message).toMatch(/^The chat could not be refreshed\. Unipile hit an unexpected error/);
    expect(observer.getCurrentResult().data).toBe('first');

    queryFn.mockImplementation(async () => 'second');
    toasts()[0]!.action!.run();
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toBe('second'));
    unsubscribe();
  });

  it('collapse into one toast with a count when they repeat', async () => {
    const { observer, unsubscribe } = await shownQuery(async () => Promise.reject(unexpected()));
    await observer.refetch();
    await observer.refetch();
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]!.count).toBe(2);
    unsubscribe();
  });

  it('stay quiet with meta.silent (the component shows them)', async () => {
    const { observer, unsubscribe } = await shownQuery(async () => Promise.reject(unexpected()), { silent: true });
    await observer.refetch();
    expect(observer.getCurrentResult().isRefetchError).toBe(true);
    expect(toasts()).toEqual([]);
    unsubscribe();
  });

  it('stay quiet for a failed next page, which the list shows where that page would be', async () => {
    const queryFn = vi.fn(async ({ pageParam }: { pageParam: number }) => (pageParam === 0 ? { n: 0 } : Promise.reject(unexpected())));
    const observer = new InfiniteQueryObserver(client, {
      queryKey: ['pages'],
      queryFn,
      initialPageParam: 0,
      getNextPageParam: (last: { n: number }) => last.n + 1,
    });
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().data?.pages).toHaveLength(1));
    await observer.fetchNextPage();
    expect(observer.getCurrentResult().isFetchNextPageError).toBe(true);
    expect(shouldToastQueryError(client.getQueryCache().find({ queryKey: ['pages'] })!)).toBe(false);
    expect(toasts()).toEqual([]);
    unsubscribe();
  });

  it('retry a 503 three times with backoff, and a 4xx or 500 never', async () => {
    vi.useFakeTimers();
    const flaky = vi.fn(async () => Promise.reject(unavailable()));
    const pending = client.fetchQuery({ queryKey: ['flaky'], queryFn: flaky }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await pending).toBeInstanceOf(ApiError);
    expect(flaky).toHaveBeenCalledTimes(4);

    for (const error of [fault(401, 'errors/disconnected_account'), fault(403, 'errors/insufficient_permissions'), unexpected()]) {
      const refused = vi.fn(async () => Promise.reject(error));
      const done = client.fetchQuery({ queryKey: ['refused', error.type], queryFn: refused }).catch(() => undefined);
      await vi.advanceTimersByTimeAsync(10_000);
      await done;
      expect(refused, error.type).toHaveBeenCalledTimes(1);
    }
  });

  it('waits a 429 out for its Retry-After before trying again', async () => {
    vi.useFakeTimers();
    const limited = vi.fn(async () => Promise.reject(new ApiError({ status: 429, type: 'errors/too_many_requests', title: 'T', retryAfterMs: 2_000 })));
    const pending = client.fetchQuery({ queryKey: ['limited'], queryFn: limited }).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(limited).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(limited).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(10_000);
    await pending;
    expect(limited).toHaveBeenCalledTimes(4);
  });
});

describe('failed mutations', () => {
  it('toast the words the mutation gives, with a Retry that runs it again (optimistic step included)', async () => {
    const mutationFn = vi.fn(async (_chat: string): Promise<void> => Promise.reject(unavailable()));
    const onMutate = vi.fn();
    const observer = new MutationObserver(client, {
      mutationFn,
      onMutate,
      meta: { describeFailure: (_error, chat: string) => ({ title: 'Unipile is unavailable', message: `“${chat}” was not pinned.`, retryKey: `pin:${chat}` }) },
    });
    await observer.mutate('Ana').catch(() => undefined);
    // Mutations never retry by themselves.
    expect(mutationFn).toHaveBeenCalledTimes(1);
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toMatchObject({ title: 'Unipile is unavailable', message: '“Ana” was not pinned.' });

    await observer.mutate('Ana').catch(() => undefined);
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]!.count).toBe(2);

    mutationFn.mockImplementation(async () => undefined);
    toasts()[0]!.action!.run();
    await vi.waitFor(() => expect(mutationFn).toHaveBeenCalledTimes(3));
    expect(mutationFn).toHaveBeenLastCalledWith('Ana', expect.anything());
    expect(onMutate).toHaveBeenCalledTimes(3);
  });

  it('fall back on the error’s own words, and stay quiet with meta.silent', async () => {
    await new MutationObserver(client, { mutationFn: async () => Promise.reject(fault(0, 'client/network_error')) }).mutate().catch(() => undefined);
    expect(toasts()[0]).toMatchObject({ title: 'Cannot reach Triage' });
    useToastStore.setState({ toasts: [] });
    await new MutationObserver(client, { mutationFn: async () => Promise.reject(unexpected()), meta: { silent: true } }).mutate().catch(() => undefined);
    expect(toasts()).toEqual([]);
  });
});

describe('an expired dashboard session', () => {
  it('goes to the sign-in page once, instead of toasting, even from a silent query', async () => {
    const required = () => fault(401, 'errors/sign_in_required');
    const { observer, unsubscribe } = await shownQuery(async () => Promise.reject(required()), { silent: true });
    await observer.refetch();
    await new MutationObserver(client, { mutationFn: async () => Promise.reject(required()) }).mutate().catch(() => undefined);
    expect(signIn).toHaveBeenCalledTimes(1);
    expect(toasts()).toEqual([]);
    unsubscribe();
  });

  it('comes back to where the person was', () => {
    expect(signInPath({ pathname: '/', search: '' })).toBe('/sign-in');
    expect(signInPath({ pathname: '/chats/a b', search: '?unread=true&q=x' })).toBe(`/sign-in?next=${encodeURIComponent('/chats/a b?unread=true&q=x')}`);
  });
});
