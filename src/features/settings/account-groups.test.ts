import { describe, expect, it } from 'vitest';
import type { Account } from '@/lib/accounts';
import type { BackendInfo, BackendUnavailable } from '@/lib/wire/backends';
import { groupAccounts } from './account-groups';

const account = (id: string): Account => ({ id, name: id, provider: 'WHATSAPP', identity: null, status: 'OK' });
const unipile: BackendInfo = { kind: 'unipile', label: 'Unipile', host: 'api8.unipile.com:13851', simulated: false };
const periskope: BackendInfo = { kind: 'periskope', label: 'Periskope', host: 'api.periskope.app', simulated: false };
const down = (backend: BackendUnavailable['backend'], label: string): BackendUnavailable => ({
  backend,
  label,
  title: 'Timeout',
  detail: 'Too slow.',
  type: 'errors/request_timeout',
  status: 504,
});

const summary = (groups: ReturnType<typeof groupAccounts>) =>
  groups?.map((g) => ({ key: g.key, label: g.backend?.label ?? null, ids: g.accounts.map((a) => a.id), down: g.unavailable?.label ?? null }));

describe('groupAccounts', () => {
  it('needs no groups for one backend that answered', () => {
    expect(groupAccounts([account('a'), account('b')], [unipile], [])).toBeNull();
    expect(groupAccounts([account('a')], [], [])).toBeNull();
  });

  it('groups by namespace, in the configured order, with a group for a backend with no account', () => {
    const groups = groupAccounts([account('periskope~1@c.us'), account('unipile~x'), account('unipile~y')], [unipile, periskope], []);
    expect(summary(groups)).toEqual([
      { key: 'unipile', label: 'Unipile', ids: ['unipile~x', 'unipile~y'], down: null },
      { key: 'periskope', label: 'Periskope', ids: ['periskope~1@c.us'], down: null },
    ]);
    expect(summary(groupAccounts([account('unipile~x')], [unipile, periskope], []))?.[1]).toEqual({ key: 'periskope', label: 'Periskope', ids: [], down: null });
  });

  it('puts the failure on its backend’s group, even a backend the config does not list', () => {
    const groups = groupAccounts([account('unipile~x')], [unipile, periskope], [down('periskope', 'Periskope'), down('postpress', 'postpress')]);
    expect(summary(groups)).toEqual([
      { key: 'unipile', label: 'Unipile', ids: ['unipile~x'], down: null },
      { key: 'periskope', label: 'Periskope', ids: [], down: 'Periskope' },
      { key: 'postpress', label: 'postpress', ids: [], down: 'postpress' },
    ]);
  });

  it('shows one backend that failed as a group too, and keeps accounts of no configured backend apart', () => {
    expect(summary(groupAccounts([account('raw')], [unipile], [down('unipile', 'Unipile')]))).toEqual([{ key: 'unipile', label: 'Unipile', ids: ['raw'], down: 'Unipile' }]);
    expect(summary(groupAccounts([account('unipile~x'), account('postpress~p'), account('raw')], [unipile, periskope], []))).toEqual([
      { key: 'unipile', label: 'Unipile', ids: ['unipile~x'], down: null },
      { key: 'periskope', label: 'Periskope', ids: [], down: null },
      { key: 'other', label: null, ids: ['postpress~p', 'raw'], down: null },
    ]);
  });

  it('tells backends apart by namespace before the config is known', () => {
    expect(summary(groupAccounts([account('unipile~x'), account('periskope~1')], [], [down('periskope', 'Periskope')]))).toEqual([
      { key: 'periskope', label: 'Periskope', ids: ['periskope~1'], down: 'Periskope' },
      { key: 'unipile', label: 'Unipile', ids: ['unipile~x'], down: null },
    ]);
  });
});
