import { QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
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
const simulator: AppConfig = {
  backend: { kind: 'simulator', host: '' },
  backends: [{ kind: 'unipile', label: 'Unipile', host: 'embedded simulator', simulated: true }],
  auth: { required: false },
};
const unipile: AppConfig = {
  backend: { kind: 'unipile', host: 'api8.unipile.com:13851' },
  backends: [{ kind: 'unipile', label: 'Unipile', host: 'api8.unipile.com:13851', simulated: false }],
  auth: { required: false },
};
const merged: AppConfig = {
  backend: { kind: 'merged', host: '' },
  backends: [...unipile.backends, { kind: 'periskope', label: 'Periskope', host: 'api.periskope.app', simulated: false }],
  auth: { required: false },
};

/** The header and the composer, given their reasons as the chat pane gives them. */
async function renderChat(chat: InboxChat, account: Account, config: AppConfig = simulator) {
  const queryClient = createQueryClient({ onSignInRequired: () => {} });
  queryClient.setQueryData(appConfigKeys.all, config);
  const onAction = vi.fn();
  const triage = triageBlockReason(chat, account, config.backends);
  const reply = replyBlockReason(chat, account, config.backends);
  await render(
    <QueryClientProvider client={queryClient}>
      <ChatHeader
        chat={chat}
        account={account}
        now={NOW}
        avatar={{ name: chat.displayName, colorSeed: chat.id, pictureSrc: null }}
        blockedReason={triage}
        blockedReasonId="blocked-reason"
        backends={config.backends}
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

describe('a chat whose backend cannot do some actions', () => {
  const chat = makeChat('periskope~4915112345678@c.us', { unreadCount: 0 });

  it('leaves them focusable but unavailable, each saying why in its tooltip, and never acts on them', async () => {
    const { onAction } = await renderChat(chat, connected, merged);
    for (const [name, reason] of [
      ['Mark as unread', 'Periskope cannot mark a chat unread.'],
      ['Mute', 'Periskope has no way to mute a chat.'],
      ['Archive', 'Periskope has no way to archive a chat.'],
      ['Pin', 'Periskope has no way to pin a chat.'],
    ] as const) {
      const button = actions().getByRole('button', { name, exact: true });
      await expect.element(button).toHaveAttribute('aria-disabled', 'true');
      await expect.element(button).toHaveAccessibleDescription(reason);
      await button.click({ force: true });
    }
    expect(onAction).not.toHaveBeenCalled();
    // Reached with the keyboard, the reason shows (the tooltip is its only place on screen).
    (actions().getByRole('button', { name: 'Mute', exact: true }).element() as HTMLElement).focus();
    await userEvent.tab();
    await expect.element(actions().getByRole('button', { name: 'Archive', exact: true })).toHaveFocus();
    await expect.element(page.getByText('Periskope has no way to archive a chat.', { exact: true })).toBeVisible();
    // The reply is the backend's to do, and the header says no blanket reason.
    await expect.element(reply()).toBeEnabled();
    await expect.element(page.getByRole('banner').getByText(/disconnected/)).not.toBeInTheDocument();
  });

  it('keeps what the backend offers: an unread Periskope chat can be marked read', async () => {
    const { onAction } = await renderChat({ ...chat, unreadCount: 3 }, connected, merged);
    const read = actions().getByRole('button', { name: 'Mark as read', exact: true });
    await expect.element(read).not.toHaveAttribute('aria-disabled');
    await expect.element(read).toHaveAccessibleDescription('Mark as read (u)');
    await read.click();
    expect(onAction).toHaveBeenCalledWith({ kind: 'read', value: true });
  });

  it('gives a Unipile chat of the same merged inbox every action', async () => {
    const { onAction } = await renderChat(makeChat('unipile~c10'), connected, merged);
    const archive = actions().getByRole('button', { name: 'Archive', exact: true });
    await expect.element(archive).not.toHaveAttribute('aria-disabled');
    await archive.click();
    expect(onAction).toHaveBeenCalledWith({ kind: 'archive', value: true });
  });

  it('offers the reconnect link only for a chat Unipile itself serves', async () => {
    await renderChat(makeChat('unipile~c11', { provider: 'LINKEDIN' }), disconnected, merged);
    await expect.element(page.getByRole('link', { name: /^Reconnect in Unipile/ })).toBeVisible();
  });

  it('names Periskope’s dashboard, with no link, for its disconnected chat', async () => {
    await renderChat(makeChat('periskope~1@c.us'), disconnected, merged);
    await expect.element(page.getByText(/reconnect it in your Periskope dashboard to act on this chat\.$/)).toBeVisible();
    await expect.element(page.getByRole('link', { name: /Reconnect/ })).not.toBeInTheDocument();
  });
});
