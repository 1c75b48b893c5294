import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatListParams } from '../chats/filters';
import { makeChat } from '../chats/inbox-chat.fixture';
import { chatKeys } from '../chats/keys';
import { flattenChatPages, type ChatListData } from '../chats/list-pages';
import type { InboxChat } from '../chats/model';
import { useToastStore } from '../toast-store';
import type { AdvanceSetting } from './cursor';
import { useCursorStore } from './cursor-store';
import { runTriage, undoDescription, undoLast } from './run-triage';
import type { TriageView } from './screen';

const NOW = Date.now();
const inbox: ChatListParams = { accountIds: [], pageSize: 100, filters: {} };
const chat = (id: string, rank: number, extra: Partial<InboxChat> = {}) => makeChat(id, { accountId: 'acc-1', lastActivityAt: NOW - rank * 60_000, ...extra });

interface Sent {
  id: string;
  body: { action: string; value: boolean };
}

/** The API as seen through fetch: PATCHes are recorded, answered in a moment, refused for the ids in `refuse`. */
function fakeApi(refuse: ReadonlySet<string> = new Set()) {
  const sent: Sent[] = [];
  let inFlight = 0;
  let most = 0;
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const id = decodeURIComponent(String(input).split('/').at(-1) ?? '');
    sent.push({ id, body: JSON.parse(String(init?.body)) as Sent['body'] });
    inFlight += 1;
    most = Math.max(most, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight -= 1;
    if (refuse.has(id)) {
      const error = { status: 401, type: 'errors/disconnected_account', title: 'Disconnected account', detail: 'The account appears to be disconnected.' };
      return new Response(JSON.stringify(error), { status: 401, headers: { 'content-type': 'application/json' } });
    }
    return new Response(JSON.stringify({ object: 'ChatPatched' }), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { sent, most: () => most };
}

function setup(chats: InboxChat[], { openChatId = null, advance = 'next' }: { openChatId?: string | null; advance?: AdvanceSetting } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const data: ChatListData = { pages: [{ chats, cursor: null }], pageParams: [null] };
  queryClient.setQueryData(chatKeys.list(inbox), data);
  const opened: { id: string; replace: boolean }[] = [];
  const view: TriageView = {
    params: inbox,
    openChatId,
    advance,
    openChat: (id, { replace }) => opened.push({ id, replace }),
    closeChat: vi.fn(),
    blockReason: () => null,
  };
  const listed = () => flattenChatPages(queryClient.getQueryData<ChatListData>(chatKeys.list(inbox))!.pages).chats.map((c) => c.id);
  return { queryClient, view, opened, listed };
}

const toasts = () => useToastStore.getState().toasts;

beforeEach(() => {
  useCursorStore.getState().resetView();
  useToastStore.setState({ toasts: [] });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('runTriage on the cursor chat', () => {
  it('archives the open chat, opens the next one in its place (replacing history), and z brings it back under the cursor', async () => {
    const api = fakeApi();
    const chats = [chat('a', 1), chat('b', 2), chat('c', 3)];
    const { queryClient, view, opened, listed } = setup(chats, { openChatId: 'b' });
    useCursorStore.getState().setCursor('b', 1);

    await runTriage(queryClient, view, 'archive');
    expect(listed()).toEqual(['a', 'c']);
    expect(useCursorStore.getState().cursor).toEqual({ id: 'c', index: 1 });
    expect(opened).toEqual([{ id: 'c', replace: true }]);
    await vi.waitFor(() => expect(api.sent).toEqual([{ id: 'b', body: { action: 'setArchiveStatus', value: true } }]));
    expect(toasts().at(-1)).toMatchObject({ title: 'Archived “b”', message: 'Press z to undo.' });
    expect(undoDescription()).toBe('Archived “b”');

    // The toast may be gone: z still undoes, as long as nothing newer was done.
    useToastStore.setState({ toasts: [] });
    await undoLast(queryClient, { ...view, openChatId: 'c' });
    expect(listed()).toEqual(['a', 'b', 'c']);
    expect(useCursorStore.getState().cursor).toEqual({ id: 'b', index: 1 });
    expect(opened.at(-1)).toEqual({ id: 'b', replace: true });
    await vi.waitFor(() => expect(api.sent.at(-1)).toEqual({ id: 'b', body: { action: 'setArchiveStatus', value: false } }));
    expect(undoDescription()).toBeNull();
  });

  it('follows the setting: the previous chat, or back to the list', async () => {
    fakeApi();
    const first = setup([chat('a', 1), chat('b', 2), chat('c', 3)], { openChatId: 'b', advance: 'previous' });
    useCursorStore.getState().setCursor('b', 1);
    await runTriage(first.queryClient, first.view, 'archive');
    expect(first.opened).toEqual([{ id: 'a', replace: true }]);

    const second = setup([chat('a', 1), chat('b', 2), chat('c', 3)], { openChatId: 'b', advance: 'list' });
    useCursorStore.getState().setCursor('b', 1);
    await runTriage(second.queryClient, second.view, 'archive');
    expect(second.view.closeChat).toHaveBeenCalledOnce();
    expect(second.opened).toEqual([]);
    expect(useCursorStore.getState().cursor.id).toBe('c');
  });

  it('keeps the cursor where it is when the chat stays in the view (pinning in the inbox)', async () => {
    fakeApi();
    const { queryClient, view, opened } = setup([chat('a', 1), chat('b', 2)]);
    useCursorStore.getState().setCursor('b', 1);
    await runTriage(queryClient, view, 'pin');
    expect(useCursorStore.getState().cursor.id).toBe('b');
    expect(opened).toEqual([]);
  });

  it('a failure puts back that chat exactly, with its reason and a Retry, and leaves nothing for z', async () => {
    fakeApi(new Set(['b']));
    const { queryClient, view, listed } = setup([chat('a', 1), chat('b', 2), chat('c', 3)]);
    useCursorStore.getState().setCursor('b', 1);
    await runTriage(queryClient, view, 'archive');
    await vi.waitFor(() => expect(listed()).toEqual(['a', 'b', 'c']));
    const alert = toasts().find((t) => t.tone === 'error');
    expect(alert?.message).toMatch(/^“b” was not archived\. .*disconnected/i);
    expect(alert?.action?.label).toBe('Retry');
    expect(undoDescription()).toBeNull();
  });

  it('says so when there is no chat to act on', async () => {
    fakeApi();
    const { queryClient, view } = setup([]);
    await runTriage(queryClient, view, 'archive');
    expect(toasts().at(-1)?.title).toBe('No chat to act on');
  });
});

describe('runTriage on picked chats', () => {
  it('applies to all at once, sends at most 4 at a time, rolls back only the refused ones, and z reverts the rest', async () => {
    const refused = new Set(['c05', 'c09', 'c17']);
    const api = fakeApi(refused);
    const chats = Array.from({ length: 30 }, (_, i) => chat(`c${String(i).padStart(2, '0')}`, i + 1));
    const { queryClient, view, listed } = setup(chats);
    const picked = chats.slice(0, 20).map((c) => c.id);
    useCursorStore.getState().pickAll(picked);
    useCursorStore.getState().setCursor('c00', 0);

    const done = runTriage(queryClient, view, 'archive');
    await done;
    // Every picked chat left at once (optimistic); the cursor is on the first chat that stays.
    expect(listed()).toEqual(chats.slice(20).map((c) => c.id));
    expect(useCursorStore.getState().cursor.id).toBe('c20');
    expect(useCursorStore.getState().picked.size).toBe(0);
    // More than 10: a running count while they are sent.
    expect(toasts().some((t) => /^Archiving \d+ of 20…$/.test(t.title))).toBe(true);

    await vi.waitFor(() => expect(api.sent).toHaveLength(20));
    await vi.waitFor(() => expect(listed()).toEqual([...refused, ...chats.slice(20).map((c) => c.id)]));
    expect(api.most()).toBeLessThanOrEqual(4);
    const alert = toasts().find((t) => t.tone === 'error');
    expect(alert?.title).toBe('3 chats could not be archived');
    expect(alert?.message).toMatch(/^“c05”, “c09” and “c17” were not archived\. .*disconnected/i);
    expect(toasts().find((t) => t.tone === 'info')?.title).toBe('Archived 17 chats');

    await undoLast(queryClient, view);
    await vi.waitFor(() => expect(listed()).toEqual(chats.map((c) => c.id)));
    await vi.waitFor(() => expect(api.sent).toHaveLength(37));
    const undone = api.sent.slice(20);
    expect(undone.map((s) => s.id).sort()).toEqual(picked.filter((id) => !refused.has(id)).sort());
    expect(undone.every((s) => s.body.value === false)).toBe(true);
  });

  it('flips: when every picked chat is already pinned the action unpins; Mark unread sets what it says', async () => {
    const api = fakeApi();
    const { queryClient, view } = setup([chat('a', 1, { pinned: true }), chat('b', 2, { pinned: true }), chat('c', 3)]);
    useCursorStore.getState().pickAll(['a', 'b']);
    await runTriage(queryClient, view, 'pin');
    await vi.waitFor(() => expect(api.sent.map((s) => s.body)).toEqual([
      { action: 'setPinnedStatus', value: false },
      { action: 'setPinnedStatus', value: false },
    ]));
    // Picked chats that stay in the view stay picked for the next action.
    expect([...useCursorStore.getState().picked]).toEqual(['a', 'b']);
    await runTriage(queryClient, view, 'read', false);
    await vi.waitFor(() => expect(api.sent.slice(2).map((s) => s.body)).toEqual([
      { action: 'setReadStatus', value: false },
      { action: 'setReadStatus', value: false },
    ]));
  });
});
