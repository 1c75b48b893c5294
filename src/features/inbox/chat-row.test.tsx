import { describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { Account } from '@/lib/accounts';
import { makeChat } from '@/lib/chats/inbox-chat.fixture';
import type { InboxChat } from '@/lib/chats/model';
import type { Density } from '@/lib/density';
import { timeFormat } from '@/lib/time-format';
import { ChatRow } from './chat-row';

const NOW = Date.parse('2026-05-17T12:00:00.000Z');
const work: Account = { id: 'acc', name: 'Work', provider: 'WHATSAPP', identity: null, status: 'OK' };

interface RowOptions {
  account?: Account | undefined;
  selected?: boolean;
  density?: Density;
  onActivate?: (chatId: string) => void;
}

function renderRow(chat: InboxChat, options: RowOptions = {}) {
  const { selected = false, density = 'comfortable', onActivate = vi.fn() } = options;
  // An explicit `account: undefined` is the case of an account the list does not know.
  const account = 'account' in options ? options.account : work;
  return render(
    <div role="listbox" aria-label="Chats" className="relative h-40 w-[600px]">
      <ChatRow chat={chat} account={account} index={0} setSize={1} start={0} density={density} selected={selected} cursor={selected} picked={false} now={NOW} timeStyle="relative" onActivate={onActivate} />
    </div>,
  );
}

const row = () => page.getByRole('option');

describe('ChatRow', () => {
  it('says who, where from and that it is read, in its accessible name, and shows the name', async () => {
    await renderRow(makeChat('c1', { displayName: 'Ada Lovelace', lastActivityAt: NOW - 5 * 60_000 }));
    await expect.element(page.getByRole('option', { name: 'Ada Lovelace, WhatsApp, account Work, read,' })).toBeVisible();
    await expect.element(row()).toHaveTextContent('Ada Lovelace');
    await expect.element(row()).toHaveAccessibleName(`Ada Lovelace, WhatsApp, account Work, read, last activity ${timeFormat.absolute(NOW - 5 * 60_000)}`);
  });

  // Each state a row shows as an icon or a badge, and the words its accessible name says for it.
  it.each<[string, Partial<InboxChat>, RegExp]>([
    ['an unread count', { unreadCount: 3 }, /, 3 unread,/],
    ['a large unread count', { unreadCount: 1234 }, /, 1,234 unread,/],
    ['pinned', { pinned: true }, /, pinned,/],
    ['muted for good', { mute: { kind: 'forever' } }, /, muted,/],
    ['muted until a time', { mute: { kind: 'until', until: NOW + 3_600_000 } }, new RegExp(`, muted until ${timeFormat.absolute(NOW + 3_600_000)},`)],
    ['archived', { archived: true }, /, archived,/],
    ['read-only', { readOnly: 'read_only' }, /, read-only,/],
    ['locked', { readOnly: 'locked' }, /, locked,/],
    ['a group', { kind: 'group' }, /^c1, group, WhatsApp,/],
    ['a broadcast', { kind: 'broadcast' }, /^c1, broadcast, WhatsApp,/],
    ['a LinkedIn InMail with a subject', { provider: 'LINKEDIN', contentType: 'inmail', subject: 'Your application' }, /, LinkedIn, .*, InMail, subject: Your application,/],
    ['one folder', { folders: ['INBOX', 'INBOX_LINKEDIN_RECRUITER'] }, /, folder Recruiter,/],
    ['several folders', { folders: ['INBOX_LINKEDIN_RECRUITER', 'Clients'] }, /, folders Recruiter and Clients,/],
    ['no activity yet', { lastActivityAt: null }, /, no activity yet$/],
  ])('says %s in words', async (_state, extra, words) => {
    await renderRow(makeChat('c1', { lastActivityAt: NOW, ...extra }));
    await expect.element(row()).toHaveAccessibleName(words);
  });

  it('says nothing of states the chat is not in', async () => {
    await renderRow(makeChat('c1', { lastActivityAt: NOW }));
    await expect.element(row()).not.toHaveAccessibleName(/unread|pinned|muted|archived|read-only|locked|group|broadcast|folder|InMail|subject/);
  });

  it('shows the states as icons with tooltips, hidden from assistive technology', async () => {
    await renderRow(makeChat('c1', { pinned: true, mute: { kind: 'forever' }, readOnly: 'read_only', kind: 'group', folders: ['A', 'B', 'C'] }));
    for (const title of ['Pinned', 'Muted', 'Read-only', 'Group']) {
      await expect.element(page.getByTitle(title, { exact: true })).toBeVisible();
    }
    // One folder chip is shown; the others are counted, and all named in the tooltip.
    await expect.element(page.getByTitle('A, B, C')).toBeVisible();
    await expect.element(row()).toHaveAccessibleName(/, folders A and B and C,/);
  });

  it('names an account that needs reconnecting, in words and in a tooltip', async () => {
    await renderRow(makeChat('c1'), { account: { ...work, status: 'CREDENTIALS' } });
    await expect.element(row()).toHaveAccessibleName(/, account Work, account disconnected, /);
    await expect.element(page.getByTitle('Disconnected: reconnect needed')).toBeVisible();
  });

  it('falls back to the provider name when the account is unknown', async () => {
    await renderRow(makeChat('c1', { provider: 'SLACK' }), { account: undefined });
    await expect.element(row()).toHaveAccessibleName(/^c1, Slack, read,/);
  });

  it('is selected only when told, and opens its chat on click', async () => {
    const onActivate = vi.fn();
    const { rerender } = await renderRow(makeChat('c1'), { onActivate });
    await expect.element(page.getByRole('option', { selected: false })).toBeVisible();
    await row().click();
    expect(onActivate).toHaveBeenCalledExactlyOnceWith('c1', 'open');
    await rerender(
      <div role="listbox" aria-label="Chats" className="relative h-40 w-[600px]">
        <ChatRow chat={makeChat('c1')} account={work} index={0} setSize={1} start={0} density="comfortable" selected cursor picked={false} now={NOW} timeStyle="relative" onActivate={onActivate} />
      </div>,
    );
    await expect.element(page.getByRole('option', { selected: true })).toBeVisible();
  });

  it('is as tall as its density says', async () => {
    await renderRow(makeChat('c1'), { density: 'compact' });
    expect(row().element().getBoundingClientRect().height).toBe(52);
  });
});
