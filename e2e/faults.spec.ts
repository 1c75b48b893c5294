import { expect, test, type APIRequestContext, type Page, type Route } from '@playwright/test';
import { chatList, escapeRegExp, openInbox } from './helpers';

/*
 * Faults in the browser: each upstream fault is forced per request with `x-simulator-fault` (the server passes it to
 * the embedded simulator only). Counted in the route handler: the retry policy retries network failures, 503, 504
 * and 429 three times (4 requests), and nothing else (1 request). UPSTREAM_TIMEOUT_MS is 4 s in the e2e server.
 */

interface Fault {
  /** The header value, or `abort` for a connection the browser itself cannot make. */
  fault: string;
  /** A phrase of the mapped plain-words message. */
  says: string;
  retried: boolean;
  /** The list to open, when the default (the inbox view, which the server scans and pages itself) does not show it. */
  path?: string;
}

const FAULTS: Fault[] = [
  { fault: '401:errors/disconnected_account', says: 'This account is disconnected from its provider. Reconnect it in your Unipile dashboard.', retried: false },
  { fault: '401:errors/invalid_credentials', says: 'Unipile refused the access token the Triage server uses.', retried: false },
  { fault: '401:errors/expired_credentials', says: 'This account needs to sign in again to its provider.', retried: false },
  { fault: '403', says: 'This account does not have permission to do that on the provider.', retried: false },
  { fault: '429', says: 'Unipile asked Triage to slow down. Try again in 1 second.', retried: true },
  { fault: '500', says: 'Unipile hit an unexpected error.', retried: false },
  { fault: '503', says: 'The messaging service is temporarily unavailable.', retried: true },
  { fault: '504', says: 'Unipile took too long to answer.', retried: true },
  { fault: 'timeout', says: 'Unipile took too long to answer.', retried: true },
  { fault: 'refused', says: 'The messaging API cannot be reached right now.', retried: true },
  { fault: 'malformed', says: 'answered with data Triage cannot read', retried: false },
  // Unscanned (every chat, archived too), so the browser gets the upstream's page as it is, without its cursor.
  { fault: 'no-cursor', says: 'The answer did not say whether more chats follow', retried: false, path: '/?view=all' },
  { fault: 'abort', says: 'The Triage server did not answer.', retried: true },
];

/** Each attempt of a forced timeout takes the server's 4 s upstream timeout: four of them need more than the default. */
const waitFor = (fault: Fault) => ({ timeout: fault.fault === 'timeout' ? 30_000 : 15_000 });

/**
 * Forces `fault` on the GET /api/v1/chats requests `which` selects, and counts them, until `clear()`. The count is of
 * faulted requests only, so it is the number of attempts the browser made.
 */
async function forceFault(page: Page, fault: string, which: (url: URL) => boolean) {
  const state = { active: true, count: 0 };
  await page.route(
    (url) => url.pathname === '/api/v1/chats',
    async (route: Route) => {
      const url = new URL(route.request().url());
      if (!state.active || !which(url)) return route.continue();
      state.count += 1;
      if (fault === 'abort') return route.abort('connectionrefused');
      return route.continue({ headers: { ...(await route.request().allHeaders()), 'x-simulator-fault': fault } });
    },
  );
  return {
    count: () => state.count,
    clear: () => {
      state.active = false;
    },
  };
}

const isFirstPage = (url: URL) => !url.searchParams.has('cursor');
const isLaterPage = (url: URL) => url.searchParams.has('cursor');

test.describe('a fault on the first page', () => {
  for (const fault of FAULTS.filter((f) => f.fault !== 'timeout')) {
    test(`${fault.fault}: says so in plain words, ${fault.retried ? 'after 3 retries' : 'without retrying'}, and Retry recovers`, async ({ page }) => {
      const forced = await forceFault(page, fault.fault, isFirstPage);
      await page.goto(fault.path ?? '/');
      if (fault.retried) await expect(page.getByText(/Retrying…/)).toBeVisible();
      const alert = page.getByRole('alert').filter({ hasText: fault.says });
      await expect(alert).toBeVisible(waitFor(fault));
      await expect(alert).not.toContainText('undefined');
      expect(forced.count()).toBe(fault.retried ? 4 : 1);
      await expect(chatList(page)).toHaveCount(0);
      // The pane shows it; no toast says it a second time.
      await expect(page.getByRole('region', { name: 'Notifications' }).getByRole('alert')).toHaveCount(0);

      forced.clear();
      await alert.getByRole('button', { name: 'Retry' }).click();
      await expect(chatList(page).getByRole('option').first()).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
    });
  }
});

test.describe('a fault on the next page', () => {
  for (const fault of FAULTS) {
    test(`${fault.fault}: keeps the loaded rows, says so in plain words, ${fault.retried ? 'after 3 retries' : 'without retrying'}, and Retry recovers`, async ({ page }) => {
      const list = await openInbox(page, fault.path);
      await expect(page.getByText(/^100 loaded$/)).toBeVisible();
      // The stream's first open merges a fresh first page in; counted faults start after it (the merge keeps a paging
      // error either way: src/lib/chats/list-cache.test.ts).
      await expect(page.locator('[role="status"][data-state="live"]')).toHaveCount(1);
      const forced = await forceFault(page, fault.fault, isLaterPage);
      await list.focus();
      await page.keyboard.press('End');
      if (fault.retried) await expect(page.getByText(/Retrying…/)).toBeVisible();
      const alert = page.getByRole('alert').filter({ hasText: fault.says });
      await expect(alert).toBeVisible(waitFor(fault));
      expect(forced.count()).toBe(fault.retried ? 4 : 1);
      // Every row loaded before the fault is still there; the last one is on screen above the error.
      await expect(list.getByRole('option')).not.toHaveCount(0);
      await expect(list.locator('[role="option"][aria-posinset="100"]')).toBeVisible();
      await expect(page.getByText(/^100 loaded$/)).toBeVisible();

      forced.clear();
      await alert.getByRole('button', { name: 'Retry' }).click();
      await expect(page.getByText(/^200 loaded$/)).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
    });
  }
});

test('a failed refresh keeps the rows and says the list is not up to date', async ({ page }) => {
  const list = await openInbox(page);
  // The live stream's first open refetches the first page once (to catch up): that request is not the one counted.
  await expect(page.locator('[role="status"][data-state="live"]')).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  const forced = await forceFault(page, '500', isFirstPage);
  await page.getByRole('button', { name: 'Refresh chats' }).click();
  await expect(page.getByText('Not up to date')).toBeVisible();
  expect(forced.count()).toBe(1);
  await expect(list.getByRole('option').first()).toBeVisible();
  await expect(page.getByText(/^100 loaded$/)).toBeVisible();
});

test('when the accounts request fails, the list says account names are unavailable, and Retry brings them back', async ({ page }) => {
  const state = { failing: true };
  await page.route(
    (url) => url.pathname === '/api/v1/accounts',
    async (route) => (state.failing ? route.continue({ headers: { ...(await route.request().allHeaders()), 'x-simulator-fault': '500' } }) : route.continue()),
  );
  const list = await openInbox(page);
  const notice = page.getByRole('status').filter({ hasText: 'Account names are unavailable' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Something went wrong');
  await expect(list.getByRole('option').first()).toBeVisible();

  state.failing = false;
  await notice.getByRole('button', { name: 'Retry' }).click();
  await expect(notice).toHaveCount(0);
});

// ----- a failing action ---------------------------------------------------------------------------------------

interface ApiChat {
  id: string;
  name: string | null;
  account_id: string;
  read_only: number;
  archived: number | boolean;
  pinned?: number | boolean;
}

const flag = (value: number | boolean | undefined) => value === true || value === 1;

/** A writable, unpinned chat of a connected account, below the chats the other specs act on. */
async function quietChat(request: APIRequestContext): Promise<ApiChat> {
  const accounts = (await (await request.get('/api/v1/accounts?limit=250')).json()) as { items: { id: string; sources: { status: string }[] }[] };
  const disconnected = new Set(accounts.items.filter((a) => a.sources.some((s) => s.status === 'CREDENTIALS')).map((a) => a.id));
  const chats = ((await (await request.get('/api/v1/chats?limit=100&archived=false')).json()) as { items: ApiChat[] }).items;
  const chat = chats.slice(40).find((c) => c.read_only === 0 && !disconnected.has(c.account_id) && !flag(c.pinned) && c.name);
  if (!chat) throw new Error('no suitable chat');
  return chat;
}

async function isPinned(request: APIRequestContext, id: string): Promise<boolean> {
  return flag(((await (await request.get(`/api/v1/chats/${encodeURIComponent(id)}`)).json()) as ApiChat).pinned);
}

test('a failing action rolls back and shows one toast with Retry; a second failure counts in the same toast', async ({ page, request }) => {
  const chat = await quietChat(request);
  const state = { failing: true, patches: 0 };
  await page.route(
    (url) => url.pathname === `/api/v1/chats/${encodeURIComponent(chat.id)}`,
    async (route) => {
      if (route.request().method() !== 'PATCH') return route.continue();
      state.patches += 1;
      if (!state.failing) return route.continue();
      return route.continue({ headers: { ...(await route.request().allHeaders()), 'x-simulator-fault': '503' } });
    },
  );
  await page.goto(`/chats/${encodeURIComponent(chat.id)}`);
  const pin = page.getByRole('button', { name: 'Pin', exact: true });
  await pin.click();

  const toasts = page.getByRole('region', { name: 'Notifications' }).getByRole('alert');
  const toast = toasts.filter({ hasText: 'Unipile is unavailable' });
  await expect(toast).toBeVisible();
  await expect(toast).toContainText(new RegExp(`“${escapeRegExp(chat.name ?? '')}” was not pinned`));
  await expect(toast.getByRole('button', { name: 'Retry' })).toBeVisible();
  // Rolled back, and not retried by itself: a PATCH goes once.
  await expect(page.getByRole('button', { name: 'Pin', exact: true })).toBeVisible();
  expect(state.patches).toBe(1);

  await pin.click();
  await expect(toast).toContainText('(2×)');
  await expect(toasts).toHaveCount(1);
  expect(state.patches).toBe(2);

  state.failing = false;
  await toast.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('button', { name: 'Unpin', exact: true })).toBeVisible();
  await expect.poll(() => isPinned(request, chat.id)).toBe(true);
  // One retry for both failures: the same chat, pinned once.
  expect(state.patches).toBe(3);
  await expect(toasts).toHaveCount(0);

  // Leave the chat as it was for the specs that follow.
  const unpin = await request.patch(`/api/v1/chats/${encodeURIComponent(chat.id)}`, { data: { action: 'setPinnedStatus', value: false } });
  expect(unpin.ok()).toBe(true);
});
