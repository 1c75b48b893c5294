import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { chatList, escapeRegExp, openInbox, scrollListTo } from './helpers';

/*
 * Rows you can triage without opening, against the simulator (2,500 chats, seed 7): the last message in every row on
 * screen, real names for unnamed 1:1 chats, a bounded upstream cost, and a clean console. The API is the oracle.
 */

interface ApiChat {
  id: string;
  name: string | null;
  type: number;
  lastMessage?: { text: string | null; is_sender: number; deleted?: number; attachments?: unknown[] } | null;
}

async function inboxTop(request: APIRequestContext, limit: number): Promise<ApiChat[]> {
  const response = await request.get(`/api/v1/chats?limit=${limit}&archived=false`);
  return ((await response.json()) as { items: ApiChat[] }).items;
}

async function upstreamCalls(request: APIRequestContext): Promise<Record<string, number>> {
  const response = await request.get('/api/simulator/requests');
  return ((await response.json()) as { counts: Record<string, number> }).counts;
}

const row = (page: Page, id: string) => chatList(page).locator(`[data-chat-id="${id}"]`);

test('the first screen shows who wrote what last, in words for screen readers too; rows reached by scrolling get theirs', async ({ page, request }) => {
  const top = await inboxTop(request, 6);
  await openInbox(page);
  for (const chat of top) {
    const detail = (await (await request.get(`/api/v1/chats/${encodeURIComponent(chat.id)}`)).json()) as ApiChat;
    const text = detail.lastMessage?.text?.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() ?? '';
    if (!text || detail.lastMessage?.deleted) continue;
    const words = escapeRegExp(text.slice(0, 24));
    // Your own messages start "You: "; in 1:1 chats the other person's start with the words themselves.
    const prefix = detail.lastMessage?.is_sender ? '^You: ' : detail.type === 0 ? '^' : '';
    await expect(row(page, chat.id)).toHaveAccessibleDescription(new RegExp(`${prefix}${words}`));
  }
  // The name stays first in the row's accessible name.
  await expect(row(page, top[0]!.id)).toHaveAccessibleName(new RegExp(`^${escapeRegExp(top[0]!.name ?? '')}`));

  await scrollListTo(page, 72 * 60);
  const far = chatList(page).locator('[role="option"][aria-posinset="64"]');
  await expect(far).toBeVisible();
  await expect(far).toHaveAttribute('aria-describedby', /-said$/);
});

test('a 1:1 chat without a name is called what its other attendee is called, in the row and the header', async ({ page, request }) => {
  const top = await inboxTop(request, 100);
  const index = top.findIndex((c) => c.type === 0 && (c.name === null || c.name === ''));
  expect(index, 'an unnamed 1:1 chat in the first page of the seeded simulator').toBeGreaterThanOrEqual(0);
  const chat = top[index]!;
  const attendees = (await (await request.get(`/api/v1/chats/${encodeURIComponent(chat.id)}/attendees`)).json()) as { items: { name: string; is_self: number }[] };
  const name = attendees.items.find((a) => a.is_self === 0)!.name;

  await openInbox(page);
  await scrollListTo(page, Math.max(0, 72 * index - 200));
  await expect(row(page, chat.id)).toHaveAccessibleName(new RegExp(`^${escapeRegExp(name)}, `));
  await row(page, chat.id).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  // "(3) Amelia Horváth · Triage": the unread count first, then the open chat’s name.
  await expect(page).toHaveTitle(new RegExp(`^(\\(\\d+\\) )?${escapeRegExp(name)} · Triage$`));
});

test('a fast scroll to the end of 1,000 rows costs a bounded number of preview calls upstream', async ({ page, request }) => {
  await openInbox(page);
  // The first screen's previews, then the count starts.
  await expect(chatList(page).locator('[role="option"][aria-describedby]').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const before = await upstreamCalls(request);
  const previewRequests: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/previews') previewRequests.push(r.url());
  });
  // 1,000 rows fast: each frame a screen and a half further, as a flick of the wheel would (pages load on the way).
  const reached = await chatList(page).evaluate(async (listbox) => {
    let el: HTMLElement | null = listbox as HTMLElement;
    while (el && !/(auto|scroll)/.test(getComputedStyle(el).overflowY)) el = el.parentElement;
    if (!el) throw new Error('no scrolling ancestor');
    const scroller = el;
    for (let frame = 0; frame < 1_500 && scroller.scrollTop < 72 * 1_000; frame += 1) {
      scroller.scrollTop += 1_200;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return scroller.scrollTop;
  });
  expect(reached).toBeGreaterThanOrEqual(72 * 990);
  // Only the window the scroll stopped at rests long enough to ask.
  await expect.poll(() => previewRequests.length).toBeGreaterThanOrEqual(1);
  await page.waitForLoadState('networkidle');
  const after = await upstreamCalls(request);
  const previewRoutes = ['GET /api/v1/messages', 'GET /api/v1/chats/:id', 'GET /api/v1/chats/:id/attendees'];
  const spent = previewRoutes.reduce((sum, route) => sum + (after[route] ?? 0) - (before[route] ?? 0), 0);
  expect(previewRequests.length).toBeLessThanOrEqual(4);
  // A window of ~12 rows: at most two calls each (its details and its attendees), whatever was flown past.
  expect(spent).toBeLessThanOrEqual(2 * 4 * 15);
});

test('a normal load and opening chats log no console error and ask for no picture that does not exist', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  await openInbox(page);
  await expect(chatList(page).locator('[role="option"][aria-describedby]').nth(4)).toBeVisible();
  for (let i = 0; i < 3; i += 1) {
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Messages' }).getByRole('listitem').first()).toBeVisible();
  }
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test('a reply sent from Triage is the row’s last message at once, and still after a reload', async ({ page, request }) => {
  const [chat] = (await inboxTop(request, 40)).filter((c) => c.type === 0).slice(-1);
  await page.goto(`/chats/${encodeURIComponent(chat!.id)}`);
  const text = `Preview check ${Date.now()}`;
  const box = page.getByRole('textbox', { name: 'Reply' });
  await box.fill(text);
  await box.press('Enter');
  await expect(row(page, chat!.id)).toHaveAccessibleDescription(`You: ${text}`);
  // The server forgot what it had cached of that chat's last message when the reply went through it.
  await page.reload();
  await expect(row(page, chat!.id)).toHaveAccessibleDescription(`You: ${text}`);
});
