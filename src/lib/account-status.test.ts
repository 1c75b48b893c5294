import { describe, expect, it } from 'vitest';
import { accountNeedsReconnect, describeAccountStatus } from './account-status';

describe('describeAccountStatus', () => {
  it('puts every documented source status in plain words', () => {
    expect(describeAccountStatus('OK').long).toBe('Connected');
    expect(describeAccountStatus('CONNECTING').long).toBe('Connecting');
    expect(describeAccountStatus('CREDENTIALS').long).toBe('Disconnected: reconnect needed');
    expect(describeAccountStatus('ERROR').long).toBe('Error: the provider reported a problem');
    expect(describeAccountStatus('STOPPED').long).toBe('Stopped: sync is paused');
    expect(describeAccountStatus('PERMISSIONS').long).toBe('Missing permissions: reconnect and grant access');
  });

  it('keeps an unknown status as its raw text', () => {
    expect(describeAccountStatus('SYNC_LIMITED')).toEqual({ short: 'SYNC_LIMITED', long: 'SYNC_LIMITED', tone: 'paused' });
    expect(describeAccountStatus('  ').long).toBe('Unknown status');
    // Inherited object keys are not statuses.
    expect(describeAccountStatus('constructor').long).toBe('constructor');
  });

  it('flags the statuses that need the person to reconnect', () => {
    expect(['CREDENTIALS', 'ERROR', 'PERMISSIONS'].every(accountNeedsReconnect)).toBe(true);
    expect(['OK', 'CONNECTING', 'STOPPED', 'NEW'].some(accountNeedsReconnect)).toBe(false);
  });
});
