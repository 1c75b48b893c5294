import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dismissToast, repeatSuffix, showToast, useToastStore } from './toast-store';

const toasts = () => useToastStore.getState().toasts;

beforeEach(() => useToastStore.setState({ toasts: [] }));

describe('toasts', () => {
  it('collapse repeats of one key into one toast with a count, never a stack', () => {
    const first = showToast({ tone: 'error', key: 'error:Unipile is unavailable', title: 'Unipile is unavailable', message: '“Ana” was not pinned.' });
    showToast({ tone: 'error', key: 'error:Unipile is unavailable', title: 'Unipile is unavailable', message: '“Bo” was not archived.' });
    const third = showToast({ tone: 'error', key: 'error:Unipile is unavailable', title: 'Unipile is unavailable', message: '“Cy” was not muted.' });
    expect(third).toBe(first);
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toMatchObject({ id: first, count: 3, revision: 2, message: '“Cy” was not muted.' });
    expect(repeatSuffix(toasts()[0]!.count)).toBe(' (3×)');
    expect(repeatSuffix(1)).toBe('');
  });

  it('keep toasts without a key, or with other keys, apart (three at most)', () => {
    showToast({ tone: 'info', title: 'Archived “Ana”' });
    showToast({ tone: 'info', title: 'Archived “Ana”' });
    showToast({ tone: 'error', key: 'error:A', title: 'A' });
    showToast({ tone: 'error', key: 'error:B', title: 'B' });
    expect(toasts().map((t) => t.title)).toEqual(['Archived “Ana”', 'A', 'B']);
    expect(toasts().every((t) => t.count === 1)).toBe(true);
  });

  it('move a repeat to the newest place, so it is the last to make way', () => {
    showToast({ tone: 'error', key: 'error:A', title: 'A' });
    showToast({ tone: 'error', key: 'error:B', title: 'B' });
    showToast({ tone: 'error', key: 'error:A', title: 'A' });
    expect(toasts().map((t) => `${t.title}${repeatSuffix(t.count)}`)).toEqual(['B', 'A (2×)']);
  });

  it('run the work of every collapsed failure on Retry, once per action key', () => {
    const runs = { pinAna: vi.fn(), pinAnaAgain: vi.fn(), archiveBo: vi.fn() };
    const show = (key: string, run: () => void) =>
      showToast({ tone: 'error', key: 'error:A', title: 'A', action: { label: 'Retry', key, run } });
    show('pin:ana', runs.pinAna);
    show('archive:bo', runs.archiveBo);
    show('pin:ana', runs.pinAnaAgain);
    const action = toasts()[0]!.action!;
    expect(action.label).toBe('Retry');
    action.run();
    expect(runs.pinAna).not.toHaveBeenCalled();
    expect(runs.pinAnaAgain).toHaveBeenCalledTimes(1);
    expect(runs.archiveBo).toHaveBeenCalledTimes(1);
  });

  it('start a fresh set of actions for a new toast of a key that was dismissed', () => {
    const old = vi.fn();
    const fresh = vi.fn();
    const id = showToast({ tone: 'error', key: 'error:A', title: 'A', action: { label: 'Retry', key: 'x', run: old } });
    dismissToast(id);
    showToast({ tone: 'error', key: 'error:A', title: 'A', action: { label: 'Retry', key: 'y', run: fresh } });
    expect(toasts()[0]!.count).toBe(1);
    toasts()[0]!.action!.run();
    expect(old).not.toHaveBeenCalled();
    expect(fresh).toHaveBeenCalledTimes(1);
  });

  it('keep the earlier button when a repeat brings none', () => {
    const run = vi.fn();
    showToast({ tone: 'error', key: 'error:A', title: 'A', action: { label: 'Retry', run } });
    showToast({ tone: 'error', key: 'error:A', title: 'A' });
    toasts()[0]!.action!.run();
    expect(run).toHaveBeenCalledTimes(1);
  });
});
