import AxeBuilder from '@axe-core/playwright';
import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { e2eAuthBaseURL, e2eBaseURL, e2eDashboardToken } from '../playwright.config';
import { chatList } from './helpers';

// Against the second server of playwright.config.ts: the same app and simulator, with DASHBOARD_TOKEN set.
test.use({ baseURL: e2eAuthBaseURL });

const tokenField = (page: Page) => page.getByLabel('Dashboard token');
const signInButton = (page: Page) => page.getByRole('button', { name: 'Sign in' });

async function expectSignInPage(page: Page) {
  await expect(page).toHaveURL(/\/sign-in(\?|$)/);
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(tokenField(page)).toBeFocused();
}

/** An id of a real chat, asked for with a session of its own (the test's page has none). */
async function someChatId(): Promise<string> {
  const api = await playwrightRequest.newContext({ baseURL: e2eAuthBaseURL });
  try {
    expect((await api.post('/sign-in', { form: { token: e2eDashboardToken }, maxRedirects: 0 })).status()).toBe(303);
    const response = await api.get('/api/v1/chats?limit=1');
    expect(response.status()).toBe(200);
    const id = ((await response.json()) as { items: { id: string }[] }).items[0]?.id;
    if (!id) throw new Error('the simulator listed no chat');
    return id;
  } finally {
    await api.dispose();
  }
}

test('a browser without a session gets the sign-in page at any URL, its field focused', async ({ page }) => {
  for (const path of ['/', '/chats/some-chat', '/settings?x=1', '/assets/missing.js']) {
    await page.goto(path);
    await expectSignInPage(page);
  }
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a wrong token says so; the right one, typed and sent with Enter, lands where the person was going', async ({ page }) => {
  const id = await someChatId();
  const deepLink = `/chats/${encodeURIComponent(id)}`;
  await page.goto(deepLink);
  await expectSignInPage(page);

  await page.keyboard.type('not-the-dashboard-token-at-all-0000000000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(/That token is not the one set on this server/);
  await expect(tokenField(page)).toBeFocused();
  await expect(tokenField(page)).toHaveValue('');

  await page.keyboard.type(e2eDashboardToken);
  await page.keyboard.press('Enter');
  await expect.poll(() => new URL(page.url()).pathname).toBe(deepLink);
  await expect(chatList(page).getByRole('option').first()).toBeVisible();
  expect(await chatList(page).getByRole('option').count()).toBeGreaterThan(0);
});

test('the API answers 401 errors/sign_in_required without the cookie', async ({ request }) => {
  for (const path of ['/api/config', '/api/v1/chats?limit=1', '/api/v1/accounts']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(401);
    expect(await response.json()).toMatchObject({ title: 'Sign-in required', type: 'errors/sign_in_required', status: 401 });
  }
});

test('Settings (",") → "Sign out" returns to the sign-in page, and the session is gone', async ({ page }) => {
  await page.goto('/');
  await expectSignInPage(page);
  await tokenField(page).fill(e2eDashboardToken);
  await signInButton(page).click();
  await expect(chatList(page).getByRole('option').first()).toBeVisible();
  expect((await page.request.get('/api/config')).status()).toBe(200);

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(',');
  const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
  await expect(dialog).toBeVisible();
  const signOut = dialog.getByRole('button', { name: 'Sign out' });
  await signOut.focus();
  await page.keyboard.press('Enter');

  await expectSignInPage(page);
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  expect((await page.request.get('/api/v1/chats?limit=1')).status()).toBe(401);
  await page.goto('/');
  await expectSignInPage(page);
});

test('the sign-in page has no serious accessibility violations, light or dark, phone or desktop', async ({ page }) => {
  for (const [colorScheme, width] of [['light', 1280], ['dark', 390]] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/sign-in');
    await tokenField(page).fill('wrong-token');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${colorScheme}: ${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('a server without a token has no sign-in: no Sign out in Settings', async ({ page }) => {
  await page.goto(`${e2eBaseURL}/`);
  await expect(chatList(page).getByRole('option').first()).toBeVisible();
  expect(await (await page.request.get(`${e2eBaseURL}/api/config`)).json()).toMatchObject({ auth: { required: false } });
  expect((await page.request.post(`${e2eBaseURL}/sign-in`, { form: { token: e2eDashboardToken }, maxRedirects: 0 })).status()).toBe(404);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(',');
  const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
  await expect(dialog.getByText('Embedded simulator')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});

test('a link from another site opens the chat for a signed-in person (the SameSite=Strict cookie is not sent on it)', async ({ page }) => {
  const id = await someChatId();
  const deepLink = `/chats/${encodeURIComponent(id)}`;
  await page.goto('/');
  await tokenField(page).fill(e2eDashboardToken);
  await page.keyboard.press('Enter');
  await expect(chatList(page).getByRole('option').first()).toBeVisible();

  await page.route('http://elsewhere.test/', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Elsewhere</title><a href="${e2eAuthBaseURL}${deepLink}">Open the chat</a>` }),
  );
  await page.goto('http://elsewhere.test/');
  await page.getByRole('link', { name: 'Open the chat' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(deepLink);
  await expect(chatList(page).getByRole('option').first()).toBeVisible();
});
