import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { ModalDialog } from './modal-dialog';

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <ModalDialog open={open} onClose={() => setOpen(false)} labelledBy="t">
        <h2 id="t">Panel</h2>
        <button type="button">Inside</button>
      </ModalDialog>
    </>
  );
}

describe('ModalDialog', () => {
  it('Esc closes it and gives focus back to the opener', async () => {
    await render(<Harness />);
    await page.getByRole('button', { name: 'Open' }).click();
    await expect.element(page.getByRole('dialog', { name: 'Panel' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('dialog', { name: 'Panel' })).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Open' })).toHaveFocus();
  });

  it('a reopen right after Esc is not lost (the owner hears of the Esc at once)', async () => {
    await render(<Harness />);
    const open = page.getByRole('button', { name: 'Open' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Panel' });
    await expect.element(dialog).toBeVisible();
    // Esc as the browser does it (cancel, then close), and a click in the same task, before the queued close event.
    (dialog.element() as HTMLDialogElement & { requestClose(): void }).requestClose();
    (open.element() as HTMLButtonElement).click();
    await expect.element(dialog).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('dialog', { name: 'Panel' })).not.toBeInTheDocument();
  });
});
