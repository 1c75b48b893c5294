import { QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createQueryClient } from '@/lib/query-client';
import { stubApi, wireAccount, wireChat, type Handler } from '@/test/fake-api.fixture';
import { ChatList } from './chat-list';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const periskopeDown = { backend: 'periskope', label: 'Periskope', title: 'Timeout', detail: 'Periskope did not answer in time.', type: 'errors/request_timeout', status: 504 };
const postpressDown = { backend: 'postpress', label: 'postpress', title: 'Unavailable', detail: '', type: 'errors/service_unavailable', status: 503 };

const chats = (unavailable: unknown[] = []) =>
  json({
    object: 'ChatList',
    items: [wireChat('unipile~c1', { account_id: 'unipile~acc' }), wireChat('unipile~c2', { account_id: 'unipile~acc' })],
    cursor: null,
    unavailable,
  });
const accounts = (unavailable: unknown[] = []) => json({ object: 'AccountList', items: [wireAccount('unipile~acc', 'Work phone')], cursor: null, unavailable });

async function renderList() {
  const queryClient = createQueryClient({ onSignInRequired: () => {} });
  await render(
    <QueryClientProvider client={queryClient}>
      <div className="h-[600px] w-[720px]">
        <ChatList params={{ accountIds: [], pageSize: 50, filters: {} }} onOpenChat={vi.fn()} onFiltersChange={vi.fn()} onClearFilters={vi.fn()} />
      </div>
    </QueryClientProvider>,
  );
}

const notice = () => page.getByRole('status').filter({ hasText: 'is not answering' });
const firstRow = () => page.getByRole('option', { name: /^unipile~c1,/ });

describe('a backend that did not answer for the merged list', () => {
  it('is named above the rows, with why, while the other backends’ chats are all there', async () => {
    stubApi({ '/api/v1/chats': () => chats([periskopeDown]), '/api/v1/accounts': () => accounts() });
    await renderList();
    await expect.element(notice()).toHaveTextContent(
      'Periskope is not answering: its chats are missing from this list. Periskope took too long to answer. Try again in a moment.',
    );
    await expect.element(page.getByRole('option')).toHaveLength(2);
    // A status, not an alert: the rest of the list works.
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
  });

  it('names each failing backend once; one that only failed for the accounts says just that', async () => {
    stubApi({ '/api/v1/chats': () => chats([periskopeDown]), '/api/v1/accounts': () => accounts([periskopeDown, postpressDown]) });
    await renderList();
    await expect.element(notice().getByText('postpress is not answering: its accounts are missing, so its chats show no account name.')).toBeVisible();
    await expect.element(notice().getByText(/^Periskope is not answering/)).toHaveLength(1);
    await expect.element(notice()).toHaveTextContent(/The messaging service is temporarily unavailable\./);
  });

  it('Retry, from the keyboard, asks for the list from its first page and the accounts, and the notice goes once all answer', async () => {
    let list: Handler = () => chats([periskopeDown]);
    let accountAnswer: Handler = () => accounts([periskopeDown]);
    const api = stubApi({ '/api/v1/chats': (url) => list(url), '/api/v1/accounts': (url) => accountAnswer(url) });
    await renderList();
    await expect.element(notice()).toBeVisible();
    await expect.element(firstRow()).toBeVisible();
    const noticeHeight = notice().element().getBoundingClientRect().height;
    const rowTop = firstRow().element().getBoundingClientRect().top;
    const before = { chats: api.count('/api/v1/chats'), accounts: api.count('/api/v1/accounts') };

    list = () => chats();
    accountAnswer = () => accounts();
    (notice().getByRole('button', { name: 'Retry' }).element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByText(/is not answering/)).not.toBeInTheDocument();
    expect(api.count('/api/v1/chats')).toBe(before.chats + 1);
    expect(api.count('/api/v1/accounts')).toBe(before.accounts + 1);
    expect(api.requests.filter((url) => url.pathname === '/api/v1/chats').every((url) => !url.searchParams.has('cursor'))).toBe(true);
    // The rows moved up by the notice's own height, and nothing else.
    expect(noticeHeight).toBeGreaterThan(0);
    expect(rowTop - firstRow().element().getBoundingClientRect().top).toBeCloseTo(noticeHeight, 0);
  });

  it('says nothing when every backend answers', async () => {
    stubApi({ '/api/v1/chats': () => chats(), '/api/v1/accounts': () => accounts() });
    await renderList();
    await expect.element(firstRow()).toBeVisible();
    await expect.element(page.getByText(/is not answering/)).not.toBeInTheDocument();
  });
});
