import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Locator, type Page, type Request } from '@playwright/test';
import { chatList, escapeRegExp, listAllChats, openInbox } from './helpers';

/*
 * The chat detail pane against the simulator (2,500 chats, seed 7). The API is the oracle: every test reads the chats
 * it needs from it first, and tests act on different chats (`claim`), because they change shared simulator state.
 */

interface ApiChat {
  id: string;
  name: string | null;
  account_id: string;
  account_type: string;
  type: number;
  unread_count: number;
  archived: number | boolean;
  pinned?: number | boolean;
  muted_until: number | string | null;
  read_only: number;
  disabledFeatures?: string[];
  subject?: string | null;
  content_type?: string | null;
  folder?: string[];
}

interface ApiMessage {
  id: string;
  text: string | null;
  is_event: number;
  deleted: number;
  attachments: unknown[];
}

const flag = (value: number | boolean | undefined) => value === true || value === 1;
const claimed = new Set<string>();

async function disconnectedAccountIds(request: APIRequestContext): Promise<Set<string>> {
  const body = (await (await request.get('/api/v1/accounts?limit=250')).json()) as { items: { id: string; sources: { status: string }[] }[] };
  return new Set(body.items.filter((a) => a.sources.some((s) => s.status === 'CREDENTIALS')).map((a) => a.id));
}

/** The top of the inbox, the list's default view (archived chats are left out). */
async function firstChats(request: APIRequestContext, limit = 10): Promise<ApiChat[]> {
  const response = await request.get(`/api/v1/chats?limit=${limit}&archived=false`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: ApiChat[] }).items;
}

async function getChat(request: APIRequestContext, id: string): Promise<ApiChat> {
  const response = await request.get(`/api/v1/chats/${encodeURIComponent(id)}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as ApiChat;
}

async function newestMessages(request: APIRequestContext, id: string, limit = 50): Promise<{ items: ApiMessage[]; cursor: string | null }> {
  const response = await request.get(`/api/v1/chats/${encodeURIComponent(id)}/messages?limit=${limit}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as { items: ApiMessage[]; cursor: string | null };
}

/** A writable chat of a connected account near the top of the list (so its row is on screen), not used by another test. */
async function claim(request: APIRequestContext, accept: (chat: ApiChat) => boolean = () => true, within = 10): Promise<ApiChat> {
  const disconnected = await disconnectedAccountIds(request);
  const chat = (await firstChats(request, within)).find(
    (c) => !claimed.has(c.id) && c.read_only === 0 && !disconnected.has(c.account_id) && !flag(c.archived) && accept(c),
  );
  if (!chat) throw new Error('no suitable chat near the top of the list');
  claimed.add(chat.id);
  return chat;
}

const rowOf = (page: Page, chatId: string): Locator => chatList(page).getByRole('option').and(page.locator(`[data-chat-id="${chatId}"]`));
const messages = (page: Page): Locator => page.getByRole('region', { name: 'Messages' });
/** The open chat: the region (named after the chat) that holds its messages. */
const pane = (page: Page): Locator => page.getByRole('region').filter({ has: messages(page) });

/** Rows are virtualized: scroll the list on, most of a screen at a time, until the chat's row is rendered. */
async function showRow(page: Page, chatId: string): Promise<Locator> {
  const row = rowOf(page, chatId);
  let screens = 0;
  await expect(async () => {
    if ((await row.count()) > 0) return;
    screens += 1;
    await chatList(page).evaluate((listbox, n) => {
      let el: HTMLElement | null = listbox as HTMLElement;
      while (el && !/(auto|scroll)/.test(getComputedStyle(el).overflowY)) el = el.parentElement;
      if (el) el.scrollTop = n * el.clientHeight * 0.8;
    }, screens);
    // The rows of the new position render within a frame or two (a page may have to load first).
    await expect(row).not.toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  return row;
}

/** Records the chat writes (PATCH) the page sends from now on, as `{ action, value }` bodies. */
function recordWrites(page: Page): { action: string; value: unknown }[] {
  const writes: { action: string; value: unknown }[] = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'PATCH' && new URL(request.url()).pathname.startsWith('/api/v1/chats/')) writes.push(request.postDataJSON() as { action: string; value: unknown });
  });
  return writes;
}

async function openFromList(page: Page, chatId: string): Promise<void> {
  await openInbox(page);
  await (await showRow(page, chatId)).click();
  await expect(page).toHaveURL(new RegExp(`/chats/${escapeRegExp(encodeURIComponent(chatId))}$`));
  await expect(messages(page)).toBeVisible();
}

test.beforeEach(({ page }) => {
  // No script from a chat may ever run: any alert/confirm/prompt fails the test.
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
});

test('a chat opens from the list by click and by Enter, side by side on wide screens, and a reload reopens it', async ({ page, request }) => {
  const [first, second] = await firstChats(request, 2);
  await openInbox(page);
  const list = chatList(page);
  const firstName = (await rowOf(page, first!.id).getAttribute('aria-label'))!.split(', ')[0]!;
  await rowOf(page, first!.id).click();
  await expect(page).toHaveURL(new RegExp(`/chats/${escapeRegExp(encodeURIComponent(first!.id))}$`));
  await expect(page.getByRole('heading', { level: 2, name: firstName })).toBeVisible();
  // Wide: the list stays beside the chat, its row selected.
  await expect(list).toBeVisible();
  await expect(rowOf(page, first!.id)).toHaveAttribute('aria-selected', 'true');

  await list.focus();
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/chats/${escapeRegExp(encodeURIComponent(second!.id))}$`));
  const secondName = (await rowOf(page, second!.id).getAttribute('aria-label'))!.split(', ')[0]!;
  await expect(page.getByRole('heading', { level: 2, name: secondName })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: secondName })).toBeVisible();
  await expect(messages(page)).toBeVisible();
  await expect(rowOf(page, second!.id)).toHaveAttribute('aria-selected', 'true');
});

test('a chat opens at once: its header within a frame of the click, placeholder messages until they arrive', async ({ page, request }) => {
  // Not the first row: the cursor rests there, and what it prefetches must not be what is measured.
  const target = (await firstChats(request, 6))[4]!;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === `/api/v1/chats/${target.id}/messages`,
    async (route) => {
      await gate;
      await route.continue();
    },
  );
  await openInbox(page);
  const row = rowOf(page, target.id);
  const name = (await row.getAttribute('aria-label'))!.split(', ')[0]!;
  // Counts the animation frames between the click and the chat's title in the DOM (0: before the first paint).
  await page.evaluate((title) => {
    const w = window as unknown as { headerFrames: Promise<number> };
    w.headerFrames = new Promise((resolve) => {
      document.addEventListener(
        'click',
        () => {
          let frames = 0;
          const shown = () => [...document.querySelectorAll('main h2')].some((h) => h.textContent === title);
          const tick = () => (shown() ? resolve(frames) : frames++ > 120 ? resolve(Infinity) : requestAnimationFrame(tick));
          requestAnimationFrame(tick);
        },
        { capture: true, once: true },
      );
    });
  }, name);
  await row.click();
  expect(await page.evaluate(() => (window as unknown as { headerFrames: Promise<number> }).headerFrames)).toBeLessThanOrEqual(1);
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  const skeleton = page.getByRole('status', { name: 'Loading messages' });
  await expect(skeleton).toBeVisible();
  await expect(messages(page)).toHaveCount(0);
  release();
  await expect(messages(page).locator('[data-message-id]').first()).toBeVisible();
  await expect(skeleton).toHaveCount(0);
});

test('on a phone the messages keep at least 60 % of the height; the badges and subject fold behind "Details"', async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const disconnected = await disconnectedAccountIds(request);
  const all = (await listAllChats(request)) as unknown as ApiChat[];
  // The fullest headers: a LinkedIn InMail with a subject and a folder; a disconnected account's chat (with its notice).
  const inmail = all.find((c) => c.subject && c.content_type && (c.folder ?? []).length > 0 && !disconnected.has(c.account_id));
  const cut = all.find((c) => c.subject && disconnected.has(c.account_id));
  for (const chat of [inmail, cut]) {
    expect(chat).toBeDefined();
    await page.goto(`/chats/${encodeURIComponent(chat!.id)}`);
    await expect(messages(page).locator('[data-message-id]').first()).toBeVisible();
    const height = await messages(page).evaluate((el) => el.getBoundingClientRect().height);
    expect(height / 844).toBeGreaterThanOrEqual(0.6);
    const details = page.getByRole('button', { name: /^Details/ });
    await expect(details).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByText(`Subject: ${chat!.subject}`)).toBeHidden();
    await details.click();
    await expect(pane(page).getByRole('list', { name: 'Chat state' }).getByText(`Subject: ${chat!.subject}`)).toBeVisible();
  }
});

test('below 1440 px the attendee panel starts closed, and its toggle is remembered across a reload', async ({ page, request }) => {
  const [chat] = await firstChats(request, 1);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/chats/${encodeURIComponent(chat!.id)}`);
  await expect(messages(page)).toBeVisible();
  const panel = page.getByRole('complementary', { name: /Attendees/ });
  const toggle = page.getByRole('button', { name: 'Attendees' });
  await expect(panel).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(panel).toBeVisible();
  await page.reload();
  await expect(messages(page)).toBeVisible();
  await expect(panel).toBeVisible();
  await page.getByRole('button', { name: 'Close attendees' }).click();
  await expect(panel).toBeHidden();
  await page.reload();
  await expect(messages(page)).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toBeHidden();
});

test('icon-only actions show their name and key in a visible tooltip, on keyboard focus and on hover', async ({ page, request }) => {
  const [chat] = await firstChats(request, 1);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/chats/${encodeURIComponent(chat!.id)}`);
  await expect(messages(page)).toBeVisible();
  const archive = page.getByRole('button', { name: 'Archive', exact: true });
  const archiveTip = page.getByRole('tooltip', { name: 'Archive (e)' });
  await expect(archiveTip).toBeHidden();
  await page.getByRole('button', { name: 'Mute', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(archive).toBeFocused();
  await expect(archiveTip).toBeVisible();
  // Its name stays the action's; the tooltip describes it.
  await expect(archive).toHaveAccessibleName('Archive');
  await expect(archive).toHaveAccessibleDescription('Archive (e)');
  await page.getByRole('button', { name: 'Pin', exact: true }).hover();
  await expect(page.getByRole('tooltip', { name: 'Pin (p)' })).toBeVisible();
  await page.getByRole('button', { name: 'Attendees' }).hover();
  await expect(page.getByRole('tooltip', { name: 'Show attendees' })).toBeVisible();
});

test('opening chats logs no console error: a picture is asked for only when the data says it exists', async ({ page, request }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const requested: string[] = [];
  let inFlight = 0;
  const isPicture = (r: Request) => new URL(r.url()).pathname.endsWith('/picture');
  page.on('request', (r) => {
    if (!isPicture(r)) return;
    requested.push(new URL(r.url()).pathname);
    inFlight += 1;
  });
  const settled = (r: Request) => {
    if (isPicture(r)) inFlight -= 1;
  };
  page.on('requestfinished', settled);
  page.on('requestfailed', settled);

  // A phone: the chat replaces the list, so every picture on screen is the pane's (the rows' are the list's concern).
  await page.setViewportSize({ width: 390, height: 844 });
  const existing = new Set<string>();
  for (const chat of await firstChats(request, 6)) {
    const body = (await (await request.get(`/api/v1/chats/${encodeURIComponent(chat.id)}/attendees`)).json()) as { items: { id: string; picture_url?: string }[] };
    const pictured = body.items.filter((a) => a.picture_url).map((a) => `/api/v1/chat_attendees/${encodeURIComponent(a.id)}/picture`);
    for (const path of pictured) existing.add(path);
    await page.goto(`/chats/${encodeURIComponent(chat.id)}`);
    await expect(messages(page).locator('[data-message-id]').first()).toBeVisible();
    await page.getByRole('button', { name: 'Attendees' }).click();
    const panel = page.getByRole('complementary', { name: /Attendees/ });
    await expect(panel.getByRole('listitem').first()).toBeVisible();
    // Pictures are asked for a moment after an avatar shows: once one is drawn, this chat's requests have gone out.
    if (pictured.length > 0) await expect(panel.locator('img').first()).toBeVisible();
    await expect.poll(() => inFlight).toBe(0);
  }
  expect(requested.length).toBeGreaterThan(0);
  expect(requested.filter((path) => !existing.has(path))).toEqual([]);
  expect(errors).toEqual([]);
});

test('on a phone the chat replaces the list, and "Back to chats" returns to it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openInbox(page, '/?unread=false');
  await chatList(page).getByRole('option').first().click();
  await expect(page).toHaveURL(/\/chats\/[^?]+\?unread=false$/);
  await expect(chatList(page)).toBeHidden();
  await expect(messages(page)).toBeVisible();
  await page.getByRole('link', { name: 'Back to chats' }).click();
  await expect(page).toHaveURL(/\/\?unread=false$/);
  await expect(chatList(page)).toBeVisible();
});

test('opening an unread chat marks it read, unless "Mark as read when opened" is off', async ({ page, request }) => {
  const [first, second] = [await claim(request, (c) => c.unread_count > 0, 20), await claim(request, (c) => c.unread_count > 0, 20)];
  await openFromList(page, first.id);
  await expect.poll(async () => (await getChat(request, first.id)).unread_count).toBe(0);
  await expect(rowOf(page, first.id)).toHaveAccessibleName(/, read,/);
  await expect(pane(page).getByRole('list', { name: 'Chat state' }).getByText('Read', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings', exact: true });
  await settings.getByRole('checkbox', { name: 'Mark as read when opened' }).uncheck();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  const row = await showRow(page, second.id);
  const writes = recordWrites(page);
  // The pane refetches the chat as it opens; the mark-as-read it would send starts before that answer arrives.
  const detail = page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === `/api/v1/chats/${encodeURIComponent(second.id)}`);
  await row.click();
  await detail;
  await expect(messages(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as read' })).toBeVisible();
  expect(writes).toEqual([]);
  expect((await getChat(request, second.id)).unread_count).toBe(second.unread_count);
});

test('messages start at the newest, and older pages load on scroll up without moving the view', async ({ page, request }) => {
  // A chat with more than one page of messages, whose newest one is plain text.
  let target: { chat: ApiChat; newest: ApiMessage } | null = null;
  for (const chat of await firstChats(request, 40)) {
    const page1 = await newestMessages(request, chat.id);
    const newest = page1.items[0];
    if (page1.cursor && newest?.text && !newest.is_event && !newest.text.includes('<')) {
      target = { chat, newest };
      break;
    }
  }
  expect(target).not.toBeNull();
  // Older pages wait for the gate, so the view can be measured while one is on its way.
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === `/api/v1/chats/${target!.chat.id}/messages` && url.searchParams.has('cursor'),
    async (route) => {
      await gate;
      await route.continue();
    },
  );
  await page.goto(`/chats/${encodeURIComponent(target!.chat.id)}`);
  const region = messages(page);
  await expect(region.locator(`[data-message-id="${target!.newest.id}"]`)).toBeVisible();
  await expect
    .poll(() => region.evaluate((el) => Math.round(el.scrollHeight - el.scrollTop - el.clientHeight)))
    .toBeLessThanOrEqual(2);

  await region.evaluate(async (el) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)));
    for (let i = 0; i < 80 && el.scrollTop > 0; i += 1) {
      el.scrollTop = Math.max(0, el.scrollTop - el.clientHeight * 0.8);
      await frame();
    }
  });
  await expect(page.getByText('Loading older messages…')).toBeVisible();
  const probe = await region.evaluate((el) => {
    const top = el.getBoundingClientRect().top;
    const row = [...el.querySelectorAll<HTMLElement>('[data-message-id]')].find((r) => r.getBoundingClientRect().bottom > top + 20)!;
    return { id: row.dataset.messageId!, offset: row.getBoundingClientRect().top - top, height: el.scrollHeight };
  });
  release();
  await expect(page.getByText('Loading older messages…')).toBeHidden();
  await expect.poll(() => region.evaluate((el) => el.scrollHeight)).toBeGreaterThan(probe.height);
  const after = await region.evaluate((el, id) => {
    const row = el.querySelector<HTMLElement>(`[data-message-id="${id}"]`);
    return row ? { offset: row.getBoundingClientRect().top - el.getBoundingClientRect().top, scrollTop: el.scrollTop } : null;
  }, probe.id);
  expect(after).not.toBeNull();
  // Older messages were prepended above, and the message that was on top stayed where it was.
  expect(after!.scrollTop).toBeGreaterThan(0);
  expect(Math.abs(after!.offset - probe.offset)).toBeLessThanOrEqual(4);
});

test('attendees list pictures, names and profile links that open safely', async ({ page, request }) => {
  const chat = (await firstChats(request, 40)).find((c) => c.account_type === 'LINKEDIN' && c.type === 1) ?? (await firstChats(request, 10))[0]!;
  const response = await request.get(`/api/v1/chats/${encodeURIComponent(chat.id)}/attendees`);
  const attendees = ((await response.json()) as { items: { name: string; profile_url?: string; is_self: number }[] }).items;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/chats/${encodeURIComponent(chat.id)}`);
  const panel = page.getByRole('complementary', { name: /Attendees/ });
  await expect(panel).toBeVisible();
  for (const a of attendees) await expect(panel.getByText(a.name, { exact: true })).toBeVisible();
  const links = panel.getByRole('link', { name: /^Profile of / });
  await expect(links).toHaveCount(attendees.filter((a) => a.profile_url).length);
  for (const link of await links.all()) {
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('href', /^https?:\/\//);
  }
  // It folds away.
  await page.getByRole('button', { name: 'Close attendees' }).click();
  await expect(panel).toBeHidden();
  await page.getByRole('button', { name: 'Attendees' }).click();
  await expect(panel).toBeVisible();
});

test('read, mute, archive and pin change the simulator and the list row, and their names flip', async ({ page, request }) => {
  const chat = await claim(request, (c) => c.unread_count === 0 && !flag(c.pinned) && c.muted_until === null);
  await openFromList(page, chat.id);
  const id = chat.id;

  await page.getByRole('button', { name: 'Pin', exact: true }).click();
  await expect.poll(async () => flag((await getChat(request, id)).pinned)).toBe(true);
  await expect(rowOf(page, id)).toHaveAccessibleName(/, pinned,/);
  await page.getByRole('button', { name: 'Unpin' }).click();
  await expect.poll(async () => flag((await getChat(request, id)).pinned)).toBe(false);
  await expect(rowOf(page, id)).not.toHaveAccessibleName(/, pinned,/);

  await page.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect.poll(async () => (await getChat(request, id)).muted_until).toBe(-1);
  await expect(rowOf(page, id)).toHaveAccessibleName(/, muted,/);
  await page.getByRole('button', { name: 'Unmute' }).click();
  await expect.poll(async () => (await getChat(request, id)).muted_until).toBeNull();
  await expect(rowOf(page, id)).not.toHaveAccessibleName(/, muted/);

  await page.getByRole('button', { name: 'Mark as unread' }).click();
  await expect.poll(async () => (await getChat(request, id)).unread_count).toBe(1);
  await expect(rowOf(page, id)).toHaveAccessibleName(/, 1 unread,/);
  await page.getByRole('button', { name: 'Mark as read' }).click();
  await expect.poll(async () => (await getChat(request, id)).unread_count).toBe(0);
  await expect(rowOf(page, id)).toHaveAccessibleName(/, read,/);

  // Archiving takes the chat out of the inbox: the next chat opens in its place, and Undo brings it back, open.
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect.poll(async () => flag((await getChat(request, id)).archived)).toBe(true);
  await expect(page).not.toHaveURL(new RegExp(`/chats/${escapeRegExp(encodeURIComponent(id))}$`));
  await expect(rowOf(page, id)).toHaveCount(0);
  await page.getByRole('status').filter({ hasText: /^Archived “/ }).getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => flag((await getChat(request, id)).archived)).toBe(false);
  await expect(page).toHaveURL(new RegExp(`/chats/${escapeRegExp(encodeURIComponent(id))}$`));
  await expect(page.getByRole('button', { name: 'Archive', exact: true })).toBeVisible();
  await expect(rowOf(page, id)).toBeVisible();
  await expect(rowOf(page, id)).not.toHaveAccessibleName(/, archived/);

  // In the archive the chat stays in view: Unarchive does not move on.
  await page.goto(`/chats/${encodeURIComponent(id)}?view=all`);
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect.poll(async () => flag((await getChat(request, id)).archived)).toBe(true);
  await expect(pane(page).getByRole('list', { name: 'Chat state' }).getByText('Archived', { exact: true })).toBeVisible();
  await expect(rowOf(page, id)).toHaveAccessibleName(/, archived,/);
  await page.getByRole('button', { name: 'Unarchive' }).click();
  await expect.poll(async () => flag((await getChat(request, id)).archived)).toBe(false);
  await expect(rowOf(page, id)).not.toHaveAccessibleName(/, archived/);
});

test('Undo reverses archive, mute and pin', async ({ page, request }) => {
  const chat = await claim(request, (c) => !flag(c.pinned) && c.muted_until === null);
  await openFromList(page, chat.id);
  const id = chat.id;
  const undo = async (title: RegExp) => {
    const toast = page.getByRole('status').filter({ hasText: title });
    await expect(toast).toBeVisible();
    await toast.getByRole('button', { name: 'Undo' }).click();
  };

  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  await undo(/^Archived “/);
  await expect(page.getByRole('button', { name: 'Archive', exact: true })).toBeVisible();
  await expect.poll(async () => flag((await getChat(request, id)).archived)).toBe(false);

  await page.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect.poll(async () => (await getChat(request, id)).muted_until).toBe(-1);
  await undo(/^Muted “/);
  await expect.poll(async () => (await getChat(request, id)).muted_until).toBeNull();
  await expect(page.getByRole('button', { name: 'Mute', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Pin', exact: true }).click();
  await undo(/^Pinned “/);
  await expect.poll(async () => flag((await getChat(request, id)).pinned)).toBe(false);
  await expect(rowOf(page, id)).not.toHaveAccessibleName(/, pinned,/);
});

test('actions on a disconnected account are disabled with the reason, and a refused one rolls back with its message', async ({ page, request }) => {
  const disconnected = await disconnectedAccountIds(request);
  const chat = (await listAllChats(request)).find((c) => disconnected.has((c as unknown as ApiChat).account_id) && !flag(c.pinned)) as unknown as ApiChat;
  expect(chat).toBeDefined();

  await page.goto(`/chats/${encodeURIComponent(chat.id)}`);
  const reason = /^The LinkedIn account “.+” is disconnected: reconnect it in your Unipile dashboard to act on this chat\.$/;
  for (const name of ['Pin', 'Mute', 'Archive']) {
    const button = page.getByRole('button', { name, exact: true });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(reason);
  }
  // Said once, in the header beside the actions: the reply box is described by it instead of repeating it.
  await expect(page.getByText(reason)).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: 'Reply' })).toBeDisabled();
  await expect(page.getByRole('textbox', { name: 'Reply' })).toHaveAccessibleDescription(reason);
  // The simulator has no dashboard to send anyone to: the words say what to do, no link.
  await expect(page.getByRole('link', { name: /Reconnect/ })).toHaveCount(0);

  // Behind Unipile, the hint is a link to its dashboard, opening in a new tab without a referrer.
  await page.route((url) => url.pathname === '/api/config', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { backend: { kind: string }; backends: { kind: string; simulated: boolean }[] };
    body.backend.kind = 'unipile';
    body.backends = body.backends.map((b) => ({ ...b, simulated: false }));
    await route.fulfill({ response, json: body });
  });
  await page.reload();
  const reconnect = page.getByRole('link', { name: /^Reconnect in Unipile/ });
  await expect(reconnect).toHaveAttribute('href', 'https://dashboard.unipile.com');
  await expect(reconnect).toHaveAttribute('target', '_blank');
  await expect(reconnect).toHaveAttribute('rel', 'noreferrer');
  await expect(page.getByRole('button', { name: 'Pin', exact: true })).toHaveAccessibleDescription(reason);
  // The notice and its link on the warning tint keep their contrast.
  const notice = await new AxeBuilder({ page }).include('section[aria-labelledby="chat-pane-title"] header').analyze();
  expect(notice.passes.map((rule) => rule.id)).toContain('color-contrast');
  expect(notice.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // If the app did not know (accounts say OK), the API refuses: the change is rolled back and the reason shown.
  await page.route((url) => url.pathname === '/api/v1/accounts', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { items: { sources: { status: string }[] }[] };
    for (const account of body.items) for (const source of account.sources) source.status = 'OK';
    await route.fulfill({ response, json: body });
  });
  await page.reload();
  const enabledPin = page.getByRole('button', { name: 'Pin', exact: true });
  await expect(enabledPin).toBeEnabled();
  await enabledPin.click();
  const alert = page.getByRole('alert').filter({ hasText: 'Account disconnected' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('was not pinned');
  await expect(alert).toContainText('disconnected from LinkedIn');
  await expect(page.getByRole('button', { name: 'Pin', exact: true })).toBeVisible();
  await expect(pane(page).getByRole('list', { name: 'Chat state' }).getByText('Pinned', { exact: true })).toHaveCount(0);
  expect(flag((await getChat(request, chat.id)).pinned)).toBe(false);
});

/** A chat of a connected account with `read_only` at `level`, in the inbox, neither pinned nor muted, not used by another test. */
async function claimReadOnly(request: APIRequestContext, level: 1 | 2, accept: (chat: ApiChat) => boolean = () => true): Promise<ApiChat> {
  const disconnected = await disconnectedAccountIds(request);
  const chat = ((await listAllChats(request)) as unknown as ApiChat[]).find(
    (c) => !claimed.has(c.id) && c.read_only === level && !disconnected.has(c.account_id) && !flag(c.archived) && !flag(c.pinned) && c.muted_until === null && accept(c),
  );
  if (!chat) throw new Error(`no chat with read_only ${level} to try`);
  claimed.add(chat.id);
  return chat;
}

test('read-only and locked chats can be read, muted, archived and pinned; only the reply is disabled, said once', async ({ page, request }) => {
  const cases = [
    { chat: await claimReadOnly(request, 1, (c) => c.unread_count > 0), reason: 'This chat is read-only: replies cannot be sent to it.' },
    { chat: await claimReadOnly(request, 2), reason: /^This chat is locked by .+: replies cannot be sent to it\.$/ },
  ];
  for (const { chat, reason } of cases) {
    const id = chat.id;
    await page.goto(`/chats/${encodeURIComponent(id)}`);
    await expect(messages(page)).toBeVisible();
    const reply = page.getByRole('textbox', { name: 'Reply' });
    await expect(reply).toBeDisabled();
    await expect(reply).toHaveAccessibleDescription(reason);
    await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
    await expect(page.getByText(reason)).toHaveCount(1);
    await expect(page.getByText(/cannot be changed from here/)).toHaveCount(0);
    // Opening it marks it read, as for any chat: the API accepts that on a read-only chat.
    await expect.poll(async () => (await getChat(request, id)).unread_count).toBe(0);

    const toggles: [string, string, () => Promise<unknown>, unknown, unknown][] = [
      ['Mark as unread', 'Mark as read', async () => (await getChat(request, id)).unread_count, 1, 0],
      ['Mute', 'Unmute', async () => (await getChat(request, id)).muted_until, -1, null],
      ['Pin', 'Unpin', async () => flag((await getChat(request, id)).pinned), true, false],
      ['Archive', 'Unarchive', async () => flag((await getChat(request, id)).archived), true, false],
    ];
    for (const [on, off, read, changed, restored] of toggles) {
      const button = page.getByRole('button', { name: on, exact: true });
      await expect(button).toBeEnabled();
      // Described by its shortcut only (its title), not by a reason it is unavailable.
      await expect(button).not.toHaveAccessibleDescription(/read-only|locked|cannot/);
      await button.click();
      await expect.poll(read).toBe(changed);
      // Archiving moves on to the next chat; z brings this one back.
      if (on === 'Archive') await page.keyboard.press('z');
      else await page.getByRole('button', { name: off, exact: true }).click();
      await expect.poll(read).toBe(restored);
    }
  }
});

test('a reply shows at once as "Sending…", then the chat moves to the top of the list', async ({ page, request }) => {
  const chat = await claim(request, (c) => !(c.disabledFeatures ?? []).includes('reply'), 12);
  // Hold the answer a moment, so the optimistic state can be seen.
  await page.route((url) => url.pathname === `/api/v1/chats/${chat.id}/messages`, async (route) => {
    if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
  await openFromList(page, chat.id);
  const text = `Reply from e2e ${Date.now()} <b>not bold</b>`;
  const box = page.getByRole('textbox', { name: 'Reply' });
  await box.fill(text);
  await box.press('Enter');
  await expect(box).toHaveValue('');
  const sent = messages(page).getByText(text, { exact: true });
  await expect(sent).toBeVisible();
  await expect(messages(page).getByText('Sending…')).toBeVisible();
  await expect(messages(page).getByText('Sending…')).toBeHidden();
  await expect(sent).toBeVisible();
  await expect.poll(async () => (await newestMessages(request, chat.id, 1)).items[0]?.text).toBe(text);
  await expect(chatList(page).getByRole('option').first()).toHaveAttribute('data-chat-id', chat.id);
  expect((await firstChats(request, 1))[0]!.id).toBe(chat.id);

  // Shift+Enter is a new line, not a send.
  await box.fill('line one');
  await box.press('Shift+Enter');
  await box.pressSequentially('line two');
  await expect(box).toHaveValue('line one\nline two');
});

test('a failed reply keeps the text in the box and says why in plain words', async ({ page, request }) => {
  const chat = await claim(request, (c) => !(c.disabledFeatures ?? []).includes('reply'), 12);
  await page.route((url) => url.pathname === `/api/v1/chats/${chat.id}/messages`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    await route.fulfill({
      status: 403,
      json: { status: 403, type: 'errors/insufficient_permissions', title: 'Forbidden', detail: 'Not allowed.' },
    });
  });
  await openFromList(page, chat.id);
  const box = page.getByRole('textbox', { name: 'Reply' });
  await box.fill('This one will not go through');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not sent: Not allowed' })).toBeVisible();
  await expect(box).toHaveValue('This one will not go through');
  await expect(messages(page).getByText('This one will not go through')).toHaveCount(0);
});

test('markup and script in chat names and messages show as text and never run', async ({ page, request }) => {
  const all = await listAllChats(request);
  const hostile = all.find((c) => c.name === '<img src=x onerror=alert(1)>' && (c as unknown as ApiChat).account_type === 'LINKEDIN') ?? all.find((c) => c.name === '<img src=x onerror=alert(1)>');
  expect(hostile).toBeDefined();
  await page.goto(`/chats/${encodeURIComponent(hostile!.id)}`);
  await expect(page.getByRole('heading', { level: 2, name: '<img src=x onerror=alert(1)>' })).toBeVisible();
  await expect(messages(page)).toBeVisible();

  // A chat whose newest page holds a script tag as text: scroll up to it.
  let withScript: string | null = null;
  const candidates = [...all.filter((x) => x.name?.startsWith('<')), ...all.slice(0, 150)];
  for (const c of candidates) {
    if ((await newestMessages(request, c.id)).items.some((x) => x.text === '<script>alert(1)</script>')) {
      withScript = c.id;
      break;
    }
  }
  expect(withScript).not.toBeNull();
  await page.goto(`/chats/${encodeURIComponent(withScript!)}`);
  const region = messages(page);
  await expect(region.locator('[data-message-id]').first()).toBeVisible();
  const literal = region.getByText('<script>alert(1)</script>', { exact: true }).first();
  // Scroll up until it is rendered: older pages load as the top nears.
  await expect(async () => {
    if ((await literal.count()) > 0) return;
    await region.evaluate((el) => (el.scrollTop = Math.max(0, el.scrollTop - el.clientHeight * 0.7)));
    await expect(literal).not.toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 30_000 });
  await literal.scrollIntoViewIfNeeded();
  await expect(literal).toBeVisible();
  const injected = await page.evaluate(() => ({
    scripts: document.querySelectorAll('main script').length,
    images: document.querySelectorAll('main img[src="x"]').length,
    svgs: document.querySelectorAll('main svg[onload]').length,
    iframes: document.querySelectorAll('main iframe').length,
    jsLinks: [...document.querySelectorAll('main a[href]')].filter((a) => a.getAttribute('href')!.trim().toLowerCase().startsWith('javascript:')).length,
  }));
  expect(injected).toEqual({ scripts: 0, images: 0, svgs: 0, iframes: 0, jsLinks: 0 });
});

test('LinkedIn HTML keeps only simple formatting, and links open safely in a new tab', async ({ page, request }) => {
  const linkedin = (await listAllChats(request)).find((c) => (c as unknown as ApiChat).account_type === 'LINKEDIN')!;
  const html =
    '<p>Hello <strong>bold</strong> and <em>em</em></p><ul><li>one</li></ul><ol><li>two</li></ol>' +
    '<a href="https://example.com/jobs" onclick="alert(1)">good link</a> <a href="javascript:alert(2)">bad link</a>' +
    '<img src=x onerror=alert(3)><script>alert(4)</script><iframe src="https://example.com"></iframe><p onmouseover="alert(5)" style="color:red">styled</p>';
  await page.route((url) => url.pathname === `/api/v1/chats/${linkedin.id}/messages`, (route) =>
    route.fulfill({
      json: {
        object: 'MessageList',
        cursor: null,
        items: [
          { object: 'Message', id: 'm-html', sender_id: 'x', text: html, timestamp: new Date().toISOString(), is_sender: 0, attachments: [], reactions: [], is_event: 0, deleted: 0, edited: 0 },
        ],
      },
    }),
  );
  await page.goto(`/chats/${encodeURIComponent(linkedin.id)}`);
  const body = messages(page).locator('[data-message-id="m-html"]');
  await expect(body.getByText('good link')).toBeVisible();
  await expect(body.locator('strong')).toHaveText('bold');
  await expect(body.locator('em')).toHaveText('em');
  await expect(body.locator('ul > li')).toHaveText('one');
  await expect(body.locator('ol > li')).toHaveText('two');
  const good = body.getByRole('link', { name: 'good link' });
  await expect(good).toHaveAttribute('href', 'https://example.com/jobs');
  await expect(good).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(good).toHaveAttribute('target', '_blank');
  expect(await good.getAttribute('onclick')).toBeNull();
  expect(await body.getByText('bad link').getAttribute('href')).toBeNull();
  await expect(body.locator('img[src="x"], script, iframe, [onmouseover], [onclick]')).toHaveCount(0);
  const styled = body.getByText('styled', { exact: true });
  expect(await styled.getAttribute('style')).toBeNull();
  // Hovering the element that carried onmouseover runs nothing (a dialog would fail the test).
  await styled.hover();
});

test('keyboard: e, u, p, m, z act on the open chat and on the cursor row, r replies, Esc closes, ? lists every shortcut', async ({ page, request }) => {
  const chat = await claim(request, (c) => c.unread_count === 0 && !flag(c.pinned) && c.muted_until === null);
  const id = chat.id;
  await openFromList(page, id);
  await messages(page).focus();

  await page.keyboard.press('p');
  await expect.poll(async () => flag((await getChat(request, id)).pinned)).toBe(true);
  await expect(page.getByRole('button', { name: 'Unpin' })).toBeVisible();
  await page.keyboard.press('p');
  await expect.poll(async () => flag((await getChat(request, id)).pinned)).toBe(false);

  await page.keyboard.press('m');
  await expect.poll(async () => (await getChat(request, id)).muted_until).toBe(-1);
  await page.keyboard.press('m');
  await expect.poll(async () => (await getChat(request, id)).muted_until).toBeNull();

  await page.keyboard.press('u');
  await expect.poll(async () => (await getChat(request, id)).unread_count).toBe(1);
  await page.keyboard.press('u');
  await expect.poll(async () => (await getChat(request, id)).unread_count).toBe(0);

  // e archives and the next chat opens by itself; z brings this one back, open.
  await page.keyboard.press('e');
  await expect.poll(async () => flag((await getChat(request, id)).archived)).toBe(true);
  await expect(page).not.toHaveURL(new RegExp(`/chats/${escapeRegExp(encodeURIComponent(id))}$`));
  await page.keyboard.press('z');
  await expect.poll(async () => flag((await getChat(request, id)).archived)).toBe(false);
  await expect(page).toHaveURL(new RegExp(`/chats/${escapeRegExp(encodeURIComponent(id))}$`));
  await messages(page).focus();

  // Modified keys are the browser's: of these three presses, only the plain "m" sends a write. Keys are handled in
  // order, and the page reports its requests in order: once the mute's has been seen, any write of the other two
  // would have been seen before it.
  const writes = recordWrites(page);
  const mute = page.waitForRequest((r) => r.method() === 'PATCH' && (r.postDataJSON() as { action?: string } | null)?.action === 'setMuteStatus');
  await page.keyboard.press('Alt+e');
  await page.keyboard.press('Alt+p');
  await page.keyboard.press('m');
  await mute;
  expect(writes.map((write) => write.action)).toEqual(['setMuteStatus']);
  await expect.poll(async () => (await getChat(request, id)).muted_until).toBe(-1);
  const untouched = await getChat(request, id);
  expect([flag(untouched.archived), flag(untouched.pinned)]).toEqual([false, false]);
  await page.keyboard.press('m');
  await expect.poll(async () => (await getChat(request, id)).muted_until).toBeNull();

  await page.keyboard.press('r');
  const box = page.getByRole('textbox', { name: 'Reply' });
  await expect(box).toBeFocused();
  // Typing is not a shortcut: "e" and "p" stay text.
  await page.keyboard.type('pep');
  await expect(box).toHaveValue('pep');
  expect(flag((await getChat(request, id)).pinned)).toBe(false);
  await box.fill('');

  // Esc leaves the box, a second Esc closes the chat and puts focus back on the list's selected row.
  await page.keyboard.press('Escape');
  await expect(box).not.toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/$/);
  await expect(chatList(page)).toBeFocused();
  await expect(rowOf(page, id)).toHaveAttribute('aria-selected', 'true');

  // No chat open: the keys act on the selected row.
  await page.keyboard.press('p');
  await expect.poll(async () => flag((await getChat(request, id)).pinned)).toBe(true);
  await expect(rowOf(page, id)).toHaveAccessibleName(/, pinned,/);
  await page.keyboard.press('p');
  await expect.poll(async () => flag((await getChat(request, id)).pinned)).toBe(false);

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const label of ['Next chat', 'Previous chat', 'Open chat', 'Archive or unarchive', 'Mark as read or unread', 'Pin or unpin', 'Mute or unmute', 'Write a reply', 'Clear the selection, or close the chat', 'Undo the last action', 'Select or unselect the chat', 'Extend the selection down', 'Select every loaded chat', 'Command palette', 'Show keyboard shortcuts', 'Open settings', 'Search chats']) {
    await expect(help.getByText(label, { exact: true })).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on the chat view (${colorScheme})`, async ({ page, request }) => {
    await page.emulateMedia({ colorScheme });
    const [chat] = await firstChats(request, 3);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/chats/${encodeURIComponent(chat!.id)}`);
    await expect(messages(page).locator('[data-message-id]').first()).toBeVisible();
    await expect(page.getByRole('complementary', { name: /Attendees/ })).toBeVisible();
    // Colours measured mid-fade (a row dimmed while the list switched, transition-colors) can fall short of contrast.
    await expect.poll(() => page.evaluate(() => document.getAnimations().filter((a) => a instanceof CSSTransition).length)).toBe(0);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}
