import { describe, expect, it } from 'vitest';
import { messagesOldestFirst, normalizeMessage, type MessagePage } from '@/lib/chats/messages';
import { pendingMessage, withoutMessage, withPendingMessage } from './use-send-message';

describe('the optimistic message', () => {
  const page = (ids: string[]): MessagePage => ({ messages: ids.map((id) => normalizeMessage({ id })), cursor: null });

  it('adds an optimistic message as the newest, and takes it out again', () => {
    const data = { pages: [page(['m2', 'm1'])], pageParams: [null] };
    const pending = pendingMessage('pending:1', 'hello', 0);
    const withIt = withPendingMessage(data, pending)!;
    expect(messagesOldestFirst(withIt).map((m) => m.id)).toEqual(['m1', 'm2', 'pending:1']);
    expect(messagesOldestFirst(withoutMessage(withIt, 'pending:1')).map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(withPendingMessage(undefined, pending)).toBeUndefined();
  });
});
