import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { e2eMergedBaseURL } from '../playwright.config';
import { chatList, escapeRegExp, listAllChats, openInbox } from './helpers';

/*
 * Two backends at once, on the simulator in two dialects (SIMULATOR_BACKENDS=unipile,periskope, the third e2e server):
 * one merged list, filters across both, a Periskope chat opened, read and replied to, what Periskope cannot do said,
 * one backend failing while the other keeps working, and a Periskope message arriving live.
 */
test.use({ baseURL: e2eMergedBaseURL });

interface MergedChat {
  id: string;
  name: string | null;
  timestamp: string | null;
  unread_count: number;
  account_type: string;
  archived: number | boolean;
}

const isPeriskope = (id: string) => id.startsWith('periskope~');
const isUnipile = (id: string) => id.startsWith('unipile~');
const messages = (page: Page) => page.getByRole('region', { name: 'Messages' });
const rowOf = (page: Page, chatId: string) => chatList(page).locator(`[role="option"][data-chat-id="${chatId}"]`);

/**
 * The inbox's first page exactly as the page asked for it (same filters), answered again by the API. `filter` is the
 * API parameter the view sends (a request of the page before the navigation, its live catch-up, must not be taken).
 */
async function firstPageOf(page: Page, request: APIRequestContext, path = '/', filter: [string, string] | null = null): Promise<MergedChat[]> {
  const asked = page.waitForRequest((r) => {
    const url = new URL(r.url());
    if (url.pathname !== '/api/v1/chats' || url.searchParams.has('cursor')) return false;
    return filter === null ? !url.searchParams.has('unread') && !url.searchParams.has('account_type') : url.searchParams.get(filter[0]) === filter[1];
  });
  await openInbox(page, path);
  const url = new URL((await asked).url());
  const response = await request.get(`${url.pathname}${url.search}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: MergedChat[] }).items;
}

const used = new Set<string>();
/** A Periskope chat near the top of the inbox (its row renders without scrolling), not used by another test. */
async function periskopeChat(page: Page, request: APIRequestContext, accept: (chat: MergedChat) => boolean): Promise<MergedChat> {
  const top = (await firstPageOf(page, request)).slice(0, 12);
  const chat = top.find((c) => isPeriskope(c.id) && accept(c) && !used.has(c.id));
  if (!chat) throw new Error('no such Periskope chat near the top of the inbox');
  used.add(chat.id);
  return chat;
}

test('one list of both backends, ordered by last activity across them, every chat once', async ({ page, request }) => {
  const all = (await listAllChats(request)) as unknown as MergedChat[];
  expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  expect(all.some((c) => isPeriskope(c.id))).toBe(true);
  expect(all.some((c) => isUnipile(c.id))).toBe(true);
  expect(all.every((c) => isPeriskope(c.id) || isUnipile(c.id))).toBe(true);
  const times = all.map((c) => (c.timestamp === null ? Number.NEGATIVE_INFINITY : Date.parse(c.timestamp)));
  expect(times.every((t, i) => i === 0 || t <= times[i - 1]!)).toBe(true);

  // The rows on screen are the merged page, in its order, from both backends.
  const top = (await firstPageOf(page, request)).slice(0, 8);
  const shown = await chatList(page).getByRole('option').evaluateAll((rows) => rows.slice(0, 8).map((row) => row.getAttribute('data-chat-id')));
  expect(shown).toEqual(top.map((c) => c.id));
  expect(top.some((c) => isPeriskope(c.id)) && top.some((c) => isUnipile(c.id))).toBe(true);
});

test('filters work across both backends', async ({ page, request }) => {
  const unread = await firstPageOf(page, request, '/?unread=true', ['unread', 'true']);
  expect(unread.length).toBeGreaterThan(0);
  expect(unread.every((c) => c.unread_count > 0)).toBe(true);
  expect(unread.some((c) => isPeriskope(c.id)) && unread.some((c) => isUnipile(c.id))).toBe(true);
  await expect(chatList(page).getByRole('option').first()).toHaveAttribute('data-chat-id', unread[0]!.id);

  const whatsapp = await firstPageOf(page, request, '/?provider=WHATSAPP', ['account_type', 'WHATSAPP']);
  expect(whatsapp.every((c) => c.account_type === 'WHATSAPP')).toBe(true);
  expect(whatsapp.some((c) => isPeriskope(c.id))).toBe(true);
});

test('Settings lists each backend’s accounts under its name, with the disconnected phone flagged', async ({ page }) => {
  await openInbox(page);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
  const unipile = dialog.getByRole('list', { name: 'Unipile accounts' });
  const periskope = dialog.getByRole('list', { name: 'Periskope accounts' });
  await expect(unipile.getByRole('listitem').first()).toBeVisible();
  await expect(periskope.getByRole('listitem')).toHaveCount(2);
  await expect(periskope).toContainText(/disconnected/i);
});

test('a Periskope chat opens, is marked read on opening, and takes a reply', async ({ page, request }) => {
  const chat = await periskopeChat(page, request, (c) => c.unread_count > 0);
  await rowOf(page, chat.id).click();
  await expect(messages(page)).toBeVisible();
  await expect(messages(page).locator('li, [role="article"], p').first()).toBeVisible();
  // Opening marks it read, through Periskope's own route.
  await expect.poll(async () => ((await (await request.get(`/api/v1/chats/${encodeURIComponent(chat.id)}`)).json()) as MergedChat).unread_count).toBe(0);

  const text = `From Triage to Periskope ${Date.now()}`;
  const box = page.getByRole('textbox', { name: 'Reply' });
  await box.fill(text);
  await box.press('Enter');
  await expect(box).toHaveValue('');
  await expect(messages(page).getByText(text, { exact: true })).toBeVisible();
  await expect(messages(page).getByText('Sending…')).toBeHidden();
  await expect
    .poll(async () => {
      const answer = (await (await request.get(`/api/v1/chats/${encodeURIComponent(chat.id)}/messages?limit=5`)).json()) as { items: { text: string | null }[] };
      return answer.items.map((m) => m.text);
    })
    .toContain(text);
  // The reply makes it the newest chat of the merged list.
  await expect(chatList(page).getByRole('option').first()).toHaveAttribute('data-chat-id', chat.id);
});

test('what Periskope cannot do is disabled with its reason, and its key says so instead of acting', async ({ page, request }) => {
  const chat = await periskopeChat(page, request, (c) => c.unread_count === 0);
  await rowOf(page, chat.id).click();
  await expect(messages(page)).toBeVisible();
  const archive = page.getByRole('button', { name: 'Archive', exact: true });
  await expect(archive).toHaveAttribute('aria-disabled', 'true');
  await expect(archive).toHaveAccessibleDescription('Periskope has no way to archive a chat.');
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PATCH') writes.push(r.url());
  });
  await chatList(page).focus();
  await page.keyboard.press('e');
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Periskope has no way to archive a chat.');
  await expect(rowOf(page, chat.id)).toBeVisible();
  expect(writes).toEqual([]);
});

test('a failing backend is named in a notice while the other’s chats stay, and Retry brings it back', async ({ page }) => {
  const state = { failing: true };
  await page.route(
    (url) => url.pathname === '/api/v1/chats',
    async (route) => (state.failing ? route.continue({ headers: { ...(await route.request().allHeaders()), 'x-simulator-fault': 'periskope=500' } }) : route.continue()),
  );
  const list = await openInbox(page);
  const notice = page.getByRole('status').filter({ hasText: /Periskope/ });
  await expect(notice).toBeVisible();
  const ids = await list.getByRole('option').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-chat-id') ?? ''));
  expect(ids.length).toBeGreaterThan(0);
  expect(ids.every((id) => id.startsWith('unipile~'))).toBe(true);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The stream's first open refreshes the first page once (still failing): settled before Periskope answers again, so
  // only Retry brings it back.
  await expect(page.locator('[role="status"][data-state="live"]')).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  await expect(notice).toBeVisible();

  state.failing = false;
  await notice.getByRole('button', { name: /Retry/ }).click();
  await expect(notice).toBeHidden();
  await expect(list.locator('[role="option"][data-chat-id^="periskope~"]').first()).toBeAttached();
});

test('a new Periskope message reaches the open list live', async ({ page, request }) => {
  const list = await openInbox(page);
  await expect(page.locator('[role="status"][data-state="live"]')).toHaveCount(1);
  const all = (await listAllChats(request)) as unknown as MergedChat[];
  const target = all.slice(20, 80).find((c) => isPeriskope(c.id) && !c.archived && c.name && !used.has(c.id));
  if (!target?.name) throw new Error('no Periskope chat further down');
  used.add(target.id);
  const response = await request.post('/api/simulator/activity', { data: { chat_id: target.id } });
  expect(response.ok()).toBe(true);
  await expect(list.getByRole('option').first()).toHaveAttribute('data-chat-id', target.id);
  await expect(list.getByRole('option').first()).toHaveAccessibleName(new RegExp(escapeRegExp(target.name)));
});
