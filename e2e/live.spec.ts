import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { e2eWebhookSecret } from '../playwright.config';
import { chatList, escapeRegExp, openInbox, scrollListTo } from './helpers';

/*
 * Live updates end to end: a message the simulator receives (POST /api/simulator/activity, delivered through the
 * same webhook path as Unipile's) reaches the open page over /api/events, without a reload, within a second.
 * Run with SIMULATOR_ACTIVITY=0, so that no random message moves another chat meanwhile. An account status change is
 * posted to /webhooks/unipile as Unipile would, with the secret playwright.config.ts gives the server.
 */

interface ApiChat {
  id: string;
  account_id: string;
  name: string | null;
  unread_count: number;
  read_only: number;
  muted_until: number | string | null;
}

const LIVE_MS = 1_000;
const claimed = new Set<string>();

async function inboxTop(request: APIRequestContext, limit: number): Promise<ApiChat[]> {
  const response = await request.get(`/api/v1/chats?limit=${limit}&archived=false`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: ApiChat[] }).items;
}

/** A read chat with a name no other chat of the top has (so its row is found by name), not yet used by a test. */
async function claim(request: APIRequestContext, from: number, to: number): Promise<ApiChat & { name: string }> {
  const top = await inboxTop(request, 100);
  const count = new Map<string, number>();
  for (const chat of top) if (chat.name) count.set(chat.name, (count.get(chat.name) ?? 0) + 1);
  const chat = top.slice(from, to).find((c) => c.name && count.get(c.name) === 1 && c.unread_count === 0 && !claimed.has(c.id));
  if (!chat?.name) throw new Error(`no unique, read chat between rows ${from} and ${to}`);
  claimed.add(chat.id);
  return chat as ApiChat & { name: string };
}

/** One message into the chat now; its text, read back from the API. */
async function deliver(request: APIRequestContext, chatId: string): Promise<string> {
  const response = await request.post('/api/simulator/activity', { data: { chat_id: chatId } });
  expect(response.ok()).toBe(true);
  const { message_id: messageId } = (await response.json()) as { message_id: string };
  const messages = await request.get(`/api/v1/chats/${encodeURIComponent(chatId)}/messages?limit=5`);
  const items = ((await messages.json()) as { items: { id: string; text: string | null }[] }).items;
  const text = items.find((m) => m.id === messageId)?.text;
  if (!text) throw new Error(`message ${messageId} has no text`);
  return text;
}

const unreadInTitle = async (page: Page) => Number(/^\((\d+)\)/.exec(await page.title())?.[1] ?? 0);

test('a delivered message moves its chat to the top of the open list and counts in the tab title, without a reload', async ({ page, request }) => {
  const target = await claim(request, 5, 40);
  const list = await openInbox(page);
  await expect(list.getByRole('option', { name: new RegExp(escapeRegExp(target.name)) })).toBeAttached();
  const before = await unreadInTitle(page);
  let reloaded = false;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) reloaded = true;
  });

  await deliver(request, target.id);
  await expect(list.getByRole('option').first()).toHaveAccessibleName(new RegExp(escapeRegExp(target.name)), { timeout: LIVE_MS });
  await expect.poll(() => unreadInTitle(page), { timeout: LIVE_MS }).toBeGreaterThan(before);
  expect(reloaded).toBe(false);
});

test('the open chat shows the new message, and the list and title keep its name', async ({ page, request }) => {
  const target = await claim(request, 2, 40);
  await page.goto(`/chats/${encodeURIComponent(target.id)}`);
  const messages = page.getByRole('region', { name: 'Messages' });
  await expect(messages).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`${escapeRegExp(target.name)} · Triage$`));

  const text = await deliver(request, target.id);
  await expect(messages.getByText(text, { exact: false }).first()).toBeVisible({ timeout: LIVE_MS });
  await expect(chatList(page).getByRole('option').first()).toHaveAccessibleName(new RegExp(escapeRegExp(target.name)), { timeout: LIVE_MS });
  await expect(page).toHaveTitle(new RegExp(`${escapeRegExp(target.name)} · Triage$`));
});

test('rows on screen stay where they are when a chat moves to the top above them', async ({ page, request }) => {
  const list = await openInbox(page);
  const target = await claim(request, 60, 100);
  // Scrolled down a few rows: the chat that moves up comes from below the viewport and passes above it.
  await scrollListTo(page, 600);
  const viewTop = await list.evaluate((el) => el.parentElement!.getBoundingClientRect().y);
  // The first row wholly on screen. Found by its element id only to follow its position, not to act on it.
  const anchorId = await list.getByRole('option').evaluateAll(
    (els, top) => els.map((el) => ({ id: el.id, y: el.getBoundingClientRect().y })).filter((r) => r.y >= top).sort((a, b) => a.y - b.y)[0]?.id ?? '',
    viewTop,
  );
  expect(anchorId).not.toBe('');
  const anchor = page.locator(`[id="${anchorId}"]`);
  const yBefore = (await anchor.boundingBox())!.y;
  const unreadBefore = await unreadInTitle(page);

  await deliver(request, target.id);
  // The event has arrived once the (read) chat counts as unread.
  await expect.poll(() => unreadInTitle(page), { timeout: LIVE_MS }).toBeGreaterThan(unreadBefore);
  expect(Math.abs((await anchor.boundingBox())!.y - yBefore)).toBeLessThan(1);
  await scrollListTo(page, 0);
  await expect(list.getByRole('option').first()).toHaveAccessibleName(new RegExp(escapeRegExp(target.name)));
});

interface ApiAccount {
  id: string;
  name: string;
  sources?: { status?: string }[] | null;
}

/** Unipile's account-status webhook, as Unipile posts it to the registered URL (no timestamp: applied every time). */
async function postAccountStatus(request: APIRequestContext, account: ApiAccount & { type: string }, message: string): Promise<void> {
  const response = await request.post('/webhooks/unipile', {
    headers: { 'x-webhook-secret': e2eWebhookSecret },
    data: { AccountStatus: { account_id: account.id, account_type: account.type, message } },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ processed: true });
}

test('an account status change flags its chats at once', async ({ page, request }) => {
  const accountsResponse = await request.get('/api/v1/accounts?limit=250');
  expect(accountsResponse.ok()).toBe(true);
  const accounts = ((await accountsResponse.json()) as { items: (ApiAccount & { type: string })[] }).items;
  const connected = (a: ApiAccount) => (a.sources ?? []).length > 0 && (a.sources ?? []).every((s) => s.status === 'OK');
  // The account of a chat near the top of the inbox, so its rows are on screen; connected, so the flag is news.
  const top = await inboxTop(request, 10);
  const account = top.map((chat) => accounts.find((a) => a.id === chat.account_id)).find((a) => a && connected(a));
  if (!account) throw new Error('no connected account among the first rows of the inbox');

  const list = await openInbox(page);
  // An account's status is not in the list's data: an event sent before the stream is open would be missed.
  await expect(page.locator('[role="status"][data-state="live"]')).toHaveCount(1);
  const ofAccount = list.getByRole('option', { name: new RegExp(`, account ${escapeRegExp(account.name)},`) });
  const flagged = list.getByRole('option', { name: new RegExp(`, account ${escapeRegExp(account.name)}, account disconnected,`) });
  await expect(ofAccount.first()).toBeVisible();
  const rows = await ofAccount.count();
  await expect(flagged).toHaveCount(0);
  let reloaded = false;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) reloaded = true;
  });

  await postAccountStatus(request, account, 'CREDENTIALS');
  // Every row of the account says so (in its accessible name, not by colour alone), and no other row does.
  await expect(flagged).toHaveCount(rows, { timeout: LIVE_MS });
  await expect(list.getByRole('option', { name: /account disconnected/ })).toHaveCount(rows);

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
  const showBox = dialog.getByRole('checkbox', { name: `Show ${account.name}`, exact: true });
  await expect(showBox).toHaveAccessibleDescription(/Disconnected: reconnect needed/);

  // Reconnected: Settings (still open) and the rows go back without a reload either.
  await postAccountStatus(request, account, 'OK');
  await expect(showBox).toHaveAccessibleDescription(/Connected$/, { timeout: LIVE_MS });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(flagged).toHaveCount(0);
  await expect(ofAccount).toHaveCount(rows);
  expect(reloaded).toBe(false);
});
