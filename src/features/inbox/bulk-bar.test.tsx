import { QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { appConfigKeys, type AppConfig } from '@/lib/app-config';
import { makeChat } from '@/lib/chats/inbox-chat.fixture';
import { createQueryClient } from '@/lib/query-client';
import { BulkBar } from './bulk-bar';

const merged: AppConfig = {
  backend: { kind: 'merged', host: '' },
  backends: [
    { kind: 'unipile', label: 'Unipile', host: 'api8.unipile.com:13851', simulated: false },
    { kind: 'periskope', label: 'Periskope', host: 'api.periskope.app', simulated: false },
  ],
  auth: { required: false },
};

const CHATS = [makeChat('periskope~1@c.us'), makeChat('periskope~2@c.us'), makeChat('unipile~3')];

async function renderBar(picked: string[]) {
  const queryClient = createQueryClient({ onSignInRequired: () => {} });
  queryClient.setQueryData(appConfigKeys.all, merged);
  const onAction = vi.fn();
  await render(
    <QueryClientProvider client={queryClient}>
      <BulkBar headingId="bulk" chats={CHATS} picked={new Set(picked)} onAction={onAction} />
    </QueryClientProvider>,
  );
  return { onAction };
}

const button = (name: string) => page.getByRole('button', { name, exact: true });

describe('the bulk bar on chats whose backend cannot do some actions', () => {
  it('makes an action none of the picked chats can have unavailable, saying why, and never runs it', async () => {
    const { onAction } = await renderBar(['periskope~1@c.us', 'periskope~2@c.us']);
    await expect.element(button('Archive')).toHaveAttribute('aria-disabled', 'true');
    await expect.element(button('Archive')).toHaveAccessibleDescription('Periskope has no way to archive a chat.');
    await expect.element(button('Mark unread')).toHaveAccessibleDescription('Periskope cannot mark a chat unread.');
    // A person can still press it (it stays focusable): nothing happens.
    await button('Archive').click({ force: true });
    await button('Pin').click({ force: true });
    expect(onAction).not.toHaveBeenCalled();
    // What Periskope offers stays.
    await expect.element(button('Mark read')).not.toHaveAttribute('aria-disabled');
    await button('Mark read').click();
    expect(onAction).toHaveBeenCalledWith('read', true);
  });

  it('leaves an action available when some picked chat can have it (the server refuses the rest)', async () => {
    const { onAction } = await renderBar(['periskope~1@c.us', 'unipile~3']);
    await expect.element(button('Archive')).not.toHaveAttribute('aria-disabled');
    await expect.element(button('Archive')).toHaveAccessibleDescription('Archive (e)');
    await button('Archive').click();
    expect(onAction).toHaveBeenCalledWith('archive');
  });
});
