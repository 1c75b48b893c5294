import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { chatList, escapeRegExp, openInbox } from './helpers';

/*
 * The triage loop, keyboard only from a fresh load, against the simulator (2,500 chats, seed 7). The API is the
 * oracle: what the list shows is read from it, and every action is checked through it.
 */

interface ApiChat {
  id: string;
  name: string | null;
  account_id: string;
  archived: number | boolean;
  muted_until: number | string | null;
  read_only: number;
}

const flag = (value: number | boolean | undefined) => value === true || value === 1;

async function apiChat(request: APIRequestContext, id: string): Promise<ApiChat> {
  const response = await request.get(`/api/v1/chats/${encodeURIComponent(id)}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as ApiChat;
}

async function inboxTop(request: APIRequestContext, limit: number, query = ''): Promise<ApiChat[]> {
  const response = await request.get(`/api/v1/chats?limit=${limit}&archived=false${query}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: ApiChat[] }).items;
}

async function expectArchived(request: APIRequestContext, ids: readonly string[], archived: boolean) {
  for (const id of ids) await expect.poll(async () => flag((await apiChat(request, id)).archived), { message: `chat ${id} archived` }).toBe(archived);
}

/** The chat under the cursor: the listbox's active descendant. */
async function cursorChatId(page: Page): Promise<string | null> {
  const activeId = await chatList(page).getAttribute('aria-activedescendant');
  if (!activeId) return null;
  return page.locator(`[id="${activeId}"]`).getAttribute('data-chat-id');
}

const openChatId = (page: Page) => {
  const match = /\/chats\/([^/?]+)/.exec(new URL(page.url()).pathname);
  return match ? decodeURIComponent(match[1]!) : null;
};

test.describe('the triage loop', () => {
  test('j, Enter, e, e, e, z from a fresh load: three chats cleared, one back, each action on the chat on screen', async ({ page, request }) => {
    const top = await inboxTop(request, 6);
    await openInbox(page);
    // Focus is on the list at once: j moves the cursor without a click or a Tab.
    await expect(chatList(page)).toBeFocused();
    await expect.poll(() => cursorChatId(page)).toBe(top[0]!.id);
    await page.keyboard.press('j');
    await expect.poll(() => cursorChatId(page)).toBe(top[1]!.id);
    await page.keyboard.press('Enter');
    await expect.poll(() => openChatId(page)).toBe(top[1]!.id);
    await expect(page.getByRole('heading', { level: 2, name: top[1]!.name ?? undefined }).first()).toBeVisible();

    // With a chat open, j opens the next one: one cursor, the open chat is the cursor row.
    await page.keyboard.press('j');
    await expect.poll(() => openChatId(page)).toBe(top[2]!.id);
    await expect.poll(() => cursorChatId(page)).toBe(top[2]!.id);
    await expect(page.locator(`[data-chat-id="${top[2]!.id}"]`)).toHaveAttribute('aria-selected', 'true');

    // e archives the open chat and the next one opens by itself, three times.
    for (const [archived, next] of [
      [top[2]!, top[3]!],
      [top[3]!, top[4]!],
      [top[4]!, top[5]!],
    ] as const) {
      await page.keyboard.press('e');
      await expect.poll(() => openChatId(page)).toBe(next.id);
      await expectArchived(request, [archived.id], true);
    }
    await expect(page.getByRole('status').filter({ hasText: /Archived “/ })).toContainText('Press z to undo');

    // z brings the last one back where it was, open, with the cursor on it.
    await page.keyboard.press('z');
    await expectArchived(request, [top[4]!.id], false);
    await expect.poll(() => openChatId(page)).toBe(top[4]!.id);
    await expect.poll(() => cursorChatId(page)).toBe(top[4]!.id);
    const rows = chatList(page).getByRole('option');
    await expect(rows.nth(2)).toHaveAttribute('data-chat-id', top[4]!.id);
    await expectArchived(request, [top[2]!.id, top[3]!.id], true);

    // Back leaves the chat instead of replaying every chat visited.
    await page.goBack();
    await expect.poll(() => openChatId(page)).toBeNull();
  });

  test('in Unread, a chat read by opening it leaves the view, and j opens the one that took its place', async ({ page, request }) => {
    const top = await inboxTop(request, 3, '&unread=true');
    await openInbox(page, '/?unread=true');
    await page.keyboard.press('Enter');
    await expect.poll(() => openChatId(page)).toBe(top[0]!.id);
    await expect.poll(async () => ((await apiChat(request, top[0]!.id)) as ApiChat & { unread_count: number }).unread_count).toBe(0);
    await expect(page.locator(`[data-chat-id="${top[0]!.id}"]`)).toHaveCount(0);
    await page.keyboard.press('j');
    await expect.poll(() => openChatId(page)).toBe(top[1]!.id);
    await page.keyboard.press('j');
    await expect.poll(() => openChatId(page)).toBe(top[2]!.id);
  });

  test('x and Shift+j twice pick three chats; e archives all three through the API and z restores them', async ({ page, request }) => {
    const top = await inboxTop(request, 3);
    await openInbox(page);
    await expect(chatList(page)).toBeFocused();
    await page.keyboard.press('x');
    await page.keyboard.press('Shift+J');
    await page.keyboard.press('Shift+J');
    await expect(chatList(page)).toHaveAttribute('aria-multiselectable', 'true');
    await expect(chatList(page).getByRole('option', { selected: true })).toHaveCount(3);
    await expect(page.getByRole('heading', { name: '3 selected' })).toBeVisible();
    // The bar's names say what the action will do; Esc would clear, so it is checked with axe first.
    await expect(page.getByRole('button', { name: 'Archive', exact: true })).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

    await page.keyboard.press('e');
    await expectArchived(request, top.map((c) => c.id), true);
    await expect(page.getByRole('heading', { name: '3 selected' })).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Archived 3 chats' })).toBeVisible();
    // The selection is gone with its chats; focus stays on the list for the next key.
    await expect(chatList(page)).toBeFocused();

    await page.keyboard.press('z');
    await expectArchived(request, top.map((c) => c.id), false);
    await expect(chatList(page).getByRole('option').first()).toHaveAttribute('data-chat-id', top[0]!.id);
  });

  test('a bulk archive with a chat of a disconnected account rolls back only that one, and says why', async ({ page, request }) => {
    const accounts = (await (await request.get('/api/v1/accounts?limit=250')).json()) as { items: { id: string; sources: { status: string }[] }[] };
    const disconnected = accounts.items.find((a) => a.sources.some((s) => s.status === 'CREDENTIALS'))!;
    const connected = accounts.items.find((a) => a.id !== disconnected.id && a.sources.every((s) => s.status === 'OK'))!;
    const view = `&account_id=${encodeURIComponent(`${connected.id},${disconnected.id}`)}`;
    const top = await inboxTop(request, 30, view);
    const refused = top.find((c) => c.account_id === disconnected.id)!;
    const accepted = top.filter((c) => c.account_id === connected.id).slice(0, 2);
    expect(refused).toBeDefined();
    expect(accepted).toHaveLength(2);

    await openInbox(page, `/?accounts=${encodeURIComponent(`${connected.id},${disconnected.id}`)}`);
    for (const chat of [...accepted, refused]) await page.locator(`[data-chat-id="${chat.id}"]`).click({ modifiers: ['ControlOrMeta'] });
    await expect(page.getByRole('heading', { name: '3 selected' })).toBeVisible();
    await page.getByRole('button', { name: 'Archive', exact: true }).click();

    await expectArchived(request, accepted.map((c) => c.id), true);
    const alert = page.getByRole('alert').filter({ hasText: refused.name ?? '' });
    await expect(alert).toContainText('was not archived');
    await expect(alert).toContainText(/disconnected/i);
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    // Only the refused chat is back in the list; the API never archived it.
    await expect(page.locator(`[data-chat-id="${refused.id}"]`)).toBeVisible();
    for (const chat of accepted) await expect(page.locator(`[data-chat-id="${chat.id}"]`)).toHaveCount(0);
    expect(flag((await apiChat(request, refused.id)).archived)).toBe(false);

    // One undo reverts every chat that changed.
    await page.keyboard.press('z');
    await expectArchived(request, accepted.map((c) => c.id), false);
  });

  test('a read-only chat can be muted and unmuted from the keyboard; reply stays off with one reason', async ({ page, request }) => {
    const readOnly = (await inboxTop(request, 250)).find((c) => c.read_only === 1 && !c.muted_until)!;
    expect(readOnly).toBeDefined();
    await page.goto(`/chats/${encodeURIComponent(readOnly.id)}`);
    await expect(page.getByRole('button', { name: 'Mute', exact: true })).toBeEnabled();
    await page.locator('body').press('m');
    await expect.poll(async () => (await apiChat(request, readOnly.id)).muted_until).not.toBeNull();
    await expect(page.getByRole('textbox', { name: /reply|message/i })).toBeDisabled();
    await expect(page.getByText(/read-only: replies cannot be sent/i)).toHaveCount(1);
    await page.keyboard.press('m');
    await expect.poll(async () => (await apiChat(request, readOnly.id)).muted_until ?? null).toBeNull();
  });

  test('/, type, Enter lands on a result; Esc in the box returns to the list, so the next key is a shortcut', async ({ page, request }) => {
    const target = (await inboxTop(request, 40)).find((c) => c.name && c.name.length > 4)!;
    await openInbox(page);
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: 'Search chats' });
    await expect(box).toBeFocused();
    await page.keyboard.type(target.name!);
    await page.keyboard.press('Enter');
    await expect(chatList(page)).toBeFocused();
    await expect.poll(() => cursorChatId(page)).toBe(target.id);
    await page.keyboard.press('Enter');
    await expect.poll(() => openChatId(page)).toBe(target.id);

    await page.keyboard.press('/');
    await expect(box).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(box).toHaveValue('');
    await expect(chatList(page)).toBeFocused();
    await page.keyboard.press(',');
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  });

  test('Ctrl+K opens the command palette: it finds a chat by name and opens it, and runs views', async ({ page, request }) => {
    // A name no other loaded chat has, so the palette's first match is this chat.
    const loaded = await inboxTop(request, 100);
    const target = loaded.filter((c) => c.name && c.name.length > 4 && loaded.filter((o) => o.name?.toLowerCase().includes(c.name!.toLowerCase())).length === 1)[5]!;
    await openInbox(page);
    await page.keyboard.press('ControlOrMeta+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect(palette).toBeVisible();
    await expect(palette.getByRole('combobox')).toBeFocused();
    // Every command shows its key.
    await expect(palette.getByRole('option', { name: /^Archive: / })).toContainText('e');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

    await page.keyboard.type(target.name!);
    await expect(palette.getByRole('option', { name: new RegExp(escapeRegExp(target.name!)) }).first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expect.poll(() => openChatId(page)).toBe(target.id);

    await page.keyboard.press('ControlOrMeta+k');
    await expect(palette.getByRole('combobox')).toBeFocused();
    // The view named exactly what was typed comes before "Mark as unread".
    await page.keyboard.type('Unread');
    await expect(palette.getByRole('option', { selected: true })).toHaveAccessibleName(/^Unread/);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/unread=true/);
  });
});
