import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { chatList, openInbox } from './helpers';

const disconnected = {
  status: 401,
  contentType: 'application/json',
  body: JSON.stringify({
    status: 401,
    type: 'errors/disconnected_account',
    title: 'Disconnected account',
    detail: 'The account appears to be disconnected from the provider service.',
  }),
};

test('an API error is shown in plain words, and Retry recovers', async ({ page }) => {
  await page.route('**/api/v1/chats*', (route) => route.fulfill(disconnected));
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This account is disconnected from its provider. Reconnect it in your Unipile dashboard.');
  await expect(alert).not.toContainText('undefined');
  await expect(chatList(page)).toHaveCount(0);

  await page.unroute('**/api/v1/chats*');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(chatList(page).getByRole('option').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('an error while paging keeps the loaded rows and offers Retry in place of the loader', async ({ page }) => {
  const list = await openInbox(page);
  // Only later pages (they carry a cursor) fail.
  await page.route(/\/api\/v1\/chats\?.*cursor=/, (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ status: 503, type: 'errors/service_unavailable', title: 'Service unavailable' }) }),
  );
  await list.focus();
  await page.keyboard.press('End');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('temporarily unavailable');
  await expect(list.getByRole('option').first()).toBeAttached();
  await expect(list.locator('[role="option"][aria-posinset="100"]')).toBeVisible();

  await page.unroute(/\/api\/v1\/chats\?.*cursor=/);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText(/^200 loaded$/)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the empty state offers to clear the filters', async ({ page }) => {
  await page.route('**/api/v1/chats*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ object: 'ChatList', items: [], cursor: null }) }));
  await page.goto('/?unread=true&provider=TELEGRAM');
  const empty = page.getByRole('status').filter({ hasText: 'No chats match these filters' });
  await expect(empty).toBeVisible();
  await empty.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/$/);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const list = await openInbox(page);
    await list.focus();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}
