import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { chatKeys } from '@/lib/chats/keys';
import type { ChatListData } from '@/lib/chats/list-pages';
import type { InboxChat } from '@/lib/chats/model';
import { makeChat } from '@/lib/chats/inbox-chat.fixture';
import { createQueryClient } from '@/lib/query-client';
import { accountList, pending, stubApi, wireAccount, wireChat, type Handler } from '@/test/fake-api.fixture';
import ChatPane from './chat-pane';
import { ChatPaneSkeleton } from './chat-pane-skeleton';
import { PANE_LAYOUT_STORAGE_KEY, usePaneLayoutStore } from './pane-layout-store';
import { prefetchChat } from './prefetch';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
/** The one picture the data says exists (Amelia's attendee has a picture_url). */
const PICTURE = '/api/v1/chat_attendees/att-amelia/picture';

const amelia = makeChat('c1', { name: 'Amelia Horváth', displayName: 'Amelia Horváth', provider: 'LINKEDIN', accountId: 'acc-1' });

/** The list holds the chat, as it does when a row is clicked. */
function clientWithList(chats: InboxChat[]): QueryClient {
  const queryClient = createQueryClient({ onSignInRequired: () => {} });
  const data: ChatListData = { pages: [{ chats, cursor: null }], pageParams: [null] };
  queryClient.setQueryData(chatKeys.list({ accountIds: [], pageSize: 100, filters: {} }), data);
  return queryClient;
}

const attendees = () =>
  json({
    object: 'ChatAttendeeList',
    cursor: null,
    items: [
      { object: 'ChatAttendee', id: 'att-amelia', provider_id: 'p-amelia', name: 'Amelia Horváth', is_self: 0, picture_url: 'https://cdn.example/a.png' },
      { object: 'ChatAttendee', id: 'att-me', provider_id: 'p-me', name: 'Gökhan Köhler', is_self: 1 },
    ],
  });

const messages = () =>
  json({
    object: 'MessageList',
    cursor: null,
    items: [
      { object: 'Message', id: 'm2', sender_id: 'p-me', text: 'Sure, Friday works', timestamp: '2026-05-17T10:05:00.000Z', is_sender: 1 },
      { object: 'Message', id: 'm1', sender_id: 'p-amelia', text: 'Can we talk on Friday?', timestamp: '2026-05-17T10:00:00.000Z', is_sender: 0 },
    ],
  });

function api(overrides: Record<string, Handler> = {}) {
  return stubApi({
    '/api/v1/accounts': () => accountList([wireAccount('acc-1', 'Recruiting', 'LINKEDIN')]),
    '/api/v1/chats/c1': () => json(wireChat('c1', { name: 'Amelia Horváth', account_type: 'LINKEDIN' })),
    '/api/v1/chats/c1/messages': messages,
    '/api/v1/chats/c1/attendees': attendees,
    ...overrides,
  });
}

async function renderPane(queryClient: QueryClient, chatId = 'c1') {
  return render(
    <QueryClientProvider client={queryClient}>
      <div className="flex h-[700px] flex-col">
        <ChatPane chatId={chatId} markReadOnOpen={false} backHref="/" onClose={() => {}} onTriage={() => {}} onMarkRead={() => {}} />
      </div>
    </QueryClientProvider>,
  );
}

const heading = (name: string) => page.getByRole('heading', { level: 2, name });
const attendeePanel = () => page.getByRole('complementary', { name: /Attendees/ });

beforeEach(() => usePaneLayoutStore.setState({ attendeesOpen: null }));
afterEach(() => page.viewport(1280, 800));

describe('opening a chat', () => {
  it('shows the header from the list at once and placeholder messages until they arrive', async () => {
    api({ '/api/v1/chats/c1': pending, '/api/v1/chats/c1/messages': pending, '/api/v1/chats/c1/attendees': pending });
    await renderPane(clientWithList([amelia]));
    await expect.element(heading('Amelia Horváth')).toBeVisible();
    await expect.element(page.getByRole('status', { name: 'Loading messages' })).toBeVisible();
    await expect.element(page.getByRole('region', { name: 'Messages' })).not.toBeInTheDocument();
  });

  it('a chat no list holds yet shows the pane’s shape, not an empty pane', async () => {
    api({ '/api/v1/chats/c1': pending });
    await renderPane(createQueryClient({ onSignInRequired: () => {} }));
    await expect.element(page.getByRole('region', { name: 'Chat' })).toHaveAttribute('aria-busy', 'true');
    await expect.element(page.getByRole('status', { name: 'Loading the chat' })).toBeVisible();
  });

  it('the lazy chunk’s fallback titles the chat from the list', async () => {
    await render(
      <QueryClientProvider client={clientWithList([amelia])}>
        <ChatPaneSkeleton chatId="c1" />
      </QueryClientProvider>,
    );
    await expect.element(heading('Amelia Horváth')).toBeVisible();
    await expect.element(page.getByRole('status', { name: 'Loading Amelia Horváth' })).toBeVisible();
  });

  it('after a prefetch, opens with its messages and attendees without asking again', async () => {
    const { count } = api();
    const queryClient = clientWithList([amelia]);
    prefetchChat(queryClient, 'c1');
    await expect.poll(() => queryClient.getQueryState(chatKeys.attendees('c1'))?.status).toBe('success');
    await expect.poll(() => queryClient.getQueryState(chatKeys.messages('c1'))?.status).toBe('success');
    await expect.poll(() => queryClient.getQueryState(chatKeys.detail('c1'))?.dataUpdatedAt).toBeGreaterThan(0);
    await renderPane(queryClient);
    await expect.element(page.getByText('Can we talk on Friday?')).toBeVisible();
    expect(page.getByRole('status', { name: 'Loading messages' }).elements()).toHaveLength(0);
    expect([count('/api/v1/chats/c1'), count('/api/v1/chats/c1/messages'), count('/api/v1/chats/c1/attendees')]).toEqual([1, 1, 1]);
  });
});

describe('one avatar for one person', () => {
  it('the header, the attendee panel and the messages draw the other person alike, and only existing pictures are asked for', async () => {
    await page.viewport(1440, 800);
    api();
    await renderPane(clientWithList([amelia]));
    await expect.element(page.getByText('Can we talk on Friday?')).toBeVisible();
    await expect.element(attendeePanel().getByText('Gökhan Köhler')).toBeVisible();
    const drawn = (selector: string) => {
      const avatar = document.querySelector<HTMLElement>(`${selector} .avatar`);
      return avatar ? { hue: avatar.style.getPropertyValue('--avatar-hue'), initials: avatar.querySelector('[data-text]')?.getAttribute('data-text') } : null;
    };
    const header = drawn('header');
    expect(header).toEqual({ hue: expect.any(String), initials: 'AH' });
    expect(drawn('aside li:first-child')).toEqual(header);
    expect(drawn('[data-message-id="m1"]')).toEqual(header);
    // The picture that exists is asked for (by the first avatar that shows it); the person's own entry has none.
    await expect.poll(() => pictureRequests()).toContain(PICTURE);
    expect(new Set(pictureRequests())).toEqual(new Set([PICTURE]));
  });
});

/** Every picture this page has requested (img loads do not go through the stubbed fetch). */
function pictureRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.endsWith('/picture'));
}

describe('the attendee panel', () => {
  it('starts closed below 1440 px and remembers its toggle', async () => {
    api();
    const queryClient = clientWithList([amelia]);
    const first = await renderPane(queryClient);
    await expect.element(heading('Amelia Horváth')).toBeVisible();
    await expect.element(attendeePanel()).not.toBeInTheDocument();
    await page.getByRole('button', { name: 'Attendees' }).click();
    await expect.element(attendeePanel()).toBeVisible();
    expect(JSON.parse(localStorage.getItem(PANE_LAYOUT_STORAGE_KEY) ?? '{}')).toMatchObject({ state: { attendeesOpen: true } });
    await first.unmount();
    await renderPane(queryClient);
    await expect.element(attendeePanel()).toBeVisible();
  });

  it('starts open from 1440 px until closed', async () => {
    await page.viewport(1440, 800);
    api();
    await renderPane(clientWithList([amelia]));
    await expect.element(attendeePanel()).toBeVisible();
    await page.getByRole('button', { name: 'Close attendees' }).click();
    await expect.element(attendeePanel()).not.toBeInTheDocument();
    expect(usePaneLayoutStore.getState().attendeesOpen).toBe(false);
  });
});

describe('the header', () => {
  it('shows each icon action’s name and key in a tooltip on keyboard focus, its name unchanged', async () => {
    api();
    await renderPane(clientWithList([amelia]));
    const archive = page.getByRole('button', { name: 'Archive', exact: true });
    // Hidden tooltips are out of the accessibility tree until shown.
    const tooltip = page.getByRole('tooltip', { includeHidden: true }).filter({ hasText: 'Archive (e)' });
    await expect.element(archive).toBeVisible();
    await expect.element(tooltip).not.toBeVisible();
    await page.getByRole('button', { name: 'Mute', exact: true }).element().focus();
    await userEvent.keyboard('{Tab}');
    await expect.element(archive).toHaveFocus();
    await expect.element(tooltip).toBeVisible();
    await expect.element(archive).toHaveAccessibleName('Archive');
    await expect.element(archive).toHaveAccessibleDescription('Archive (e)');
  });

  it('on a phone folds the badges and the subject behind "Details"', async () => {
    await page.viewport(390, 844);
    // The list's copy stays what is shown: the detail's answer is held.
    api({ '/api/v1/chats/c1': pending });
    const chat = { ...amelia, subject: 'Staff Engineer role', pinned: true };
    await renderPane(clientWithList([chat]));
    const details = page.getByRole('button', { name: /^Details/ });
    await expect.element(details).toHaveAttribute('aria-expanded', 'false');
    await expect.element(details).toHaveTextContent(/Read · Pinned/);
    await expect.element(page.getByRole('list', { name: 'Chat state', includeHidden: true })).not.toBeVisible();
    await details.click();
    await expect.element(page.getByRole('list', { name: 'Chat state' }).getByText('Subject: Staff Engineer role')).toBeVisible();
  });
});
