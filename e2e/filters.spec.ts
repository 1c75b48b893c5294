import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { chatList, openInbox } from './helpers';

/*
 * Filters against the simulator (2,500 chats, seed 7). The oracle is the API itself: every comparison lists ALL chats
 * (no filter) right before comparing, filters them here with a predicate written from the API contract (not from the
 * app's code), and compares the set with every row the app shows when its list is scrolled to the end.
 */

test.use({ timezoneId: 'UTC', viewport: { width: 1280, height: 1200 } });

interface ApiChat {
  id: string;
  name: string | null;
  account_id: string;
  account_type: string;
  unread_count: number;
  archived: number | boolean;
  pinned?: number | boolean;
  muted_until: number | string | null;
  folder?: string[];
  timestamp: string | null;
}

interface Want {
  provider?: string;
  unread?: boolean;
  folder?: string;
  view?: 'inbox' | 'archived' | 'all';
  pinned?: boolean;
  muted?: boolean;
  q?: string;
  after?: string;
  before?: string;
}

const flag = (value: number | boolean | undefined) => value === true || value === 1;
/** Case- and accent-insensitive: decompose, drop the combining diacritical marks, lower-case. */
const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function wanted(chat: ApiChat, want: Want, now: number): boolean {
  if (want.provider !== undefined && chat.account_type !== want.provider) return false;
  if (want.unread !== undefined && chat.unread_count > 0 !== want.unread) return false;
  if (want.folder !== undefined && !(chat.folder ?? []).includes(want.folder)) return false;
  const view = want.view ?? 'inbox';
  if (view === 'inbox' && flag(chat.archived)) return false;
  if (view === 'archived' && !flag(chat.archived)) return false;
  if (want.pinned !== undefined && flag(chat.pinned) !== want.pinned) return false;
  if (want.muted !== undefined) {
    const m = chat.muted_until;
    const muted = m === -1 || (typeof m === 'string' && Date.parse(m) > now);
    if (muted !== want.muted) return false;
  }
  if (want.q !== undefined && (chat.name === null || !fold(chat.name).includes(fold(want.q)))) return false;
  if (want.after !== undefined || want.before !== undefined) {
    const at = chat.timestamp === null ? Number.NaN : Date.parse(chat.timestamp);
    if (Number.isNaN(at)) return false;
    if (want.after !== undefined && !(at > Date.parse(want.after))) return false;
    if (want.before !== undefined && !(at < Date.parse(want.before))) return false;
  }
  return true;
}

async function listAllChats(request: APIRequestContext): Promise<ApiChat[]> {
  const chats: ApiChat[] = [];
  let cursor: string | null = null;
  do {
    const response = await request.get(`/api/v1/chats?limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as { items: ApiChat[]; cursor: string | null };
    chats.push(...body.items);
    cursor = body.cursor;
  } while (cursor);
  return chats;
}

async function expected(request: APIRequestContext, want: Want): Promise<string[]> {
  const now = Date.now();
  return (await listAllChats(request)).filter((chat) => wanted(chat, want, now)).map((chat) => chat.id);
}

/**
 * Every chat id the list shows, scrolling it to the end: waits for the new list (no dimmed rows of the previous
 * filters), then scrolls until the footer says everything is loaded, or the empty state says there is nothing.
 */
async function shownChatIds(page: Page): Promise<string[]> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const result = await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const ids = new Set<string>();
    const started = performance.now();
    for (;;) {
      if (performance.now() - started > 100_000) throw new Error(`stuck after ${ids.size} chats`);
      const listbox = document.querySelector<HTMLElement>('[role="listbox"][aria-label="Chats"]');
      if (!listbox) {
        if (document.body.innerText.includes('No chats match these filters')) return { ids: [], footer: 0 };
        await frame();
        continue;
      }
      if (listbox.getAttribute('aria-busy') === 'true') {
        await frame();
        continue;
      }
      let scroller: HTMLElement | null = listbox.parentElement;
      while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
      if (!scroller) throw new Error('no scroller');
      for (const option of listbox.querySelectorAll<HTMLElement>('[role="option"]')) ids.add(option.dataset.chatId ?? '');
      const atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      const end = /All ([\d,]+) chats? loaded/.exec(scroller.innerText);
      if (atBottom && end) return { ids: [...ids], footer: Number(end[1]!.replace(/,/g, '')) };
      // Less than a screen, so every row is rendered at some step (the list renders a few rows beyond the edges too).
      scroller.scrollTop += scroller.clientHeight * 0.9;
      await frame();
    }
  });
  expect(result.ids.length, 'the footer counts what was seen').toBe(result.footer);
  return result.ids;
}

/** The list shows exactly the chats the API data says, no more, no fewer. Returns how many. */
async function expectShown(page: Page, request: APIRequestContext, want: Want, { allowEmpty = false } = {}): Promise<number> {
  const shown = await shownChatIds(page);
  const oracle = await expected(request, want);
  if (!allowEmpty) expect(oracle.length, 'the oracle is not empty (the check would be vacuous)').toBeGreaterThan(0);
  expect([...shown].sort()).toEqual([...oracle].sort());
  return shown.length;
}

/** A UTC day (`YYYY-MM-DD`) some days ago: the simulator's chats are dated relative to its start, not to a fixed date. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const midnight = (day: string) => `${day}T00:00:00.000Z`;

/** A filter's select, also while it is out of sight (in the closed popover). */
const select = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true, includeHidden: true });
const dateField = (page: Page, label: 'Since' | 'Before') => page.getByLabel(label, { exact: true });
const moreButton = (page: Page) => page.getByRole('button', { name: /^More filters/ });
/** Opens the "More filters" popover (view, folder, pinned, muted, dates), where the rarer filters are. */
async function openMore(page: Page) {
  if ((await moreButton(page).getAttribute('aria-expanded')) !== 'true') await moreButton(page).click();
  await expect(moreButton(page)).toHaveAttribute('aria-expanded', 'true');
}
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search chats' });
/** The list's heading: that of the region that holds the filter bar (the open chat's pane has its own). */
const heading = (page: Page) => page.getByRole('region').filter({ has: searchBox(page) }).getByRole('heading', { level: 2 });

test('provider, from the filter bar and by link', async ({ page, request }) => {
  await openInbox(page);
  await select(page, 'Provider').selectOption('TWITTER');
  await expect(page).toHaveURL(/\/\?provider=TWITTER$/);
  // The closed control shows the provider's icon next to its name.
  await expect(page.getByTitle('Provider', { exact: true }).locator('svg.provider-icon')).toBeVisible();
  await expect(heading(page)).toHaveText('X (Twitter)');
  await expectShown(page, request, { provider: 'TWITTER' });
  await page.reload();
  await expect(select(page, 'Provider')).toHaveValue('TWITTER');
  await expectShown(page, request, { provider: 'TWITTER' });
});

test('read state: unread only, then read only', async ({ page, request }) => {
  test.setTimeout(150_000);
  await openInbox(page);
  await select(page, 'Read state').selectOption({ label: 'Unread' });
  await expect(page).toHaveURL(/\/\?unread=true$/);
  await expectShown(page, request, { unread: true });
  await select(page, 'Read state').selectOption({ label: 'Read' });
  await expect(page).toHaveURL(/\/\?unread=false$/);
  await expectShown(page, request, { unread: false });
  await page.goto('/?unread=true');
  await expectShown(page, request, { unread: true });
});

test('folder: a known LinkedIn folder and a custom one', async ({ page, request }) => {
  test.setTimeout(90_000);
  await openInbox(page);
  await openMore(page);
  await select(page, 'Folder').selectOption({ label: 'Recruiter' });
  await expect(page).toHaveURL(/\/\?folder=INBOX_LINKEDIN_RECRUITER$/);
  await expectShown(page, request, { folder: 'INBOX_LINKEDIN_RECRUITER' });
  await page.goto('/?folder=INBOX_LINKEDIN_SALES_NAVIGATOR');
  await expect(select(page, 'Folder')).toHaveValue('INBOX_LINKEDIN_SALES_NAVIGATOR');
  await expectShown(page, request, { folder: 'INBOX_LINKEDIN_SALES_NAVIGATOR' });

  // Custom folders are offered once seen on a loaded chat: show every chat until one is.
  await page.goto('/?view=all');
  await openMore(page);
  const known = ['', 'INBOX', 'INBOX_LINKEDIN_CLASSIC', 'INBOX_LINKEDIN_RECRUITER', 'INBOX_LINKEDIN_SALES_NAVIGATOR', 'INBOX_LINKEDIN_ORGANIZATION'];
  const customOption = async () => {
    const values = await select(page, 'Folder').getByRole('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    return values.find((value) => !known.includes(value)) ?? null;
  };
  let custom: string | null = null;
  for (let step = 0; step < 60 && custom === null; step += 1) {
    custom = await customOption();
    if (custom === null) await chatList(page).evaluate((el) => el.parentElement!.scrollBy(0, 900));
  }
  expect(custom, 'a custom folder is offered').not.toBeNull();
  await select(page, 'Folder').selectOption(custom!);
  await expect(page).toHaveURL(new RegExp(`folder=${encodeURIComponent(custom!).replace(/%20/g, '(\\+|%20)')}`));
  await expectShown(page, request, { folder: custom!, view: 'all' });
  await page.goto(`/?folder=${encodeURIComponent('Hiring 2026')}`);
  await expect(select(page, 'Folder')).toHaveValue('Hiring 2026');
  await expectShown(page, request, { folder: 'Hiring 2026' });
});

test('view: the inbox by default, the archive, or every chat', async ({ page, request }) => {
  test.setTimeout(180_000);
  await openInbox(page);
  await expect(select(page, 'View')).toHaveValue('');
  await expect(heading(page)).toHaveText('Inbox');
  await expectShown(page, request, { view: 'inbox' });
  await openMore(page);
  await select(page, 'View').selectOption({ label: 'Archived' });
  await expect(page).toHaveURL(/\/\?view=archived$/);
  await expectShown(page, request, { view: 'archived' });
  await page.reload();
  await expectShown(page, request, { view: 'archived' });
  await openMore(page);
  await select(page, 'View').selectOption({ label: 'All chats' });
  await expect(page).toHaveURL(/\/\?view=all$/);
  await expectShown(page, request, { view: 'all' });
  // "inbox" in a link is the default view, spelled out.
  await page.goto('/?view=inbox&provider=MESSENGER');
  await expectShown(page, request, { view: 'inbox', provider: 'MESSENGER' });
});

test('pinned and muted, and "not muted"', async ({ page, request }) => {
  test.setTimeout(90_000);
  await openInbox(page);
  await openMore(page);
  await select(page, 'Pinned').selectOption({ label: 'Pinned only' });
  await expect(page).toHaveURL(/\/\?pinned=true$/);
  await expect(moreButton(page)).toHaveAccessibleName('More filters, 1 active');
  await expectShown(page, request, { pinned: true });
  await select(page, 'Pinned').selectOption({ label: 'Any' });
  await expect(page).toHaveURL(/\/$/);

  await select(page, 'Muted').selectOption({ label: 'Muted only' });
  await expect(page).toHaveURL(/\/\?muted=true$/);
  await expectShown(page, request, { muted: true });
  await page.reload();
  await expect(select(page, 'Muted')).toHaveValue('true');
  await expectShown(page, request, { muted: true });

  await page.goto('/?muted=false&provider=TELEGRAM');
  await expect(select(page, 'Muted')).toHaveValue('false');
  await expectShown(page, request, { muted: false, provider: 'TELEGRAM' });
  // A link's "not muted" shows where it is set, counted on the button.
  await expect(moreButton(page)).toHaveAccessibleName('More filters, 1 active');
  await page.goto('/?pinned=true');
  await expectShown(page, request, { pinned: true });
});

test('name search ignores case and accents, from the box and by link', async ({ page, request }) => {
  await openInbox(page);
  await searchBox(page).fill('ZOË');
  await expect(page).toHaveURL(/\/\?q=ZO%C3%8B$/);
  const found = await expectShown(page, request, { q: 'zoe' });
  expect(found).toBeGreaterThan(3);
  // "Zoé" and "Zoë" both match "ZOË".
  const names = await chatList(page).getByRole('option').evaluateAll((options) => options.map((o) => o.getAttribute('aria-label')!.split(', ')[0]!));
  expect(names.some((name) => name.includes('Zoé'))).toBe(true);
  await page.goto('/?q=zoe');
  await expect(searchBox(page)).toHaveValue('zoe');
  await expectShown(page, request, { q: 'ZOË' });
});

test('last activity since / before a date, from the date fields and by link', async ({ page, request }) => {
  test.setTimeout(90_000);
  await openInbox(page);
  const [since, before] = [daysAgo(90), daysAgo(30)];
  await openMore(page);
  await dateField(page, 'Since').fill(since);
  await expect(page).toHaveURL(new RegExp(`/\\?after=${since}$`));
  await expectShown(page, request, { after: midnight(since) });
  await dateField(page, 'Before').fill(before);
  await expect(page).toHaveURL(new RegExp(`/\\?after=${since}&before=${before}$`));
  await expectShown(page, request, { after: midnight(since), before: midnight(before) });
  // A link may carry a full ISO time too (exclusive bounds, as the API has them).
  const instant = new Date(Date.now() - 400 * 86_400_000 + 12_345_678).toISOString();
  await page.goto(`/?before=${instant}&provider=WHATSAPP`);
  await expect(dateField(page, 'Before')).toHaveValue(instant.slice(0, 10));
  await expectShown(page, request, { before: instant, provider: 'WHATSAPP' });
  // Its own button removes a date.
  await openMore(page);
  await page.getByRole('button', { name: 'Remove filter: Before' }).click();
  await expect(page).toHaveURL(/\/\?provider=WHATSAPP$/);
});

test('a combination of filters by link', async ({ page, request }) => {
  const since = daysAgo(300);
  await page.goto(`/?provider=LINKEDIN&unread=true&folder=INBOX_LINKEDIN_CLASSIC&after=${since}&view=all`);
  await expect(heading(page)).toHaveText(/^All chats · LinkedIn · Unread · LinkedIn Classic · Since /);
  await expectShown(page, request, { provider: 'LINKEDIN', unread: true, folder: 'INBOX_LINKEDIN_CLASSIC', after: midnight(since), view: 'all' });
});

test('an invalid value in the link is dropped with a notice, never a crash', async ({ page, request }) => {
  await page.goto('/?provider=FAX&folder=INBOX_LINKEDIN_RECRUITER&unread=maybe');
  const notice = page.getByRole('status').filter({ hasText: 'Ignored invalid filters in the link: provider=FAX, unread=maybe' });
  await expect(notice).toBeVisible();
  await expect(select(page, 'Provider')).toHaveValue('');
  await expectShown(page, request, { folder: 'INBOX_LINKEDIN_RECRUITER' });
  await notice.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(notice).toHaveCount(0);

  await page.goto('/?provider=FAX');
  await expect(page.getByText('Ignored an invalid filter in the link: provider=FAX')).toBeVisible();
  await expect(chatList(page).getByRole('option').first()).toBeVisible();
});

test('Back and Forward step through filter changes; a search is one step', async ({ page, request }) => {
  await openInbox(page);
  await select(page, 'Provider').selectOption('WHATSAPP');
  await expect(page).toHaveURL(/\/\?provider=WHATSAPP$/);
  await select(page, 'Read state').selectOption({ label: 'Unread' });
  await expect(page).toHaveURL(/\/\?provider=WHATSAPP&unread=true$/);
  await searchBox(page).pressSequentially('a', { delay: 50 });
  await expect(page).toHaveURL(/q=a(&|$)/);
  await searchBox(page).pressSequentially('n', { delay: 50 });
  await expect(page).toHaveURL(/q=an(&|$)/);

  await page.goBack();
  await expect(page).toHaveURL(/\/\?provider=WHATSAPP&unread=true$/);
  await expect(searchBox(page)).toHaveValue('');
  await page.goBack();
  await expect(page).toHaveURL(/\/\?provider=WHATSAPP$/);
  await expect(select(page, 'Read state')).toHaveValue('');
  await expect(select(page, 'Provider')).toHaveValue('WHATSAPP');
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(select(page, 'Provider')).toHaveValue('');
  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL(/\/\?provider=WHATSAPP&unread=true$/);
  await expect(select(page, 'Read state')).toHaveValue('true');
  await expectShown(page, request, { provider: 'WHATSAPP', unread: true });
  await page.goForward();
  await expect(searchBox(page)).toHaveValue('an');
  await expectShown(page, request, { provider: 'WHATSAPP', unread: true, q: 'an' });
});

test('"/" puts the cursor in the search box, except while typing elsewhere', async ({ page }) => {
  const list = await openInbox(page);
  // The search box (and its "/" key) come with the filter bar's chunk, a moment after the rows: press "/" once it is
  // there, as a person who sees it would. (A "/" before that is lost: issue 12 makes the keyboard work from the start.)
  await expect(searchBox(page)).toBeVisible();
  await list.focus();
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('a/b');
  await expect(searchBox(page)).toHaveValue('a/b');
  await expect(searchBox(page)).toHaveAttribute('aria-keyshortcuts', '/');
});

test('each active filter shows once, as its highlighted control; Clear filters removes all', async ({ page }) => {
  await openInbox(page, '/?provider=WHATSAPP&unread=true&pinned=true&q=a');
  await expect(searchBox(page)).toHaveValue('a');
  await expect(select(page, 'Provider')).toHaveValue('WHATSAPP');
  await expect(select(page, 'Read state')).toHaveValue('true');
  // No chip repeats them; the rarer ones are counted on their button.
  await expect(page.getByRole('button', { name: /^Remove filter: / })).toHaveCount(0);
  await expect(moreButton(page)).toHaveAccessibleName('More filters, 1 active');
  await select(page, 'Provider').selectOption({ label: 'All providers' });
  await expect(page).toHaveURL(/\/\?pinned=true&q=a&unread=true$/);
  await openMore(page);
  await expect(select(page, 'Pinned')).toHaveValue('true');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(moreButton(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(moreButton(page)).toHaveAccessibleName('More filters');
  await expect(searchBox(page)).toHaveValue('');
  await expect(select(page, 'Read state')).toHaveValue('');
  await expect(select(page, 'Pinned')).toHaveValue('');
});

test('"More filters" works from the keyboard: Tab moves through it, Esc closes it and returns to its button', async ({ page }) => {
  await openInbox(page);
  await moreButton(page).focus();
  await page.keyboard.press('Enter');
  await expect(moreButton(page)).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(select(page, 'View')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(select(page, 'Folder')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(moreButton(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(moreButton(page)).toBeFocused();
  await expect(select(page, 'View')).toBeHidden();
  // The page's own Esc (close a chat, clear a selection) did not run: the list keeps its place in the URL.
  await expect(page).toHaveURL(/\/$/);
});

test('a rare match keeps searching older chats, and never says "no chats" while the server still scans', async ({ page, request }) => {
  // The first answer is what a large account gives: the server's scan budget ran out before any match. The next
  // request (with that cursor) is held, so the searching state can be seen, then answered by the real list.
  const cursor = 'e2e-scan-budget-ran-out';
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === '/api/v1/chats' && url.searchParams.get('pinned') === 'true',
    async (route) => {
      const url = new URL(route.request().url());
      if (!url.searchParams.has('cursor')) {
        await route.fulfill({ json: { object: 'ChatList', items: [], cursor, scan: { scanned: 2500, complete: false } } });
        return;
      }
      await gate;
      url.searchParams.delete('cursor');
      await route.continue({ url: url.toString() });
    },
  );
  await page.goto('/?provider=TELEGRAM&pinned=true');
  await expect(page.getByText('Searching older chats… (2,500 scanned)')).toBeVisible();
  await expect(page.getByText('No chats match these filters')).toHaveCount(0);
  release();
  await expect(page.getByText('Searching older chats…')).toHaveCount(0);
  await expectShown(page, request, { provider: 'TELEGRAM', pinned: true });
});

test('switching filters keeps the previous rows dimmed until the new ones arrive, and abandons the old request', async ({ page, request }) => {
  const list = await openInbox(page, '/?provider=SLACK');
  const firstSlack = await list.getByRole('option').first().getAttribute('data-chat-id');
  const aborted: string[] = [];
  page.on('requestfailed', (r) => {
    if (new URL(r.url()).searchParams.get('account_type') === 'TELEGRAM') aborted.push(r.failure()?.errorText ?? '');
  });
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === '/api/v1/chats' && url.searchParams.get('account_type') === 'TELEGRAM',
    async (route) => {
      await gate;
      // The page may have given up on it meanwhile.
      await route.continue().catch(() => undefined);
    },
  );

  await select(page, 'Provider').selectOption('TELEGRAM');
  await expect(list).toHaveAttribute('aria-busy', 'true');
  await expect(list.getByRole('option').first()).toHaveAttribute('data-chat-id', firstSlack!);
  await expect(page.getByText('No chats')).toHaveCount(0);

  await select(page, 'Provider').selectOption('INSTAGRAM');
  await expect.poll(() => aborted).toEqual(['net::ERR_ABORTED']);
  release();
  await expectShown(page, request, { provider: 'INSTAGRAM' });
});

test('a view seen before shows at once from the cache', async ({ page }) => {
  const list = await openInbox(page, '/?provider=SLACK');
  const firstSlack = await list.getByRole('option').first().getAttribute('data-chat-id');
  await select(page, 'Provider').selectOption('MESSENGER');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(list.getByRole('option').first()).not.toHaveAttribute('data-chat-id', firstSlack!);
  // From here on the network holds every Slack request: only the cache can show the Slack list.
  await page.route((url) => url.pathname === '/api/v1/chats' && url.searchParams.get('account_type') === 'SLACK', () => undefined);
  await page.goBack();
  await expect(list.getByRole('option').first()).toHaveAttribute('data-chat-id', firstSlack!, { timeout: 2_000 });
  await expect(list).not.toHaveAttribute('aria-busy', 'true');
});

test('unread counts per provider among loaded chats, in the provider options', async ({ page, request }) => {
  await openInbox(page, '/?provider=TWITTER');
  await shownChatIds(page);
  const now = Date.now();
  const unread = (await listAllChats(request)).filter((c) => wanted(c, { provider: 'TWITTER', unread: true }, now)).length;
  expect(unread).toBeGreaterThan(0);
  await expect(select(page, 'Provider').getByRole('option', { name: /^X \(Twitter\)/ })).toHaveText(`X (Twitter) (${unread} unread loaded)`);
});

test('the provider options are those of the selected accounts', async ({ page, request }) => {
  const accounts = ((await (await request.get('/api/v1/accounts?limit=250')).json()) as { items: { id: string; type: string }[] }).items;
  const telegram = accounts.find((a) => a.type === 'TELEGRAM');
  expect(telegram).toBeDefined();
  await openInbox(page, `/?accounts=${telegram!.id}`);
  await expect(select(page, 'Provider').getByRole('option')).toHaveText(['All providers', /^Telegram\b/]);
  await openInbox(page, '/');
  await expect(select(page, 'Provider').getByRole('option')).toHaveCount(1 + new Set(accounts.map((a) => a.type)).size);
});

test('on a phone the filters fold behind a Filters button', async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openInbox(page);
  await expect(select(page, 'Provider')).toBeHidden();
  const button = page.getByRole('button', { name: /^Filters/ });
  await expect(button).toHaveAccessibleName('Filters');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  // Every filter in the one panel, the rarer ones included (no "More" step on a phone).
  await expect(moreButton(page)).toBeHidden();
  await select(page, 'Provider').selectOption('INSTAGRAM');
  await select(page, 'Pinned').selectOption({ label: 'Pinned only' });
  await expect(page).toHaveURL(/\/\?pinned=true&provider=INSTAGRAM$/);
  await expect(button).toHaveAccessibleName('Filters, 2 active');
  await expectShown(page, request, { provider: 'INSTAGRAM', pinned: true });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on a filtered list (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openInbox(page, `/?provider=LINKEDIN&unread=true&folder=INBOX_LINKEDIN_CLASSIC&after=${daysAgo(400)}&pinned=false`);
    await expect(page.getByText('Ignored an invalid filter in the link: pinned=false')).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    // Colours measured mid-fade (a row dimmed while the list switched, transition-colors) can fall short of contrast.
    await expect.poll(() => page.evaluate(() => document.getAnimations().filter((a) => a instanceof CSSTransition).length)).toBe(0);
    const serious = async () => {
      const results = await new AxeBuilder({ page }).analyze();
      const found = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      return found.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    };
    expect(await serious()).toEqual([]);
    // And with the rarer filters open over the list.
    await openMore(page);
    await expect.poll(() => page.evaluate(() => document.getAnimations().filter((a) => a instanceof CSSTransition).length)).toBe(0);
    expect(await serious()).toEqual([]);
  });
}

test.describe('a compact bar at 1280 × 900', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  /** Where the first chat starts, and how far apart the middles of the search box and the row's filters are. */
  async function measure(page: Page) {
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const boxes = await Promise.all([searchBox(page), select(page, 'Provider'), select(page, 'Read state'), moreButton(page)].map((l) => l.boundingBox()));
    const middles = boxes.map((box) => box!.y + box!.height / 2);
    const firstRow = (await chatList(page).getByRole('option').first().boundingBox())!.y;
    return { firstRow, rowSpread: Math.max(...middles) - Math.min(...middles) };
  }

  test('the search box and the filters share one row; the first chat starts at most 180 px down, whatever the filters', async ({ page }) => {
    await openInbox(page);
    const bare = await measure(page);
    expect(bare.rowSpread).toBeLessThanOrEqual(3);
    expect(bare.firstRow).toBeLessThanOrEqual(180);
    // The first filter, set from the bar, does not push the list down.
    await select(page, 'Provider').selectOption('WHATSAPP');
    await expect(page).toHaveURL(/\/\?provider=WHATSAPP$/);
    expect((await measure(page)).firstRow).toBe(bare.firstRow);
    for (const path of ['/?provider=WHATSAPP&unread=true', `/?after=${daysAgo(400)}&before=${daysAgo(1)}`, `/?view=all&pinned=true&muted=false&after=${daysAgo(400)}`]) {
      await openInbox(page, path);
      const filtered = await measure(page);
      expect(filtered.rowSpread, path).toBeLessThanOrEqual(3);
      expect(filtered.firstRow, path).toBe(bare.firstRow);
    }
    // The list's header keeps one line beside it: its title is cut with an ellipsis, never wrapped.
    const title = page.getByRole('region').filter({ has: searchBox(page) }).getByRole('heading', { level: 2 });
    expect((await title.boundingBox())!.height).toBeLessThan(24);
  });
});
