import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import CommandPalette, { type PaletteChat, type PaletteCommand } from './index';

const dialog = () => page.getByRole('dialog', { name: 'Command palette', exact: true });
const input = () => page.getByRole('combobox', { name: 'Type a command or a chat name' });
const option = (name: string | RegExp) => page.getByRole('option', { name, exact: typeof name === 'string' });
const opener = () => page.getByRole('button', { name: 'Open palette' });
/** The text of each option shown, without its shortcut keys. */
const shown = () => page.getByRole('option').elements().map((o) => o.querySelector('span')?.textContent);

const CHATS: PaletteChat[] = [
  { id: 'c1', name: 'Zoë Martin', detail: 'WhatsApp · Sales' },
  { id: 'c2', name: 'Board of directors', detail: 'Slack · Acme' },
  { id: 'c3', name: 'Zoltan Kovacs', detail: 'LinkedIn · Recruiting' },
];

interface Setup {
  chats?: readonly PaletteChat[];
  commands?: readonly PaletteCommand[];
}

/** The palette behind a button, opened and closed as the app does it; `log` records the order of the calls. */
async function openPalette({ chats = CHATS, commands }: Setup = {}) {
  const log: string[] = [];
  const run = (id: string) => vi.fn(() => void log.push(`run ${id} (focus on ${document.activeElement?.textContent ?? 'nothing'})`));
  const list = commands ?? [
    { id: 'archive', label: 'Archive', group: 'Actions', keys: ['e'], run: run('archive') },
    { id: 'pin', label: 'Pin', group: 'Actions', keys: ['p'], disabled: true, run: run('pin') },
    { id: 'extend', label: 'Extend the selection down', group: 'Actions', keys: ['Shift+j', 'Shift+ArrowDown'], run: run('extend') },
    { id: 'archived', label: 'Archived', group: 'Views', run: run('archived') },
    { id: 'unread', label: 'Unread', group: 'Filters', keywords: ['new'], run: run('unread') },
    { id: 'settings', label: 'Settings', group: 'App', keys: [','], run: run('settings') },
    { id: 'palette', label: 'Command palette', group: 'App', keys: ['Mod+k'], run: run('palette') },
  ] satisfies PaletteCommand[];
  const onOpenChat = vi.fn((id: string) => void log.push(`open ${id}`));
  const onClose = vi.fn(() => void log.push('close'));
  function Harness() {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          Open palette
        </button>
        <CommandPalette
          open={open}
          onClose={() => {
            onClose();
            setOpen(false);
          }}
          chats={chats}
          onOpenChat={onOpenChat}
          commands={list}
        />
      </>
    );
  }
  await render(<Harness />);
  await opener().click();
  await expect.element(input()).toHaveFocus();
  return { log, onOpenChat, onClose, commands: list };
}

describe('CommandPalette', () => {
  it('opens as a modal dialog named "Command palette" with focus in its input; Esc closes it and focus goes back', async () => {
    const { onClose } = await openPalette();
    await expect.element(dialog()).toBeVisible();
    expect(document.querySelector('dialog:modal')).toBe(dialog().element());
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog()).not.toBeInTheDocument();
    expect(onClose).toHaveBeenCalled();
    await expect.element(opener()).toHaveFocus();
  });

  it('lists the commands first, by group, with the first few chats below, and the first command highlighted', async () => {
    await openPalette();
    expect(shown().slice(0, 3)).toEqual(['Archive', 'Pin', 'Extend the selection down']);
    expect(shown().slice(-3)).toEqual(['Zoë MartinWhatsApp · Sales', 'Board of directorsSlack · Acme', 'Zoltan KovacsLinkedIn · Recruiting']);
    await expect.element(option('Archive')).toHaveAttribute('aria-selected', 'true');
  });

  it('shows each shortcut as the "?" dialog writes it, and names it to assistive technology', async () => {
    await openPalette();
    const kbds = (name: string) => [...option(name).element().querySelectorAll('kbd')].map((k) => k.textContent);
    expect(kbds('Archive')).toEqual(['e']);
    expect(kbds('Extend the selection down')).toEqual(['Shift j', 'Shift ↓']);
    expect(kbds('Command palette')).toEqual(['Ctrl/⌘ k']);
    await expect.element(option('Command palette')).toHaveAttribute('aria-keyshortcuts', 'Control+k Meta+k');
    await expect.element(option('Archived')).not.toHaveAttribute('aria-keyshortcuts');
  });

  it('typing filters chats by name, ignoring case and accents, and commands by their words', async () => {
    await openPalette();
    await userEvent.keyboard('zoe');
    await expect.element(option(/Zoë Martin/)).toBeVisible();
    await expect.element(option(/Zoltan/)).not.toBeInTheDocument();
    await expect.element(option(/Board/)).not.toBeInTheDocument();
    await expect.element(option('Archive')).not.toBeInTheDocument();
    await userEvent.clear(input());
    await userEvent.type(input(), 'NEW');
    expect(shown()).toEqual(['Unread']);
    await userEvent.clear(input());
    await userEvent.type(input(), 'nobody here');
    await expect.element(page.getByText('No command or chat matches “nobody here”.')).toBeVisible();
  });

  it('Enter on a chat opens it, then closes the palette', async () => {
    const { onOpenChat, log } = await openPalette();
    await userEvent.keyboard('zo');
    await expect.element(option(/Zoë Martin/)).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(option(/Zoltan/)).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');
    await expect.element(dialog()).not.toBeInTheDocument();
    expect(onOpenChat).toHaveBeenCalledExactlyOnceWith('c3');
    expect(log.slice(0, 2)).toEqual(['open c3', 'close']);
  });

  it('a command closes the palette and then runs, with focus already back where it was', async () => {
    const { commands, log } = await openPalette();
    await userEvent.keyboard('arch');
    expect(shown()).toEqual(['Archive', 'Archived']);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await expect.element(dialog()).not.toBeInTheDocument();
    await expect.poll(() => commands.find((c) => c.id === 'archived')?.run).toHaveBeenCalledTimes(1);
    expect(log).toEqual(['close', 'run archived (focus on Open palette)']);
    expect(commands.find((c) => c.id === 'archive')?.run).not.toHaveBeenCalled();
  });

  it('a click on a command runs it too', async () => {
    const { commands } = await openPalette();
    await option('Settings').click();
    await expect.element(dialog()).not.toBeInTheDocument();
    await expect.poll(() => commands.find((c) => c.id === 'settings')?.run).toHaveBeenCalledTimes(1);
  });

  it('a disabled command is shown but never runs: the arrows skip it, Enter and a click do nothing', async () => {
    const { commands, onClose } = await openPalette();
    const pin = option('Pin');
    await expect.element(pin).toHaveAttribute('aria-disabled', 'true');
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(option('Extend the selection down')).toHaveAttribute('aria-selected', 'true');
    // Playwright would wait for an aria-disabled option to become enabled: a person's click lands anyway.
    await pin.click({ force: true });
    await userEvent.type(input(), 'pin');
    await expect.element(pin).toBeVisible();
    await userEvent.keyboard('{Enter}');
    await expect.element(dialog()).toBeVisible();
    expect(commands.find((c) => c.id === 'pin')?.run).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('Ctrl+K closes it again (the page behind a modal does not hear it)', async () => {
    const { commands } = await openPalette();
    await userEvent.keyboard('{Control>}k{/Control}');
    await expect.element(dialog()).not.toBeInTheDocument();
    await expect.element(opener()).toHaveFocus();
    expect(commands.find((c) => c.id === 'palette')?.run).not.toHaveBeenCalled();
  });

  it('starts from an empty query each time it opens', async () => {
    await openPalette();
    await userEvent.keyboard('zoe{Escape}');
    await expect.element(dialog()).not.toBeInTheDocument();
    await opener().click();
    await expect.element(input()).toHaveFocus();
    await expect.element(input()).toHaveValue('');
    await expect.element(option('Archive')).toBeVisible();
  });

  it('a command still runs when the owner unmounts the palette as it closes', async () => {
    const run = vi.fn();
    function Owner() {
      const [open, setOpen] = useState(true);
      return open ? <CommandPalette open onClose={() => setOpen(false)} chats={CHATS} onOpenChat={() => {}} commands={[{ id: 'x', label: 'Archive', group: 'Actions', run }]} /> : <p>Closed</p>;
    }
    await render(<Owner />);
    await expect.element(input()).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByText('Closed')).toBeVisible();
    expect(run).toHaveBeenCalledTimes(1);
    expect(document.querySelector('dialog:modal')).toBeNull();
  });

  it('with 10,000 chats it renders at most 50 matches, says so, and keeps up with typing', async () => {
    const chats = Array.from({ length: 10_000 }, (_, i) => ({ id: `chat-${i}`, name: `Customer ${i}`, detail: 'WhatsApp · Support' }));
    await openPalette({ chats });
    const started = performance.now();
    await userEvent.keyboard('customer');
    await expect.element(page.getByRole('status')).toHaveTextContent('50 of 10,000 matching chats shown: type more to narrow');
    expect(page.getByRole('option').elements()).toHaveLength(50);
    await userEvent.keyboard(' 9999');
    await expect.element(option(/Customer 9999/)).toHaveAttribute('aria-selected', 'true');
    expect(page.getByRole('option').elements()).toHaveLength(1);
    // Thirteen keys, each a render: with every chat rendered (cmdk alone) this takes many seconds.
    expect(performance.now() - started).toBeLessThan(3_000);
    await userEvent.keyboard('{Enter}');
    await expect.element(dialog()).not.toBeInTheDocument();
  });
});
