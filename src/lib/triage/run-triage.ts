import type { QueryClient } from '@tanstack/react-query';
import { providerLabel } from '@/config/providers';
import { apiPatch } from '../api-write';
import { actionDoingLabel, actionDoneLabel, API_ACTIONS, applyChatAction, inverseAction, revertChatAction, toggleAction, type ChatAction, type ChatActionKind } from '../chats/actions';
import { chatApiPath } from '../chats/detail';
import { chatKeys } from '../chats/keys';
import { applyChatChange } from '../chats/list-cache';
import { knownChat } from '../chats/list-pages';
import { displayNameOf, type ChatPreview } from '../chats/previews';
import type { InboxChat } from '../chats/model';
import { describeError } from '../error-messages';
import { dismissToast, showToast, updateToast } from '../toast-store';
import { cursorAfterLeaving, resolveCursor } from './cursor';
import { useCursorStore } from './cursor-store';
import { runPool } from './pool';
import { chatsWord, quoted, whatOf } from './triage-words';
import { bulkValue, triageTargets, viewIds } from './targets';
import { currentView, type TriageView } from './screen';


/**
 * The triage loop's actions (read, mute, archive, pin) on the cursor chat or the picked ones: optimistic in every
 * cached list, sent with bounded concurrency, rolled back per chat on failure; the cursor moves on when its chat
 * leaves the view, and `z` (or the toast's Undo) reverts the last action. One path for a key, a button, the bulk bar
 * and the palette.
 */

/** PATCHes in flight at once for a bulk action: enough to be quick, few enough to leave the upstream room. */
export const BULK_CONCURRENCY = 4;
/** Bulk actions on more chats than this show a running count. */
const PROGRESS_FROM = 10;

interface UndoRecord {
  action: ChatAction;
  /** Each chat as the action left it (for lists that no longer hold it), in list order. */
  chats: InboxChat[];
  /** A chat was open: the undone one opens again. */
  reopen: boolean;
  toastId: number | null;
  seq: number;
}

let actionSeq = 0;
let lastAction: UndoRecord | null = null;
let inFlight = 0;
// Actions start one after another, so a second key press sees the cursor where the first one moved it.
let queue: Promise<unknown> = Promise.resolve();

function enqueue(step: () => Promise<void>): Promise<void> {
  const run = queue.then(step, step);
  queue = run.catch(() => undefined);
  return run;
}

/** The chat named as the rows name it (a 1:1 chat without a name of its own after its other attendee), for the toasts. */
function named(queryClient: QueryClient, chat: InboxChat): InboxChat {
  const name = displayNameOf(chat, queryClient.getQueryData<ChatPreview>(chatKeys.preview(chat.id)));
  return name === chat.displayName ? chat : { ...chat, displayName: name };
}

type Announce = 'normal' | 'quiet' | 'undo';

interface Outcome {
  succeeded: InboxChat[];
  failed: { chat: InboxChat; error: unknown }[];
}

/**
 * Applies `action` to `chats` optimistically, then sends it. Returns once the optimistic state is in place; `sent`
 * settles when every request has. Failed chats are put back exactly, each on its own.
 */
async function applyAndSend(queryClient: QueryClient, chats: readonly InboxChat[], action: ChatAction, onProgress?: (finished: number) => void) {
  // A list or detail fetch landing after the optimistic change would overwrite it with the old state.
  await Promise.all([
    queryClient.cancelQueries({ queryKey: chatKeys.lists() }),
    ...chats.map((chat) => queryClient.cancelQueries({ queryKey: chatKeys.detail(chat.id), exact: true })),
  ]);
  const now = Date.now();
  const applied = chats.map((chat) => {
    const after = applyChatAction(chat, action);
    applyChatChange(queryClient, { chatId: chat.id, update: (c) => applyChatAction(c, action), now, known: after });
    return after;
  });
  inFlight += 1;
  const sent = runPool(chats, BULK_CONCURRENCY, (chat) => apiPatch(chatApiPath(chat.id), { action: API_ACTIONS[action.kind], value: action.value }), onProgress).then(
    (results): Outcome => {
      const outcome: Outcome = { succeeded: [], failed: [] };
      results.forEach((result, i) => {
        const chat = chats[i]!;
        if (result.status === 'fulfilled') {
          outcome.succeeded.push(applied[i]!);
          return;
        }
        outcome.failed.push({ chat, error: result.reason });
        applyChatChange(queryClient, { chatId: chat.id, update: (c) => revertChatAction(c, chat, action.kind), now: Date.now(), known: chat });
      });
      inFlight -= 1;
      // While other actions are in flight, a refetch could bring back a state they already changed optimistically.
      if (inFlight === 0) {
        // Lists are only marked stale: refetching every loaded page of every list for a flag is not worth it.
        void queryClient.invalidateQueries({ queryKey: chatKeys.lists(), refetchType: 'none' });
        for (const chat of chats) void queryClient.invalidateQueries({ queryKey: chatKeys.detail(chat.id), exact: true });
      }
      return outcome;
    },
  );
  return { applied, sent };
}

/** The failure toast: which chats and why, with a Retry that sends the same action to those chats again. */
function reportFailures(queryClient: QueryClient, failed: Outcome['failed'], action: ChatAction, view: TriageView | null) {
  if (failed.length === 0) return;
  const first = failed[0]!;
  const reason = describeError(first.error, { providerLabel: providerLabel(first.chat.provider) });
  const sameReason = failed.every(({ error, chat }) => describeError(error, { providerLabel: providerLabel(chat.provider) }).message === reason.message);
  const done = actionDoneLabel(action).toLowerCase();
  const chats = failed.map((f) => f.chat);
  const single = failed.length === 1;
  showToast({
    tone: 'error',
    title: single ? reason.title : `${chatsWord(failed.length)} could not be ${done}`,
    message: `${quoted(chats)} ${single ? 'was' : 'were'} not ${done}. ${sameReason ? reason.message : `${reason.message} (and other reasons)`}`,
    key: `triage-failed:${action.kind}:${chats.map((c) => c.id).join(',')}`,
    action: {
      // Retrying the same chats once, however often their action failed.
      key: `retry:${action.kind}:${action.value}:${chats.map((c) => c.id).join(',')}`,
      label: 'Retry',
      run: () => void enqueue(() => perform(queryClient, chats.map((c) => knownChat(queryClient, c.id) ?? c), action, 'normal', currentView() ?? view)),
    },
  });
}

function showUndoToast(record: UndoRecord, queryClient: QueryClient, view: TriageView | null): number {
  if (lastAction?.toastId != null) dismissToast(lastAction.toastId);
  const what = whatOf(record.chats);
  return showToast({
    tone: 'info',
    title: `${actionDoneLabel(record.action)} ${what}`,
    message: 'Press z to undo.',
    action: { label: 'Undo', run: () => void enqueue(() => undoRecord(queryClient, record, currentView() ?? view)) },
  });
}

/** Moves the cursor on when its chat left the view, and opens the next chat when one was open (or goes back to the list). */
function advanceCursor(queryClient: QueryClient, view: TriageView, before: readonly string[], cursorId: string | null) {
  if (cursorId === null) return;
  const after = viewIds(queryClient, view.params);
  const staying = new Set(after);
  if (staying.has(cursorId) || !before.includes(cursorId)) return;
  const leaving = new Set(before.filter((id) => !staying.has(id)));
  const next = cursorAfterLeaving(before, cursorId, leaving, view.advance);
  useCursorStore.getState().setCursor(next, next === null ? 0 : after.indexOf(next));
  if (view.openChatId === null) return;
  if (next === null || view.advance === 'list') view.closeChat();
  else view.openChat(next, { replace: true });
}

async function perform(queryClient: QueryClient, chats: readonly InboxChat[], action: ChatAction, announce: Announce, view: TriageView | null): Promise<void> {
  if (chats.length === 0) return;
  const store = useCursorStore.getState();
  const before = view ? viewIds(queryClient, view.params) : [];
  const cursorId = view ? (view.openChatId ?? resolveCursor(before, store.cursor)?.id ?? null) : null;
  const progress = announce === 'normal' && chats.length > PROGRESS_FROM ? { id: 0, doing: actionDoingLabel(action) } : null;
  if (progress) progress.id = showToast({ tone: 'info', title: `${progress.doing} 0 of ${chats.length}…`, durationMs: 600_000 });
  const { applied, sent } = await applyAndSend(queryClient, chats, action, progress ? (n) => updateToast(progress.id, { title: `${progress.doing} ${n} of ${chats.length}…` }) : undefined);

  let record: UndoRecord | null = null;
  if (announce === 'normal' && view) {
    advanceCursor(queryClient, view, before, cursorId);
    // Picked chats that left the view are no longer picked; the rest stay picked for the next action.
    const picked = useCursorStore.getState().picked;
    if (picked.size > 0) {
      const staying = new Set(viewIds(queryClient, view.params));
      const kept = [...picked].filter((id) => staying.has(id));
      if (kept.length === 0) useCursorStore.getState().clearPicked();
      else if (kept.length !== picked.size) useCursorStore.setState({ picked: new Set(kept), anchor: null });
    }
    actionSeq += 1;
    record = { action, chats: applied, reopen: view.openChatId !== null, toastId: null, seq: actionSeq };
    // Shown at once for a few chats (the change is already on screen); after the count for many.
    if (!progress) {
      record.toastId = showUndoToast(record, queryClient, view);
      lastAction = record;
    }
  }

  // The answers are awaited apart: the next key press need not wait for this one's round trip.
  void sent.then((outcome) => {
    if (progress) dismissToast(progress.id);
    if (record) {
      const failedIds = new Set(outcome.failed.map((f) => f.chat.id));
      const kept = record.chats.filter((chat) => !failedIds.has(chat.id));
      if (kept.length === 0) {
        if (record.toastId !== null) dismissToast(record.toastId);
        if (lastAction === record) lastAction = null;
      } else {
        const partial = kept.length !== record.chats.length;
        record.chats = kept;
        // A long bulk action becomes what z undoes once it is done, unless something newer was done meanwhile; a partial
        // one is undone for the chats that changed only.
        const newest = progress ? record.seq === actionSeq : lastAction === record;
        if ((progress || partial) && newest) {
          record.toastId = showUndoToast(record, queryClient, view);
          lastAction = record;
        }
      }
    }
    reportFailures(queryClient, outcome.failed, action, view);
  });
}

async function undoRecord(queryClient: QueryClient, record: UndoRecord, view: TriageView | null): Promise<void> {
  if (lastAction === record) lastAction = null;
  if (record.toastId !== null) dismissToast(record.toastId);
  const chats = record.chats.map((chat) => knownChat(queryClient, chat.id) ?? chat);
  await perform(queryClient, chats, inverseAction(record.action), 'undo', view);
  const first = record.chats[0];
  if (!view || !first) return;
  // The undone chat is back where it was, under the cursor (and open again if a chat was open).
  const ids = viewIds(queryClient, view.params);
  useCursorStore.getState().setCursor(first.id, Math.max(0, ids.indexOf(first.id)));
  if (record.reopen && view.openChatId !== first.id) view.openChat(first.id, { replace: true });
  const what = whatOf(record.chats);
  showToast({ tone: 'info', title: `Undone: ${actionDoneLabel(record.action).toLowerCase()} ${what}` });
}

/** e / u / p / m, the header's buttons, the bulk bar and the palette: the action on the picked chats or the cursor chat. */
export function runTriage(queryClient: QueryClient, view: TriageView, kind: ChatActionKind, value?: boolean): Promise<void> {
  return enqueue(async () => {
    const { ids, bulk } = triageTargets(queryClient, view);
    const chats = ids.flatMap((id) => {
      const chat = knownChat(queryClient, id);
      return chat ? [named(queryClient, chat)] : [];
    });
    const now = Date.now();
    if (chats.length === 0) {
      showToast({ tone: 'info', key: 'triage-nothing', title: 'No chat to act on', message: 'Move the cursor onto a chat first.' });
      return;
    }
    if (!bulk) {
      const chat = chats[0]!;
      const action = value === undefined ? toggleAction(chat, kind, now) : { kind, value };
      const reason = view.blockReason(chat, action);
      if (reason) {
        // Pressing the key again says the same: one toast that counts, not a stack.
        showToast({ tone: 'error', key: `unavailable:${reason}`, title: 'Not available for this chat', message: reason });
        return;
      }
      await perform(queryClient, chats, action, 'normal', view);
      return;
    }
    // The server is the judge for many chats: the ones it refuses come back, with its reason.
    await perform(queryClient, chats, { kind, value: value ?? bulkValue(chats, kind, now) }, 'normal', view);
  });
}

/** An action that is not a triage step (mark read on open): no toast, no undo, no cursor move; failures are reported. */
export function runQuietly(queryClient: QueryClient, chatId: string, action: ChatAction): Promise<void> {
  return enqueue(async () => {
    const chat = knownChat(queryClient, chatId);
    if (chat) await perform(queryClient, [chat], action, 'quiet', null);
  });
}

/** z: reverts the last action, if nothing newer was done since. */
export function undoLast(queryClient: QueryClient, view: TriageView): Promise<void> {
  return enqueue(async () => {
    const record = lastAction;
    if (!record) {
      showToast({ tone: 'info', key: 'triage-undo-nothing', title: 'Nothing to undo' });
      return;
    }
    await undoRecord(queryClient, record, view);
  });
}

/** What z would undo, in words (the palette's "Undo …" command); null when nothing. */
export function undoDescription(): string | null {
  if (!lastAction) return null;
  const what = whatOf(lastAction.chats);
  return `${actionDoneLabel(lastAction.action)} ${what}`;
}
