import { QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { ChatFilters } from '@/lib/chats/filters';
import { createQueryClient } from '@/lib/query-client';
import { accountList, apiError, chatPage, pending, stubApi, wireAccount, wireChat, type Handler } from '@/test/fake-api.fixture';
import { ChatList } from './chat-list';

const accounts: Handler = () => accountList([wireAccount('acc-1', 'Work phone')]);
const chats = (from: number, count: number) => Array.from({ length: count }, (_, i) => wireChat(`chat-${from + i}`));
const serverError = () => apiError(500, 'errors/unexpected_error', 'Internal error');

/** The list as the inbox page mounts it, in a box as tall as a laptop's list pane, on a fresh query cache. */
async function renderList({ filters = {}, pageSize = 50, onClearFilters = vi.fn() }: { filters?: ChatFilters; pageSize?: number; onClearFilters?: () => void } = {}) {
  const queryClient = createQueryClient({ onSignInRequired: () => {} });
  const screen = await render(
    <QueryClientProvider client={queryClient}>
      <div className="h-[600px] w-[720px]">
        <ChatList params={{ accountIds: [], pageSize, filters }} onOpenChat={vi.fn()} onFiltersChange={vi.fn()} onClearFilters={onClearFilters} />
      </div>
    </QueryClientProvider>,
  );
  return { screen, queryClient };
}

const list = () => page.getByRole('listbox', { name: 'Chats' });

describe('ChatList states', () => {
  it('shows a skeleton, announced as loading, until the first page arrives', async () => {
    stubApi({ '/api/v1/chats': pending, '/api/v1/accounts': accounts });
    await renderList();
    await expect.element(page.getByRole('status').filter({ hasText: 'Loading chats…' })).toBeInTheDocument();
    await expect.element(list()).not.toBeInTheDocument();
  });

  it('says there are no chats yet when the inbox is empty', async () => {
    stubApi({ '/api/v1/chats': () => chatPage([]), '/api/v1/accounts': accounts });
    await renderList();
    await expect.element(page.getByRole('status').filter({ hasText: 'No chats yet' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('offers to clear filters that match nothing', async () => {
    stubApi({ '/api/v1/chats': () => chatPage([]), '/api/v1/accounts': accounts });
    const onClearFilters = vi.fn();
    await renderList({ filters: { unread: true }, onClearFilters });
    const empty = page.getByRole('status').filter({ hasText: 'No chats match these filters' });
    await expect.element(empty).toBeVisible();
    await empty.getByRole('button', { name: 'Clear filters' }).click();
    expect(onClearFilters).toHaveBeenCalledOnce();
  });

  it('shows a failed first page as an error with Retry, which loads the list', async () => {
    let answer: Handler = serverError;
    stubApi({ '/api/v1/chats': (url) => answer(url), '/api/v1/accounts': accounts });
    await renderList();
    const error = page.getByRole('alert');
    await expect.element(error).toHaveTextContent(/Something went wrong/);
    await expect.element(error).toHaveTextContent(/errors\/unexpected_error · HTTP 500/);
    answer = () => chatPage(chats(1, 2));
    await error.getByRole('button', { name: 'Retry' }).click();
    await expect.element(page.getByRole('option', { name: /^chat-1,/ })).toBeVisible();
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the loaded rows when the next page fails, and Retry loads it up to the end', async () => {
    let second: Handler = serverError;
    stubApi({
      '/api/v1/chats': (url) => (url.searchParams.get('cursor') === 'p2' ? second(url) : chatPage(chats(1, 3), 'p2')),
      '/api/v1/accounts': accounts,
    });
    await renderList();
    const footer = page.getByRole('alert');
    await expect.element(footer).toHaveTextContent(/Something went wrong\./);
    await expect.element(list().getByRole('option')).toHaveLength(3);
    second = () => chatPage(chats(4, 2));
    await footer.getByRole('button', { name: 'Retry' }).click();
    await expect.element(page.getByText('All 5 chats loaded')).toBeVisible();
    await expect.element(list().getByRole('option')).toHaveLength(5);
    // The whole list is known: each row says where it stands in it.
    await expect.element(page.getByRole('option', { name: /^chat-5,/ })).toHaveAttribute('aria-setsize', '5');
  });

  it('says the end of a list that fits one page, in the singular too', async () => {
    stubApi({ '/api/v1/chats': () => chatPage(chats(1, 1)), '/api/v1/accounts': accounts });
    await renderList();
    await expect.element(page.getByText('All 1 chat loaded')).toBeVisible();
    await expect.element(page.getByRole('option', { name: 'chat-1, WhatsApp, account Work phone, read,' })).toBeVisible();
  });

  it('says it is searching older chats while a filtered list has found nothing yet', async () => {
    stubApi({
      '/api/v1/chats': (url) => (url.searchParams.get('cursor') ? pending() : chatPage([], 'more', 12_500)),
      '/api/v1/accounts': accounts,
    });
    await renderList({ filters: { pinned: true } });
    await expect.element(page.getByRole('status').filter({ hasText: 'Searching older chats… (12,500 scanned)' })).toBeVisible();
    await expect.element(page.getByText('No chats match these filters')).not.toBeInTheDocument();
  });

  it('says it is searching older chats below the rows a filtered list has found so far', async () => {
    stubApi({
      '/api/v1/chats': (url) => (url.searchParams.get('cursor') ? pending() : chatPage(chats(1, 2), 'more', 800)),
      '/api/v1/accounts': accounts,
    });
    await renderList({ filters: { pinned: true } });
    await expect.element(list().getByRole('option')).toHaveLength(2);
    await expect.element(page.getByRole('status').filter({ hasText: 'Searching older chats… (800 scanned)' })).toBeVisible();
  });

  it('says account names are unavailable when the accounts fail, and still lists the chats', async () => {
    let answer: Handler = serverError;
    stubApi({ '/api/v1/chats': () => chatPage(chats(1, 2)), '/api/v1/accounts': (url) => answer(url) });
    await renderList();
    const notice = page.getByRole('status').filter({ hasText: 'Account names are unavailable' });
    await expect.element(notice).toBeVisible();
    await expect.element(page.getByRole('option', { name: /^chat-1, WhatsApp, read,/ })).toBeVisible();
    answer = accounts;
    await notice.getByRole('button', { name: 'Retry' }).click();
    await expect.element(notice).not.toBeInTheDocument();
    await expect.element(page.getByRole('option', { name: /^chat-1, WhatsApp, account Work phone,/ })).toBeVisible();
  });

  it('renders only the rows its box can show, however long the page', async () => {
    stubApi({ '/api/v1/chats': () => chatPage(chats(1, 200)), '/api/v1/accounts': accounts });
    await renderList({ pageSize: 200 });
    await expect.element(page.getByText('All 200 chats loaded')).toBeInTheDocument();
    // 600px less the bar and the toolbar, at 72px a row, plus a few rows of overscan: far fewer than 200.
    const rendered = list().getByRole('option').all().length;
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(15);
  });
});
