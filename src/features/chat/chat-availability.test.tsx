import { QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { Account } from '@/lib/accounts';
import { appConfigKeys, type AppConfig } from '@/lib/app-config';
import { makeChat } from '@/lib/chats/inbox-chat.fixture';
import type { InboxChat } from '@/lib/chats/model';
import { createQueryClient } from '@/lib/query-client';
import { replyBlockReason, triageBlockReason } from './availability';
import { ChatHeader } from './chat-header';
import { Composer } from './composer';

const NOW = Date.parse('2026-05-17T12:00:00.000Z');
const connected: Account = { id: 'acc', name: 'Work', provider: 'WHATSAPP', identity: null, status: 'OK' };
const disconnected: Account = { ...connected, name: 'Recruiting', provider: 'LINKEDIN', status: 'CREDENTIALS' };
const simulator: AppConfig = { backend: { kind: 'simulator', host: '' }, auth: { required: false } };
const unipile: AppConfig = { backend: { kind: 'unipile', host: 'api8.unipile.com:13851' }, auth: { required: false } };

/** The header and the composer, given their reasons as the chat pane gives them. */
async function renderChat(chat: InboxChat, account: Account, config: AppConfig = simulator) {
  const queryClient = createQueryClient({ onSignInRequired: () => {} });
  queryClient.setQueryData(appConfigKeys.all, config);
  const onAction = vi.fn();
  const triage = triageBlockReason(chat, account);
  const reply = replyBlockReason(chat, account);
  await render(
    <QueryClientProvider client={queryClient}>
      <ChatHeader
        chat={chat}
        account={account}
        now={NOW}
        avatar={{ name: chat.displayName, colorSeed: chat.id, pictureSrc: null }}
        blockedReason={triage}
        blockedReasonId="blocked-reason"
        backHref="/"
        onBack={() => {}}
        onAction={onAction}
        attendeesOpen={false}
        attendeesPanelId="attendees"
        onToggleAttendees={() => {}}
      />
      <Composer chat={chat} blockedReason={reply} blockedReasonShownBy={reply !== null && reply === triage ? 'blocked-reason' : undefined} />
    </QueryClientProvider>,
  );
  return { onAction };
}

const actions = () => page.getByRole('group', { name: 'Chat actions' });
const reply = () => page.getByRole('textbox', { name: 'Reply' });

describe('a read-only or locked chat', () => {
  it.each([
    ['read-only', 'read_only', 'This chat is read-only: replies cannot be sent to it.'],
    ['locked', 'locked', 'This chat is locked by WhatsApp: replies cannot be sent to it.'],
  ] as const)('(%s) keeps read, mute, archive and pin, and says once, by the reply box, why replying is not', async (_name, readOnly, reason) => {
    const { onAction } = await renderChat(makeChat('c1', { readOnly, unreadCount: 2 }), connected);
    for (const name of ['Mark as read', 'Mute', 'Archive', 'Pin']) {
      await expect.element(actions().getByRole('button', { name, exact: true })).toBeEnabled();
    }
    await actions().getByRole('button', { name: 'Mute', exact: true }).click();
    expect(onAction).toHaveBeenCalledWith({ kind: 'mute', value: true });

    await expect.element(reply()).toBeDisabled();
    await expect.element(reply()).toHaveAccessibleDescription(reason);
    await expect.element(page.getByRole('button', { name: 'Send' })).toBeDisabled();
    // Said once: the composer's words, nothing in the header but its state badge.
    expect(page.getByText(reason, { exact: true }).elements()).toHaveLength(1);
    await expect.element(page.getByRole('banner').getByText(/replies cannot|cannot be changed/)).not.toBeInTheDocument();
    await expect.element(page.getByRole('list', { name: 'Chat state' }).getByText(readOnly === 'locked' ? 'Locked' : 'Read-only', { exact: true })).toBeVisible();
  });
});

describe('a chat of a disconnected account', () => {
  const reason = 'The LinkedIn account “Recruiting” is disconnected: reconnect it in your Unipile dashboard to act on this chat.';
  const chat = makeChat('c2', { provider: 'LINKEDIN', accountId: 'acc', readOnly: 'read_only' });

  it('disables every action and the reply, each described by the one reason in the header', async () => {
    const { onAction } = await renderChat(chat, disconnected);
    for (const name of ['Mark as unread', 'Mute', 'Archive', 'Pin']) {
      const button = actions().getByRole('button', { name, exact: true });
      await expect.element(button).toBeDisabled();
      await expect.element(button).toHaveAccessibleDescription(reason);
    }
    await expect.element(reply()).toBeDisabled();
    await expect.element(reply()).toHaveAccessibleDescription(reason);
    expect(page.getByText(reason, { exact: true }).elements()).toHaveLength(1);
    // Neither the composer's read-only words nor a second notice.
    await expect.element(page.getByText('This chat is read-only: replies cannot be sent to it.')).not.toBeInTheDocument();
    expect(onAction).not.toHaveBeenCalled();
  });

  it('links to the Unipile dashboard, in a new tab without a referrer, when the server talks to Unipile', async () => {
    await renderChat(chat, disconnected, unipile);
    const link = page.getByRole('link', { name: /^Reconnect in Unipile/ });
    await expect.element(link).toHaveAttribute('href', 'https://dashboard.unipile.com');
    await expect.element(link).toHaveAttribute('target', '_blank');
    await expect.element(link).toHaveAttribute('rel', 'noreferrer');
    // The link is beside the reason, not part of what describes the disabled controls.
    await expect.element(reply()).toHaveAccessibleDescription(reason);
  });

  it('says what to do in plain words, with no link, on the simulator', async () => {
    await renderChat(chat, disconnected, simulator);
    await expect.element(page.getByText(reason, { exact: true })).toBeVisible();
    await expect.element(page.getByRole('link', { name: /Reconnect/ })).not.toBeInTheDocument();
  });
});

describe('a writable chat of a connected account', () => {
  it('shows no notice and lets everything be used', async () => {
    await renderChat(makeChat('c3'), connected);
    await expect.element(actions().getByRole('button', { name: 'Archive', exact: true })).toBeEnabled();
    await expect.element(reply()).toBeEnabled();
    await expect.element(reply()).not.toHaveAccessibleDescription(/./);
    await expect.element(page.getByText(/cannot|disconnected/)).not.toBeInTheDocument();
  });
});
