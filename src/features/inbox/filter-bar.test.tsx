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
  /** The pane's width in px (the list pane beside a chat is 420 px); the window's by default. */
  width?: number;
}

/** The bar over filters held as the app holds them (in the URL): each change is recorded, then shown. */
async function renderBar({ filters = {}, accountIds = [], accountsById = WHATSAPP_AND_LINKEDIN, chats = [], invalid = [], width }: Setup = {}) {
  const onChange = vi.fn<FiltersChange>();
  const onClear = vi.fn<() => void>();
  const onLeaveSearch = vi.fn<() => void>();
  function Harness() {
    const [current, setCurrent] = useState(filters);
    return (
      <div data-testid="pane" style={{ width }}>
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
      </div>
    );
  }
  await render(<Harness />);
  return { onChange, onClear, onLeaveSearch };
}

const select = (name: string) => page.getByRole('combobox', { name, exact: true });
const searchBox = () => page.getByRole('searchbox', { name: 'Search chats' });
const moreButton = () => page.getByRole('button', { name: /^More filters/ });
const rect = (element: Element) => element.getBoundingClientRect();
/** The control a select is drawn in: the pill that shows it highlighted when its filter is on. */
const pill = (name: string) => select(name).element().parentElement!;
/** The words a select's pill shows for its choice. */
const face = (name: string) => pill(name).querySelector('span')?.textContent;

async function openMore() {
  await moreButton().click();
  await expect.element(moreButton()).toHaveAttribute('aria-expanded', 'true');
}

afterEach(async () => {
  await page.viewport(1280, 800);
});

describe('FilterBar', () => {
  it.each<[string, string, ChatFilters, boolean]>([
    ['Provider', 'LINKEDIN', { provider: 'LINKEDIN' }, false],
    ['Read state', 'true', { unread: true }, false],
    ['Read state', 'false', { unread: false }, false],
    ['Folder', 'INBOX_LINKEDIN_RECRUITER', { folder: 'INBOX_LINKEDIN_RECRUITER' }, true],
    ['View', 'archived', { view: 'archived' }, true],
    ['View', 'all', { view: 'all' }, true],
    ['Pinned', 'true', { pinned: true }, true],
    ['Muted', 'true', { muted: true }, true],
    ['Muted', 'false', { muted: false }, true],
  ])('%s = %s changes the filters to %o, as a new step in history', async (name, value, expected, behindMore) => {
    const { onChange } = await renderBar();
    if (behindMore) {
      // The rarer filters are out of sight (display: none) until "More filters" is opened.
      await expect.element(select(name)).not.toBeInTheDocument();
      await openMore();
    }
    await select(name).selectOptions(value);
    expect(onChange).toHaveBeenCalledExactlyOnceWith(expected, { replace: false });
    await expect.element(select(name)).toHaveValue(value);
  });

  it('sets a select back to "all" by removing its filter', async () => {
    const { onChange } = await renderBar({ filters: { provider: 'WHATSAPP', unread: true } });
    await select('Provider').selectOptions('All providers');
    expect(onChange).toHaveBeenLastCalledWith({ provider: undefined, unread: true }, { replace: false });
    await expect.element(select('Provider')).toHaveValue('');
    await expect.element(select('Read state')).toHaveValue('true');
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
    await openMore();
    const folders = select('Folder').getByRole('option');
    await expect.element(folders).toHaveLength(3);
    expect(folders.all().map((option) => option.element().textContent)).toEqual(['All folders', 'Inbox', 'Clients']);
    await expect.element(select('Provider').getByRole('option')).toHaveLength(2);
  });

  it('shows each active filter once, as its highlighted control, never also as a chip', async () => {
    await renderBar({ filters: { provider: 'WHATSAPP', unread: false, pinned: true, muted: false, q: 'ops' } });
    await expect.element(searchBox()).toHaveValue('ops');
    await expect.element(page.getByRole('button', { name: /^Remove filter/ })).not.toBeInTheDocument();
    expect(pill('Provider').dataset.active).toBe('true');
    expect(face('Read state')).toBe('Read');
    // The rarer ones are counted on their button, and highlighted inside.
    await expect.element(moreButton()).toHaveAccessibleName('More filters, 2 active');
    await openMore();
    for (const name of ['Pinned', 'Muted']) expect(pill(name).dataset.active).toBe('true');
    for (const name of ['View', 'Folder']) expect(pill(name).dataset.active).toBe('false');
    expect(face('Muted')).toBe('Not muted');
  });

  it('fits one row in the 420 px list pane, and setting filters never changes its height', async () => {
    await renderBar({ width: 420 });
    const pane = page.getByTestId('pane').element();
    const height = rect(pane).height;
    // One row of 32 px controls and its padding: no second row for chips.
    expect(height).toBeLessThanOrEqual(50);
    const sameRow = () => {
      const tops = [searchBox().element(), pill('Provider'), pill('Read state'), moreButton().element()].map((e) => rect(e).top + rect(e).height / 2);
      return Math.max(...tops) - Math.min(...tops);
    };
    expect(sameRow()).toBeLessThanOrEqual(2);
    await select('Provider').selectOptions('WHATSAPP');
    await select('Read state').selectOptions('true');
    await openMore();
    await select('Pinned').selectOptions('true');
    await page.getByLabelText('Since').fill('2026-05-01');
    await expect.poll(() => moreButton().element().getAttribute('aria-label')).toBe('More filters, 2 active');
    expect(rect(pane).height).toBe(height);
    expect(sameRow()).toBeLessThanOrEqual(2);
    // Nothing spills out of the pane either.
    expect(rect(moreButton().element()).right).toBeLessThanOrEqual(rect(pane).right);
    expect(rect(searchBox().element()).width).toBeGreaterThanOrEqual(80);
  });

  it('"More filters" is keyboard-usable: Tab moves through it, Esc closes it and gives focus back to its button', async () => {
    await renderBar();
    const more = moreButton();
    await expect.element(more).toHaveAttribute('aria-expanded', 'false');
    await more.click();
    await expect.element(more).toHaveAttribute('aria-expanded', 'true');
    await userEvent.tab();
    await expect.element(select('View')).toHaveFocus();
    await userEvent.tab();
    await expect.element(select('Folder')).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect.element(more).toHaveAttribute('aria-expanded', 'false');
    await expect.element(more).toHaveFocus();
    await expect.element(select('View')).not.toBeInTheDocument();
    // Enter opens it again; Shift+Tab out of it (back past the button) closes it.
    await userEvent.keyboard('{Enter}');
    await expect.element(more).toHaveAttribute('aria-expanded', 'true');
    await userEvent.tab({ shift: true });
    await expect.element(more).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes "More filters" on a click outside it, not on one inside it', async () => {
    await renderBar();
    await openMore();
    await page.getByText('Last activity').click();
    await expect.element(moreButton()).toHaveAttribute('aria-expanded', 'true');
    await searchBox().click();
    await expect.element(moreButton()).toHaveAttribute('aria-expanded', 'false');
  });

  it('searches once typing pauses, then refines the same history step', async () => {
    const { onChange } = await renderBar();
    const search = searchBox();
    await search.fill('ada');
    // Not on every keystroke: the list waits for a pause.
    expect(onChange).not.toHaveBeenCalled();
    await expect.poll(() => onChange.mock.calls).toEqual([[{ q: 'ada' }, { replace: false }]]);
    await search.fill('ada lovelace ');
    await expect.poll(() => onChange.mock.lastCall).toEqual([{ q: 'ada lovelace' }, { replace: true }]);
  });

  it('takes a "/" pressed before the bar arrived: the box has focus once it mounts', async () => {
    expect(focusSearch()).toBe(true);
    await renderBar();
    await expect.element(searchBox()).toHaveFocus();
    await expect.element(searchBox()).toHaveValue('');
  });

  it('Enter or ↓ in the box searches now and goes to the results; Esc empties it and goes back to the list', async () => {
    const { onChange, onLeaveSearch } = await renderBar();
    const search = searchBox();
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

  it('filters from the start of the day chosen, and removes a date with its own button', async () => {
    const { onChange } = await renderBar();
    await openMore();
    await page.getByLabelText('Since').fill('2026-05-01');
    await expect.poll(() => onChange.mock.lastCall).toEqual([{ after: new Date(2026, 4, 1).toISOString() }, { replace: false }]);
    await page.getByLabelText('Before').fill('2026-05-31');
    await expect.poll(() => onChange.mock.lastCall?.[0]).toEqual({ after: new Date(2026, 4, 1).toISOString(), before: new Date(2026, 4, 31).toISOString() });
    await expect.element(page.getByRole('group', { name: 'Last activity' })).toBeVisible();
    await page.getByRole('button', { name: 'Remove filter: Since' }).click();
    expect(onChange).toHaveBeenLastCalledWith({ after: undefined, before: new Date(2026, 4, 31).toISOString() }, { replace: false });
    await expect.element(page.getByLabelText('Since')).toHaveValue('');
    await expect.element(page.getByLabelText('Since')).toHaveFocus();
    await expect.element(page.getByRole('button', { name: 'Remove filter: Since' })).not.toBeInTheDocument();
  });

  it('Clear filters, in "More filters" while any filter is on, removes them all and closes it', async () => {
    const { onClear } = await renderBar({ filters: { view: 'archived', provider: 'WHATSAPP', q: 'ops' } });
    await openMore();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(onClear).toHaveBeenCalledOnce();
    await expect.element(moreButton()).toHaveAttribute('aria-expanded', 'false');
    await expect.element(moreButton()).toHaveFocus();
    await expect.element(select('Provider')).toHaveValue('');
    await expect.element(searchBox()).toHaveValue('');
    await openMore();
    await expect.element(page.getByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('says which values of the link it ignored, until dismissed', async () => {
    await renderBar({ invalid: [{ name: 'unread', raw: 'maybe' }] });
    const notice = page.getByRole('status').filter({ hasText: 'Ignored an invalid filter in the link: unread=maybe' });
    await expect.element(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss notice' }).click();
    await expect.element(notice).not.toBeInTheDocument();
  });

  it('folds every filter behind one Filters button, with the active count, on a narrow screen', async () => {
    await page.viewport(390, 800);
    await renderBar({ filters: { unread: true, pinned: true, q: 'ada' } });
    // The search shows in its box, so the button counts the other two.
    const toggle = page.getByRole('button', { name: /^Filters/ });
    await expect.element(toggle).toHaveAccessibleName('Filters, 2 active');
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'false');
    // Hidden (display: none), so out of the accessibility tree.
    await expect.element(select('Provider')).not.toBeInTheDocument();
    await toggle.click();
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'true');
    // Everything at once, the rarer filters included, without a "More" step.
    for (const name of ['Provider', 'Read state', 'View', 'Pinned']) await expect.element(select(name)).toBeVisible();
    await expect.element(moreButton()).not.toBeInTheDocument();
    await select('View').selectOptions('archived');
    await expect.element(toggle).toHaveAccessibleName('Filters, 3 active');
    // Focus back on the button (fold, unfold), then Tab into the panel: Esc there folds it.
    await toggle.click();
    await toggle.click();
    await userEvent.tab();
    await expect.element(select('Provider')).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect.element(toggle).toHaveFocus();
  });
});
