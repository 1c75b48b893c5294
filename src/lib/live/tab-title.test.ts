import { QueryClient, InfiniteQueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ChatListParams } from '../chats/filters';
import { makeChat } from '../chats/inbox-chat.fixture';
import { chatKeys } from '../chats/keys';
import type { ChatListData } from '../chats/list-pages';
import { chatQueries } from '../chats/queries';
import { applyLiveEvent } from './apply-live-event';
import { tabTitle, unreadChats, visibleUnreadCount } from './tab-title';

const inbox: ChatListParams = { accountIds: [], pageSize: 100, filters: {} };
const archived: ChatListParams = { accountIds: [], pageSize: 100, filters: { view: 'archived' } };

describe('tabTitle', () => {
  it('prefixes the unread count, keeps the open chat name, and says just Triage when nothing is unread', () => {
    expect(tabTitle(3, null)).toBe('(3) Triage');
    expect(tabTitle(3, 'Amelia Horváth')).toBe('(3) Amelia Horváth · Triage');
    expect(tabTitle(0, 'Amelia Horváth')).toBe('Amelia Horváth · Triage');
    expect(tabTitle(0, null)).toBe('Triage');
  });
});

describe('the unread count', () => {
  it('counts unread chats of the list on screen once each, and goes up with a live message', () => {
    const queryClient = new QueryClient();
    const data: ChatListData = {
      pages: [
        { chats: [makeChat('a', { unreadCount: 2, lastActivityAt: 3 }), makeChat('b', { lastActivityAt: 2 })], cursor: 'p2' },
        // A page boundary that shifted while paging repeats a chat: counted once.
        { chats: [makeChat('a', { unreadCount: 2, lastActivityAt: 3 }), makeChat('c', { unreadCount: 1, lastActivityAt: 1 })], cursor: null },
      ],
      pageParams: [null, 'p2'],
    };
    expect(unreadChats(data)).toBe(2);
    queryClient.setQueryData(chatKeys.list(inbox), data);
    queryClient.setQueryData(chatKeys.list(archived), { pages: [{ chats: [makeChat('z', { archived: true, unreadCount: 5 })], cursor: null }], pageParams: [null] });
    // Nothing on screen yet: no count (the title keeps what it had).
    expect(visibleUnreadCount(queryClient)).toBeNull();
    const observer = new InfiniteQueryObserver(queryClient, { ...chatQueries.list(inbox), staleTime: Infinity });
    const unsubscribe = observer.subscribe(() => undefined);
    try {
      expect(visibleUnreadCount(queryClient)).toBe(2);
      applyLiveEvent(queryClient, {
        type: 'message.created', chat_id: 'b', account_id: 'acc',
        message: { id: 'm', text: 'hi', timestamp: new Date(10).toISOString(), is_sender: 0, sender_name: null, sender_attendee_id: null, attachment_count: 0 },
      }, 10);
      expect(visibleUnreadCount(queryClient)).toBe(3);
    } finally {
      unsubscribe();
    }
  });
});
