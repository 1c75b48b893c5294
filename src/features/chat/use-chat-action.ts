import { MutationObserver, useMutation, useQueryClient, type MutationOptions, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { providerLabel } from '@/config/providers';
import { apiPatch } from '@/lib/api-write';
import { actionDoneLabel, API_ACTIONS, applyChatAction, inverseAction, isUndoable } from '@/lib/chats/actions';
import { applyChatChange, restoreSnapshot, type CacheSnapshot } from '@/lib/chats/list-cache';
import type { InboxChat } from '@/lib/chats/model';
import { findCachedChat } from '@/lib/chats/list-pages';
import { describeError } from '@/lib/error-messages';
import { dismissToast, showToast } from '@/lib/toast-store';
import { chatApiPath } from '@/lib/chats/detail';
import type { ChatActionRequest } from './chat-action-request';
import { chatKeys } from '@/lib/chats/keys';

interface ActionContext {
  snapshot: CacheSnapshot;
  undoToastId: number | null;
}

const ACTION_MUTATION_KEY = [...chatKeys.all, 'action'] as const;

export function knownChat(queryClient: QueryClient, chatId: string): InboxChat | undefined {
  return queryClient.getQueryData<InboxChat>(chatKeys.detail(chatId)) ?? findCachedChat(queryClient, chatId);
}

/**
 * Read / mute / archive / pin through PATCH /api/v1/chats/:id, optimistic everywhere the chat is cached. A failure
 * restores exactly what the change replaced and says why (with Retry); archive, mute and pin offer an Undo for a few
 * seconds.
 */
export function chatActionMutationOptions(queryClient: QueryClient): MutationOptions<unknown, unknown, ChatActionRequest, ActionContext> {
  return {
    mutationKey: ACTION_MUTATION_KEY,
    // The app-wide error path toasts the failure, with these words and a Retry that runs the same request again.
    meta: {
      describeFailure: (error, { chatId, action }: ChatActionRequest) => {
        const chat = knownChat(queryClient, chatId);
        const copy = describeError(error, { providerLabel: chat ? providerLabel(chat.provider) : undefined });
        return {
          title: copy.title,
          message: `“${chat?.displayName ?? 'The chat'}” was not ${actionDoneLabel(action).toLowerCase()}. ${copy.message}`,
          // Retrying pins the same chat once, however often pinning it failed.
          retryKey: `chat-action:${chatId}:${action.kind}`,
        };
      },
    },
    mutationFn: ({ chatId, action }) => apiPatch(chatApiPath(chatId), { action: API_ACTIONS[action.kind], value: action.value }),
    onMutate: async ({ chatId, action, isUndo, quiet }) => {
      // A list or detail fetch landing after the optimistic change would overwrite it with the old state.
      await Promise.all([
        queryClient.cancelQueries({ queryKey: chatKeys.lists() }),
        queryClient.cancelQueries({ queryKey: chatKeys.detail(chatId), exact: true }),
      ]);
      const chat = knownChat(queryClient, chatId);
      const snapshot = applyChatChange(queryClient, { chatId, update: (c) => applyChatAction(c, action), now: Date.now() });
      let undoToastId: number | null = null;
      if (!quiet && !isUndo && isUndoable(action.kind)) {
        undoToastId = showToast({
          tone: 'info',
          title: `${actionDoneLabel(action)} “${chat?.displayName ?? 'chat'}”`,
          action: { label: 'Undo', run: () => runChatAction(queryClient, { chatId, action: inverseAction(action), isUndo: true }) },
        });
      }
      return { snapshot, undoToastId };
    },
    onError: (_error, _request, context) => {
      if (!context) return;
      restoreSnapshot(queryClient, context.snapshot);
      if (context.undoToastId !== null) dismissToast(context.undoToastId);
    },
    onSettled: (_data, _error, { chatId }) => {
      // While other actions are in flight, a refetch could bring back a state they already changed optimistically.
      if (queryClient.isMutating({ mutationKey: ACTION_MUTATION_KEY }) > 1) return;
      // Lists are only marked stale: refetching every loaded page of every list for one flag is not worth it.
      void queryClient.invalidateQueries({ queryKey: chatKeys.lists(), refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: chatKeys.detail(chatId), exact: true });
    },
  };
}

/**
 * Runs an action outside any component (keyboard shortcuts, the Undo button of a toast that outlives the pane).
 * Failures are handled by the options (rollback and toast), so the returned promise never rejects.
 */
export function runChatAction(queryClient: QueryClient, request: ChatActionRequest): Promise<void> {
  return new MutationObserver(queryClient, chatActionMutationOptions(queryClient)).mutate(request).then(
    () => undefined,
    () => undefined,
  );
}

export function useChatAction() {
  const queryClient = useQueryClient();
  const mutation = useMutation(chatActionMutationOptions(queryClient));
  const { mutate } = mutation;
  const run = useCallback((request: ChatActionRequest) => mutate(request), [mutate]);
  return { run, isPending: mutation.isPending };
}
