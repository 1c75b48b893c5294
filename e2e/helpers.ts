import type { APIRequestContext, Locator, Page } from '@playwright/test';

/** The simulator's chats, exactly as the API lists them: the oracle the UI is compared against. */
export interface WireChat {
  id: string;
  name: string | null;
  unread_count: number;
  pinned?: number | boolean;
  muted_until: number | string | null;
  archived: number | boolean;
}

export async function listAllChats(request: APIRequestContext): Promise<WireChat[]> {
  const chats: WireChat[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const response = await request.get(`/api/v1/chats?limit=250${query}`);
    if (!response.ok()) throw new Error(`GET /api/v1/chats answered ${response.status()}`);
    const body = (await response.json()) as { items: WireChat[]; cursor: string | null };
    chats.push(...body.items);
    cursor = body.cursor;
  } while (cursor);
  return chats;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function chatList(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Chats' });
}

/** Waits for the first rows of the inbox. */
export async function openInbox(page: Page, path = '/'): Promise<Locator> {
  await page.goto(path);
  const list = chatList(page);
  await list.getByRole('option').first().waitFor();
  return list;
}

/** The element that scrolls the list: the listbox's nearest scrolling ancestor. */
export async function scrollListTo(page: Page, top: number): Promise<void> {
  await chatList(page).evaluate((listbox, y) => {
    let el: HTMLElement | null = listbox as HTMLElement;
    while (el && !/(auto|scroll)/.test(getComputedStyle(el).overflowY)) el = el.parentElement;
    if (!el) throw new Error('no scrolling ancestor');
    el.scrollTop = y;
  }, top);
}
