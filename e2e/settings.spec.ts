import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Locator, type Page, type Request } from '@playwright/test';
import { chatList, escapeRegExp, openInbox } from './helpers';

interface WireAccount {
  id: string;
  name: string;
  sources: { status: string }[];
}

interface WireChatPage {
  items: { id: string; account_id: string }[];
}

const STORAGE_KEY = 'triage.settings';
const PAGE_SIZE_MESSAGE = 'Page size must be a whole number from 1 to 250';

async function listAccounts(request: APIRequestContext): Promise<WireAccount[]> {
  const response = await request.get('/api/v1/accounts?limit=250');
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: WireAccount[] }).items;
}

async function firstChats(request: APIRequestContext, query: string): Promise<WireChatPage['items']> {
  const response = await request.get(`/api/v1/chats?${query}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as WireChatPage).items;
}

const settingsButton = (page: Page) => page.getByRole('button', { name: 'Settings', exact: true });
const settingsDialog = (page: Page) => page.getByRole('dialog', { name: 'Settings', exact: true });
/** An account's "Show" box in the panel, named "Show <account>". */
const showBox = (dialog: Locator, accountName: string) => dialog.getByRole('checkbox', { name: `Show ${accountName}`, exact: true });
/** The panel's line saying how many accounts are shown, once the accounts have arrived. */
const shownSummary = (dialog: Locator) => dialog.getByRole('status').filter({ hasText: /accounts? shown$/ });

/** A chats list request whose query passes `check`. */
function chatsRequest(page: Page, check: (query: URLSearchParams) => boolean): Promise<Request> {
  return page.waitForRequest((request) => {
    const url = new URL(request.url());
    return url.pathname === '/api/v1/chats' && check(url.searchParams);
  });
}

async function openSettings(page: Page) {
  await settingsButton(page).click();
  const dialog = settingsDialog(page);
  await expect(dialog).toBeVisible();
  // The summary shows once the accounts have arrived; later steps must not race them.
  await expect(shownSummary(dialog)).toBeVisible();
  return dialog;
}

async function storedSettings(page: Page): Promise<Record<string, unknown>> {
  const raw = await page.evaluate((key) => window.localStorage.getItem(key), STORAGE_KEY);
  return raw ? ((JSON.parse(raw) as { state: Record<string, unknown> }).state ?? {}) : {};
}

/**
 * Esc closes the dialog at once, but the app hears of it from the dialog's `close` event, a task later: a click on
 * Settings in between is lost (the app still thinks it open). Waits until the app has closed it: its panel is gone.
 */
async function closeWithEscape(page: Page) {
  await page.keyboard.press('Escape');
  await expect(settingsDialog(page)).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Settings', includeHidden: true })).toHaveCount(0);
}

const focusIsInDialog = (page: Page) => page.evaluate(() => document.querySelector('dialog')?.contains(document.activeElement) ?? false);

test('opens from the button and with ",", keeps Tab inside, closes with Esc and gives focus back', async ({ page }) => {
  await openInbox(page);
  const button = settingsButton(page);
  const dialog = settingsDialog(page);

  await button.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(shownSummary(dialog)).toBeVisible();
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    expect(await focusIsInDialog(page)).toBe(true);
  }
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Shift+Tab');
    expect(await focusIsInDialog(page)).toBe(true);
  }
  await closeWithEscape(page);
  await expect(button).toBeFocused();

  // A second cycle works, closed this time with the close button.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close settings' }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  // "," with nothing focused: on close, focus lands on the Settings button.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(',');
  await expect(dialog).toBeVisible();
  await closeWithEscape(page);
  await expect(button).toBeFocused();

  // "," from the chat list: focus goes back to the list, where the person was.
  const list = chatList(page);
  await list.focus();
  await page.keyboard.press(',');
  await expect(dialog).toBeVisible();
  await closeWithEscape(page);
  await expect(list).toBeFocused();
});

test('the panel has no serious accessibility violations, light or dark', async ({ page }) => {
  await openInbox(page);
  const dialog = await openSettings(page);
  await expect(dialog.getByText('Embedded simulator')).toBeVisible();
  for (const theme of ['Light', 'Dark']) {
    await dialog.getByRole('radio', { name: theme }).check();
    if (theme === 'Dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
    // Show the validation message too, so its colours are checked.
    await dialog.getByRole('spinbutton', { name: 'Page size' }).fill('0');
    await expect(dialog.getByText(PAGE_SIZE_MESSAGE)).toBeVisible();
    // Colours fade to the new theme (transition-colors): measured mid-fade, a label can fall short of its contrast.
    await expect.poll(() => page.evaluate(() => document.getAnimations().filter((a) => a instanceof CSSTransition).length)).toBe(0);
    const results = await new AxeBuilder({ page }).include('dialog').analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${theme}: ${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    await dialog.getByRole('spinbutton', { name: 'Page size' }).fill('100');
  }
});

test('unticking an account hides its chats, the list header says so in a chip, and removing the chip shows them again', async ({ page, request }) => {
  const accounts = await listAccounts(request);
  expect(accounts.length).toBeGreaterThanOrEqual(7);
  // The account of the newest chat of the inbox (the default view): its chats are certainly on screen before it is hidden.
  const [newest] = await firstChats(request, 'limit=1&archived=false');
  const target = accounts.find((account) => account.id === newest?.account_id);
  if (!newest || !target) throw new Error('the newest chat has no listed account');
  const rest = accounts.filter((account) => account.id !== target.id);
  const restIds = rest.map((account) => account.id).sort().join(',');
  const chip = page.getByText(`${rest.length} of ${accounts.length} accounts`, { exact: true });
  const showAllChip = page.getByRole('button', { name: 'Show all accounts', exact: true });

  const list = await openInbox(page);
  await expect(list.getByRole('option').first()).toHaveAttribute('data-chat-id', newest.id);
  await expect(chip).toHaveCount(0);

  // Every account starts shown, its box ticked.
  const dialog = await openSettings(page);
  await expect(shownSummary(dialog)).toHaveText(`All ${accounts.length} accounts shown`);
  for (const account of accounts) await expect(showBox(dialog, account.name)).toBeChecked();

  const withoutTarget = chatsRequest(page, (query) => query.get('account_id') === restIds);
  await showBox(dialog, target.name).uncheck();
  await withoutTarget;
  await expect(shownSummary(dialog)).toHaveText(`${rest.length} of ${accounts.length} accounts shown`);
  await closeWithEscape(page);

  // The API, asked for the shown accounts, is the oracle for the first row; no row of the hidden account is left.
  const [expectedFirst] = await firstChats(request, `limit=1&archived=false&account_id=${encodeURIComponent(restIds)}`);
  await expect(list.getByRole('option').first()).toHaveAttribute('data-chat-id', expectedFirst?.id ?? '');
  const labels = await list.getByRole('option').evaluateAll((options) => options.map((option) => option.getAttribute('aria-label') ?? ''));
  expect(labels.length).toBeGreaterThan(3);
  expect(labels.filter((label) => label.includes(`account ${target.name},`))).toEqual([]);
  // Nobody is left wondering where the chats went.
  await expect(chip).toBeVisible();
  await expect(showAllChip).toBeVisible();

  // A reload asks for the shown accounts from the first request on, and keeps the chip.
  const afterReload = chatsRequest(page, () => true);
  await page.reload();
  expect(new URL((await afterReload).url()).searchParams.get('account_id')).toBe(restIds);
  await expect(chatList(page).getByRole('option').first()).toHaveAttribute('data-chat-id', expectedFirst?.id ?? '');
  await expect(chip).toBeVisible();
  expect((await storedSettings(page)).hiddenAccountIds).toEqual([target.id]);

  // Removing the chip (keyboard) shows every account again: the request names none, the newest chat is back, and
  // focus lands on the list rather than on the page body.
  const unfiltered = chatsRequest(page, (query) => !query.has('account_id'));
  await showAllChip.focus();
  await page.keyboard.press('Enter');
  await unfiltered;
  await expect(chatList(page).getByRole('option').first()).toHaveAttribute('data-chat-id', newest.id);
  await expect(chip).toHaveCount(0);
  await expect(chatList(page)).toBeFocused();
  expect((await storedSettings(page)).hiddenAccountIds).toEqual([]);
  const reopened = await openSettings(page);
  await expect(shownSummary(reopened)).toHaveText(`All ${accounts.length} accounts shown`);
  for (const account of accounts) await expect(showBox(reopened, account.name)).toBeChecked();
});

test('ids of accounts that no longer exist are dropped from the stored hidden accounts', async ({ page, request }) => {
  const accounts = await listAccounts(request);
  const [account] = accounts;
  if (!account) throw new Error('no account');
  await page.addInitScript(
    ([key, ids]) => {
      if (!window.sessionStorage.getItem('seeded')) {
        window.sessionStorage.setItem('seeded', '1');
        window.localStorage.setItem(key, JSON.stringify({ version: 2, state: { hiddenAccountIds: ids } }));
      }
    },
    [STORAGE_KEY, [account.id, 'gone-account-id']] as const,
  );
  await openInbox(page);
  await expect.poll(async () => (await storedSettings(page)).hiddenAccountIds).toEqual([account.id]);
  const dialog = await openSettings(page);
  await expect(shownSummary(dialog)).toHaveText(`${accounts.length - 1} of ${accounts.length} accounts shown`);
  await expect(showBox(dialog, account.name)).not.toBeChecked();
});

test('a selection saved by the previous version ("only these accounts") becomes the other accounts hidden', async ({ page, request }) => {
  const accounts = await listAccounts(request);
  const [kept] = accounts;
  if (!kept) throw new Error('no account');
  await page.addInitScript(
    ([key, ids]) => {
      if (!window.sessionStorage.getItem('seeded')) {
        window.sessionStorage.setItem('seeded', '1');
        window.localStorage.setItem(key, JSON.stringify({ version: 1, state: { selectedAccountIds: ids, theme: 'dark' } }));
      }
    },
    [STORAGE_KEY, [kept.id, 'gone-account-id']] as const,
  );
  const others = accounts.filter((account) => account.id !== kept.id).map((account) => account.id);
  await openInbox(page);
  await expect.poll(async () => (await storedSettings(page)).hiddenAccountIds).toEqual(others);
  expect(await storedSettings(page)).toMatchObject({ legacyShownAccountIds: null, theme: 'dark' });
  await expect(page.getByText(`1 of ${accounts.length} accounts`, { exact: true })).toBeVisible();
  const dialog = await openSettings(page);
  await expect(showBox(dialog, kept.name)).toBeChecked();
  // The only account shown cannot be hidden too.
  await expect(showBox(dialog, kept.name)).toBeDisabled();
});

test('each account shows its identity and connection status; the disconnected one is flagged', async ({ page, request }) => {
  const accounts = await listAccounts(request);
  const disconnected = accounts.find((account) => account.sources.some((source) => source.status === 'CREDENTIALS'));
  const connected = accounts.find((account) => account.sources.every((source) => source.status === 'OK'));
  if (!disconnected || !connected) throw new Error('the simulator should have a connected and a disconnected account');

  await openInbox(page);
  const dialog = await openSettings(page);
  await expect(dialog.getByRole('region', { name: 'Accounts' }).getByRole('checkbox')).toHaveCount(accounts.length);
  await expect(showBox(dialog, disconnected.name)).toHaveAccessibleDescription(/Disconnected: reconnect needed/);
  await expect(showBox(dialog, connected.name)).toHaveAccessibleDescription(/Connected$/);
  await expect(dialog.getByText('1 account needs attention: its chats may be out of date.')).toBeVisible();

  // Its chats say so too: hide every other account and read the first row.
  for (const account of accounts) if (account.id !== disconnected.id) await showBox(dialog, account.name).uncheck();
  await expect(shownSummary(dialog)).toHaveText(`1 of ${accounts.length} accounts shown`);
  await page.keyboard.press('Escape');
  const first = chatList(page).getByRole('option').first();
  await expect(first).toHaveAttribute('aria-label', new RegExp(`account ${escapeRegExp(disconnected.name)}, account disconnected,`));
  await expect(first.getByTitle('Disconnected: reconnect needed')).toBeVisible();
});

test('the connection is named, and the header shows one Simulator badge', async ({ page }) => {
  await openInbox(page);
  // The badge text may carry a screen-reader suffix (": demo data …"), so match its start.
  await expect(page.getByRole('banner').getByText(/^Simulator\b/)).toHaveCount(1);
  const dialog = await openSettings(page);
  await expect(dialog.getByRole('region', { name: 'Connection' })).toContainText('Embedded simulator');
});

test('the theme applies at once and survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openInbox(page);
  const html = page.locator('html');
  await expect(html).not.toHaveClass(/\bdark\b/);
  const dialog = await openSettings(page);
  await expect(dialog.getByRole('radio', { name: 'System' })).toBeChecked();

  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await expect(html).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);

  const again = await openSettings(page);
  await again.getByRole('radio', { name: 'Light' }).check();
  await expect(html).not.toHaveClass(/\bdark\b/);
  // "System" follows the operating system.
  await again.getByRole('radio', { name: 'System' }).check();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveClass(/\bdark\b/);
});

test('density changes the row height', async ({ page }) => {
  const list = await openInbox(page);
  const rowHeight = async () => (await list.getByRole('option').first().boundingBox())?.height;
  expect(await rowHeight()).toBe(72);
  const dialog = await openSettings(page);
  await dialog.getByRole('radio', { name: 'Compact' }).check();
  await page.keyboard.press('Escape');
  await expect.poll(rowHeight).toBe(52);
  await page.reload();
  await expect(chatList(page).getByRole('option').first()).toBeVisible();
  await expect.poll(rowHeight).toBe(52);
});

test('the time format switches the rows between relative and absolute times', async ({ page }) => {
  const list = await openInbox(page);
  // The row's time is drawn from data-text (see DrawnText); its <time> carries the exact instant.
  const shownTime = () => list.getByRole('option').first().locator('time').first().getAttribute('data-text');
  await expect.poll(shownTime).toMatch(/^(now|\d+[mh]|[A-Z][a-z]{2}( \d+)?|\d{4})$/);
  const dialog = await openSettings(page);
  await dialog.getByRole('radio', { name: 'Absolute' }).check();
  await page.keyboard.press('Escape');
  // The newest chat is recent, so its absolute time carries a clock time ("9:41 AM" or "Mar 4, 9:41 AM").
  await expect.poll(shownTime).toMatch(/\d{1,2}:\d{2}/);
  await page.reload();
  await expect.poll(shownTime).toMatch(/\d{1,2}:\d{2}/);
});

test('a page size of 0 or 300 shows the message and is not applied; a valid one is', async ({ page }) => {
  // Time runs as usual, but the test can skip past the field's pause instead of sleeping through it.
  await page.clock.install();
  await openInbox(page);
  const limits: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/v1/chats') limits.push(url.searchParams.get('limit') ?? '');
  });
  const dialog = await openSettings(page);
  const field = dialog.getByRole('spinbutton', { name: 'Page size' });
  await expect(field).toHaveValue('100');

  for (const invalid of ['0', '300']) {
    await field.fill(invalid);
    await expect(dialog.getByText(PAGE_SIZE_MESSAGE)).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(new RegExp(PAGE_SIZE_MESSAGE));
    // Past the pause after which a valid value would be applied.
    await page.clock.runFor(800);
    await field.press('Enter');
    expect((await storedSettings(page)).pageSize ?? 100).toBe(100);
  }
  await closeWithEscape(page);
  expect(limits.filter((limit) => limit === '0' || limit === '300')).toEqual([]);

  const reopened = await openSettings(page);
  const fresh = reopened.getByRole('spinbutton', { name: 'Page size' });
  await expect(fresh).toHaveValue('100');
  await expect(reopened.getByText(PAGE_SIZE_MESSAGE)).toBeHidden();
  const applied = chatsRequest(page, (query) => query.get('limit') === '25');
  // Typed key by key: the "2" on the way to "25" is never applied.
  await fresh.fill('');
  await fresh.pressSequentially('25');
  await applied;
  expect((await storedSettings(page)).pageSize).toBe(25);
  expect(limits.filter((limit) => limit === '2')).toEqual([]);
});

test('"Mark as read when opened" is on by default and remembered', async ({ page }) => {
  await openInbox(page);
  const dialog = await openSettings(page);
  const checkbox = dialog.getByRole('checkbox', { name: 'Mark as read when opened' });
  await expect(checkbox).toBeChecked();
  await checkbox.uncheck();
  await page.reload();
  const reopened = await openSettings(page);
  await expect(reopened.getByRole('checkbox', { name: 'Mark as read when opened' })).not.toBeChecked();
  expect((await storedSettings(page)).markReadOnOpen).toBe(false);
});
