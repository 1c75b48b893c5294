import { QueryClientProvider } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createQueryClient } from '@/lib/query-client';
import { accountList, apiError, stubApi, wireAccount, wireChat } from '@/test/fake-api.fixture';
import ChatPane from './chat-pane';
import { usePaneLayoutStore } from './pane-layout-store';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const CHAT = 'postpress~chat-1';
const PATH = `/api/v1/chats/${encodeURIComponent(CHAT)}`;

const config = () =>
  json({
    backend: { kind: 'merged', host: '' },
    backends: [
      { kind: 'unipile', label: 'Unipile', host: 'api8.unipile.com:13851', simulated: false },
      { kind: 'postpress', label: 'postpress', host: 'api.postpress.ai', simulated: false },
    ],
    auth: { required: false },
  });

const notOffered = (detail: string) => () => apiError(501, 'errors/not_offered', 'Not offered', detail);

function api(messages = notOffered('A chat’s messages are not offered by postpress.')) {
  return stubApi({
    '/api/config': config,
    '/api/v1/accounts': () => accountList([wireAccount('postpress~acc', 'Sales', 'WHATSAPP')]),
    [PATH]: () => json(wireChat(CHAT, { name: 'Ada Lovelace', account_id: 'postpress~acc' })),
    [`${PATH}/messages`]: messages,
    [`${PATH}/attendees`]: notOffered('A chat’s attendees are not offered by postpress.'),
  });
}

async function renderPane(onTriage = vi.fn()) {
  const queryClient = createQueryClient({ onSignInRequired: () => {} });
  await render(
    <QueryClientProvider client={queryClient}>
      <div className="flex h-[700px] flex-col">
        <ChatPane chatId={CHAT} markReadOnOpen={false} backHref="/" onClose={() => {}} onTriage={onTriage} onMarkRead={() => {}} />
      </div>
    </QueryClientProvider>,
  );
  return { onTriage };
}

beforeEach(() => usePaneLayoutStore.setState({ attendeesOpen: true }));

describe('a chat whose backend does not offer its messages or attendees', () => {
  it('says so calmly where they would be, asks once, and leaves the header working', async () => {
    const { count } = api();
    const { onTriage } = await renderPane();
    const messages = page.getByRole('status').filter({ hasText: 'Messages not available here' });
    await expect.element(messages).toBeVisible();
    await expect.element(messages).toHaveTextContent('A chat’s messages are not offered by postpress.');
    await expect.element(page.getByRole('complementary', { name: /Attendees/ }).getByRole('status')).toHaveTextContent(
      'A chat’s attendees are not offered by postpress.',
    );
    // No error styling, no Retry: nothing will change by asking again, so it was asked once.
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: /Retry/ })).not.toBeInTheDocument();
    expect(count(`${PATH}/messages`)).toBe(1);

    await page.getByRole('group', { name: 'Chat actions' }).getByRole('button', { name: 'Archive', exact: true }).click();
    expect(onTriage).toHaveBeenCalledWith('archive');
  });

  it('still shows a real failure of the messages as an error with Retry, naming the chat’s backend', async () => {
    api(() => apiError(500, 'errors/unexpected_error', 'Internal error'));
    await renderPane();
    const alert = page.getByRole('alert').filter({ hasText: 'Messages could not be loaded' });
    await expect.element(alert).toHaveTextContent('postpress hit an unexpected error.');
    await expect.element(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  });
});
