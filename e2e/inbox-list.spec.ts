import { expect, test, type Page } from '@playwright/test';
import { chatList, escapeRegExp, listAllChats, openInbox, scrollListTo, type WireChat } from './helpers';

const COMFORTABLE_ROW = 72;
const flag = (value: number | boolean | undefined) => value === true || value === 1;

test('the list loads with rows that state their position', async ({ page }) => {
  const list = await openInbox(page);
  const first = list.getByRole('option').first();
  await expect(first).toHaveAttribute('aria-posinset', '1');
  // More pages exist, so the total is not known yet.
  await expect(first).toHaveAttribute('aria-setsize', '-1');
  await expect(page.getByRole('banner').getByText('Triage', { exact: true })).toBeVisible();
  await expect(page.getByRole('banner').getByText(/^Simulator/)).toHaveAttribute('title', 'Demo data from the embedded simulator');
});

test('scrolling reaches every chat exactly once, with a constant DOM size', async ({ page, request }) => {
  test.setTimeout(120_000);
  const all = await listAllChats(request);
  expect(all.length).toBe(2500);
  // The default view is the inbox: archived chats are left out.
  const oracle = all.filter((chat) => !flag(chat.archived));
  const list = await openInbox(page);

  const seen = await list.evaluate(async (listbox) => {
    let scroller: HTMLElement | null = listbox as HTMLElement;
    while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
    if (!scroller) throw new Error('no scroller');
    const byPosition = new Map<number, string>();
    let maxRows = 0;
    const started = performance.now();
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    for (;;) {
      const options = document.querySelectorAll<HTMLElement>('[role="option"]');
      maxRows = Math.max(maxRows, options.length);
      for (const option of options) byPosition.set(Number(option.getAttribute('aria-posinset')), option.dataset.chatId ?? '');
      const atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      if (atBottom && /All [\d,.\s]+ chats loaded/.test(scroller.innerText)) break;
      if (performance.now() - started > 90_000) throw new Error(`stuck at ${byPosition.size} chats`);
      scroller.scrollTop += scroller.clientHeight * 0.75;
      await frame();
    }
    return { positions: [...byPosition.entries()].sort((a, b) => a[0] - b[0]), maxRows };
  });

  const ids = seen.positions.map(([, id]) => id);
  expect(seen.positions.map(([position]) => position)).toEqual(oracle.map((_, i) => i + 1));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(oracle.map((chat) => chat.id));
  expect(seen.maxRows).toBeLessThanOrEqual(100);
  await expect(page.getByText(`All ${oracle.length.toLocaleString('en-US')} chats loaded`)).toBeVisible();
  await expect(list.getByRole('option').last()).toHaveAttribute('aria-setsize', String(oracle.length));
  expect(await list.getByRole('option').count()).toBeLessThanOrEqual(100);
});

async function showChat(page: Page, oracle: WireChat[], chat: WireChat) {
  const index = oracle.indexOf(chat);
  const row = chatList(page).getByRole('option').and(page.locator(`[data-chat-id="${chat.id}"]`));
  // The list loads pages as it nears their end, so a chat a few pages down appears after a few scrolls: each try
  // scrolls towards it (as far as the loaded pages reach) and waits for its row, or for the next page, to render.
  await expect(async () => {
    await scrollListTo(page, Math.max(0, index * COMFORTABLE_ROW - 200));
    await expect(row).not.toHaveCount(0, { timeout: 1_000 });
  }, `chat ${chat.id} renders`).toPass({ timeout: 30_000 });
}

test('a row states unread, pinned and muted in its accessible name', async ({ page, request }) => {
  // The inbox (the default view) leaves archived chats out.
  const oracle = (await listAllChats(request)).filter((chat) => !flag(chat.archived));
  const named = (c: WireChat) => typeof c.name === 'string' && c.name.trim() !== '';
  const unreadPinned = oracle.find((c) => named(c) && c.unread_count > 0 && flag(c.pinned));
  const mutedForever = oracle.find((c) => named(c) && c.muted_until === -1);
  expect(unreadPinned, 'the simulator has an unread pinned chat').toBeDefined();
  expect(mutedForever, 'the simulator has a chat muted indefinitely').toBeDefined();
  await openInbox(page);

  await showChat(page, oracle, unreadPinned!);
  const name1 = escapeRegExp(unreadPinned!.name!.trim());
  await expect(
    chatList(page).getByRole('option', { name: new RegExp(`^${name1}, .*\\b${unreadPinned!.unread_count} unread, pinned\\b`) }).first(),
  ).toBeVisible();

  await showChat(page, oracle, mutedForever!);
  const name2 = escapeRegExp(mutedForever!.name!.trim());
  await expect(chatList(page).getByRole('option', { name: new RegExp(`^${name2}, .*, muted, `) }).first()).toBeVisible();
});

test('keyboard: j/k, arrows, Home/End move the selection; Enter opens the chat', async ({ page }) => {
  const list = await openInbox(page);
  const selected = list.locator('[role="option"][aria-selected="true"]');
  // The list has focus from the start, its cursor on the first row.
  await expect(list).toBeFocused();
  await expect(selected).toHaveAttribute('aria-posinset', '1');
  await page.keyboard.press('j');
  await expect(selected).toHaveAttribute('aria-posinset', '2');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(selected).toHaveAttribute('aria-posinset', '4');
  await page.keyboard.press('k');
  await page.keyboard.press('ArrowUp');
  await expect(selected).toHaveAttribute('aria-posinset', '2');
  // The listbox points at the selected option, which is rendered.
  const selectedId = await selected.getAttribute('id');
  await expect(list).toHaveAttribute('aria-activedescendant', selectedId!);

  // End goes to the last loaded row; loading the next page then must not move the selection off that chat.
  const loaded = await list.getByRole('option').last().getAttribute('aria-posinset');
  await page.keyboard.press('End');
  await expect(selected).toHaveAttribute('aria-posinset', '100');
  expect(Number(loaded)).toBeLessThanOrEqual(100);
  const lastChatId = await selected.getAttribute('data-chat-id');
  await expect(page.getByText(/^200 loaded$/)).toBeVisible();
  await expect(selected).toHaveAttribute('data-chat-id', lastChatId!);
  await expect(selected).toBeInViewport();

  await page.keyboard.press('Home');
  await expect(selected).toHaveAttribute('aria-posinset', '1');
  await expect(selected).toBeInViewport();

  await page.keyboard.press('j');
  const chatId = (await selected.getAttribute('data-chat-id'))!;
  const label = (await selected.getAttribute('aria-label'))!;
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/chats/${escapeRegExp(encodeURIComponent(chatId))}$`));
  await expect(page.getByRole('heading', { level: 2, name: label.split(', ')[0] })).toBeVisible();
  // With a chat open the cursor and the open chat are one: j opens the next chat, in place of this one in history.
  await page.keyboard.press('j');
  await expect(selected).not.toHaveAttribute('data-chat-id', chatId);
  const nextId = (await selected.getAttribute('data-chat-id'))!;
  await expect(page).toHaveURL(new RegExp(`/chats/${escapeRegExp(encodeURIComponent(nextId))}$`));
  await page.keyboard.press('o');
  await expect(page).toHaveURL(new RegExp(`/chats/${escapeRegExp(encodeURIComponent(nextId))}$`));
});

test('opening a chat keeps the query string and, on a phone, replaces the list', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const list = await openInbox(page, '/?unread=true');
  const first = list.getByRole('option').first();
  await expect(first).toHaveAccessibleName(/, \d+ unread, /);
  await first.click();
  await expect(page).toHaveURL(/\/chats\/[^?]+\?unread=true$/);
  await expect(list).toBeHidden();
  await page.getByRole('link', { name: 'Back to chats' }).click();
  await expect(page).toHaveURL(/\/\?unread=true$/);
  await expect(list).toBeVisible();
});
