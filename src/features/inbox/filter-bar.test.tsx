import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { Account } from '@/lib/accounts';
import type { ChatFilters, InvalidFilter } from '@/lib/chats/filters';
import { makeChat } from '@/lib/chats/inbox-chat.fixture';
import type { InboxChat } from '@/lib/chats/model';
import FilterBar, { type FiltersChange } from './filter-bar';
import { focusSearch } from './search-focus';

const account = (id: string, provider: string): Account => ({ id, name: id, provider, identity: null, status: 'OK' });
const WHATSAPP_AND_LINKEDIN = new Map([
  ['wa', account('wa', 'WHATSAPP')],
  ['li', account('li', 'LINKEDIN')],
]);

interface Setup {
  filters?: ChatFilters;
  accountIds?: string[];
  accountsById?: ReadonlyMap<string, Account>;
  chats?: InboxChat[];
  invalid?: InvalidFilter[];
}

/** The bar over filters held as the app holds them (in the URL): each change is recorded, then shown. */
async function renderBar({ filters = {}, accountIds = [], accountsById = WHATSAPP_AND_LINKEDIN, chats = [], invalid = [] }: Setup = {}) {
  const onChange = vi.fn<FiltersChange>();
  const onClear = vi.fn<() => void>();
  const onLeaveSearch = vi.fn<() => void>();
  function Harness() {
    const [current, setCurrent] = useState(filters);
    return (
      <FilterBar
        filters={current}
        accountIds={accountIds}
        accountsById={accountsById}
        onLeaveSearch={onLeaveSearch}
        chats={chats}
        invalid={invalid}
        onChange={(next, options) => {
          onChange(next, options);
          setCurrent(next);
        }}
        onClear={() => {
          onClear();
          setCurrent({});
        }}
      />
    );
  }
  await render(<Harness />);
  return { onChange, onClear, onLeaveSearch };
}

const select = (name: string) => page.getByRole('combobox', { name });
const chip = (label: string) => page.getByRole('button', { name: `Remove filter: ${label}` });

afterEach(async () => {
  await page.viewport(1280, 800);
});

describe('FilterBar', () => {
  it.each<[string, string, ChatFilters]>([
    ['Provider', 'LINKEDIN', { provider: 'LINKEDIN' }],
    ['Read state', 'true', { unread: true }],
    ['Read state', 'false', { unread: false }],
    ['Folder', 'INBOX_LINKEDIN_RECRUITER', { folder: 'INBOX_LINKEDIN_RECRUITER' }],
    ['View', 'archived', { view: 'archived' }],
    ['View', 'all', { view: 'all' }],
  ])('%s = %s changes the filters to %o, as a new step in history', async (name, value, expected) => {
    const { onChange } = await renderBar();
    await select(name).selectOptions(value);
    expect(onChange).toHaveBeenCalledExactlyOnceWith(expected, { replace: false });
  });

  it('sets a select back to "all" by removing its filter', async () => {
    const { onChange } = await renderBar({ filters: { provider: 'WHATSAPP', unread: true } });
    await select('Provider').selectOptions('All providers');
    expect(onChange).toHaveBeenLastCalledWith({ provider: undefined, unread: true }, { replace: false });
    await expect.element(chip('WhatsApp')).not.toBeInTheDocument();
    await expect.element(chip('Unread')).toBeVisible();
  });

  it('offers the providers of the selected accounts, with the unread chats loaded for each', async () => {
    const chats = [makeChat('a', { unreadCount: 2 }), makeChat('b', { unreadCount: 1 }), makeChat('c'), makeChat('d', { provider: 'LINKEDIN' })];
    await renderBar({ chats });
    const options = select('Provider').getByRole('option');
    await expect.element(options).toHaveLength(3);
    expect(options.all().map((option) => option.element().textContent)).toEqual(['All providers', 'WhatsApp (2 unread loaded)', 'LinkedIn']);
  });

  it('offers LinkedIn folders only when a LinkedIn account is shown, and custom folders once seen', async () => {
    await renderBar({ accountIds: ['wa'], chats: [makeChat('a', { folders: ['INBOX', 'Clients'] })] });
    const folders = select('Folder').getByRole('option');
    await expect.element(folders).toHaveLength(3);
    expect(folders.all().map((option) => option.element().textContent)).toEqual(['All folders', 'Inbox', 'Clients']);
    await expect.element(select('Provider').getByRole('option')).toHaveLength(2);
  });

  it('toggles Pinned and Muted, saying whether each is on', async () => {
    const { onChange } = await renderBar();
    const pinned = page.getByRole('button', { name: 'Pinned', exact: true });
    await expect.element(pinned).toHaveAttribute('aria-pressed', 'false');
    await pinned.click();
    expect(onChange).toHaveBeenLastCalledWith({ pinned: true }, { replace: false });
    await expect.element(pinned).toHaveAttribute('aria-pressed', 'true');
    await pinned.click();
    expect(onChange).toHaveBeenLastCalledWith({ pinned: undefined }, { replace: false });
    await expect.element(pinned).toHaveAttribute('aria-pressed', 'false');

    const muted = page.getByRole('button', { name: 'Muted', exact: true });
    await muted.click();
    expect(onChange).toHaveBeenLastCalledWith({ pinned: undefined, muted: true }, { replace: false });
    await expect.element(muted).toHaveAttribute('aria-pressed', 'true');
    await expect.element(chip('Muted')).toBeVisible();
  });

  it('searches once typing pauses, then refines the same history step', async () => {
    const { onChange } = await renderBar();
    const search = page.getByRole('searchbox', { name: 'Search chats' });
    await search.fill('ada');
    // Not on every keystroke: the list waits for a pause.
    expect(onChange).not.toHaveBeenCalled();
    await expect.poll(() => onChange.mock.calls).toEqual([[{ q: 'ada' }, { replace: false }]]);
    await expect.element(chip('“ada”')).toBeVisible();
    await search.fill('ada lovelace ');
    await expect.poll(() => onChange.mock.lastCall).toEqual([{ q: 'ada lovelace' }, { replace: true }]);
  });

  it('takes a "/" pressed before the bar arrived: the box has focus once it mounts', async () => {
    expect(focusSearch()).toBe(true);
    await renderBar();
    await expect.element(page.getByRole('searchbox', { name: 'Search chats' })).toHaveFocus();
    await expect.element(page.getByRole('searchbox', { name: 'Search chats' })).toHaveValue('');
  });

  it('Enter or ↓ in the box searches now and goes to the results; Esc empties it and goes back to the list', async () => {
    const { onChange, onLeaveSearch } = await renderBar();
    const search = page.getByRole('searchbox', { name: 'Search chats' });
    await search.fill('ada');
    await userEvent.keyboard('{Enter}');
    // No wait for the typing pause: Enter commits what is typed.
    expect(onChange).toHaveBeenCalledExactlyOnceWith({ q: 'ada' }, { replace: false });
    expect(onLeaveSearch).toHaveBeenCalledTimes(1);
    await search.click();
    await userEvent.keyboard('{ArrowDown}');
    expect(onLeaveSearch).toHaveBeenCalledTimes(2);
    await search.click();
    await userEvent.keyboard('{Escape}');
    await expect.element(search).toHaveValue('');
    expect(onLeaveSearch).toHaveBeenCalledTimes(3);
  });

  it('opens the dates on demand and filters from the start of the day chosen', async () => {
    const { onChange } = await renderBar();
    const dates = page.getByRole('button', { name: 'Dates' });
    await expect.element(dates).toHaveAttribute('aria-expanded', 'false');
    await expect.element(page.getByLabelText('Since')).not.toBeInTheDocument();
    await dates.click();
    await expect.element(dates).toHaveAttribute('aria-expanded', 'true');
    await dates.click();
    await expect.element(page.getByLabelText('Since')).not.toBeInTheDocument();
    await dates.click();
    await page.getByLabelText('Since').fill('2026-05-01');
    await expect.poll(() => onChange.mock.lastCall).toEqual([{ after: new Date(2026, 4, 1).toISOString() }, { replace: false }]);
    await page.getByLabelText('Before').fill('2026-05-31');
    await expect.poll(() => onChange.mock.lastCall?.[0]).toEqual({ after: new Date(2026, 4, 1).toISOString(), before: new Date(2026, 4, 31).toISOString() });
  });

  it('shows each active filter as a chip that removes it, and Clear filters removes them all', async () => {
    const { onChange, onClear } = await renderBar({ filters: { view: 'archived', provider: 'WHATSAPP', unread: false, muted: false, q: 'ops' } });
    for (const label of ['Archived', 'WhatsApp', 'Read', 'Not muted', '“ops”']) await expect.element(chip(label)).toBeVisible();
    await chip('WhatsApp').click();
    expect(onChange).toHaveBeenLastCalledWith({ view: 'archived', provider: undefined, unread: false, muted: false, q: 'ops' }, { replace: false });
    await expect.element(chip('WhatsApp')).not.toBeInTheDocument();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(onClear).toHaveBeenCalledOnce();
    await expect.element(page.getByRole('button', { name: /^Remove filter/ })).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('says which values of the link it ignored, until dismissed', async () => {
    await renderBar({ invalid: [{ name: 'unread', raw: 'maybe' }] });
    const notice = page.getByRole('status').filter({ hasText: 'Ignored an invalid filter in the link: unread=maybe' });
    await expect.element(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss notice' }).click();
    await expect.element(notice).not.toBeInTheDocument();
  });

  it('folds the filters behind a Filters button on a narrow screen', async () => {
    await page.viewport(390, 800);
    await renderBar({ filters: { unread: true } });
    const toggle = page.getByRole('button', { name: /^Filters/ });
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'false');
    // Hidden (display: none), so out of the accessibility tree.
    await expect.element(select('Provider')).not.toBeInTheDocument();
    await toggle.click();
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect.element(select('Provider')).toBeVisible();
  });
});
