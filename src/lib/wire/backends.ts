/**
 * The messaging APIs Triage speaks to, as the server and the browser both see them: their names, what each offers,
 * and how ids of several backends at once are kept apart. Shared by server/ and src/ (see vocabulary.ts).
 */
import type { ChatAction } from './vocabulary';

/** The dialects Triage has an adapter for. Also the names of the backends (one of each at most). */
export const BACKEND_KINDS = ['unipile', 'postpress', 'periskope'] as const;
export type BackendKind = (typeof BACKEND_KINDS)[number];

export function isBackendKind(value: string): value is BackendKind {
  return (BACKEND_KINDS as readonly string[]).includes(value);
}

/** How a backend is named to people. */
export const BACKEND_LABELS: Record<BackendKind, string> = { unipile: 'Unipile', postpress: 'postpress', periskope: 'Periskope' };

/**
 * A chat action a backend has no way to do, and the plain words that say so (the action is disabled with them).
 * `true` / `false` are the action's value (setReadStatus true is "mark read", false "mark unread").
 */
export type ActionKey = `${ChatAction}:${boolean}`;

/** What each dialect cannot do; everything else the browser offers is offered. */
export const BACKEND_GAPS: Record<BackendKind, Partial<Record<ActionKey, string>>> = {
  unipile: {},
  postpress: {},
  periskope: {
    'setReadStatus:false': 'Periskope cannot mark a chat unread.',
    'setMuteStatus:true': 'Periskope has no way to mute a chat.',
    'setMuteStatus:false': 'Periskope has no way to unmute a chat.',
    'setArchiveStatus:true': 'Periskope has no way to archive a chat.',
    'setArchiveStatus:false': 'Periskope has no way to unarchive a chat.',
    'setPinnedStatus:true': 'Periskope has no way to pin a chat.',
    'setPinnedStatus:false': 'Periskope has no way to unpin a chat.',
  },
};

/** Why `kind` cannot do this action, or null when it can. */
export function actionGap(kind: BackendKind, action: ChatAction, value: boolean): string | null {
  return BACKEND_GAPS[kind][`${action}:${value}`] ?? null;
}

/** The error type an adapter answers for something its upstream does not offer (a 501 in the Unipile envelope). */
export const NOT_OFFERED_ERROR_TYPE = 'errors/not_offered';

/**
 * With several backends at once every id the browser sees (accounts, chats, messages, attendees) is namespaced:
 * `<backend>~<raw id>`, so the same raw id in two backends is two chats, and a request finds its backend by the id.
 * With one backend, ids are the upstream's own (nothing to tell apart).
 */
export const NAMESPACE_SEPARATOR = '~';

export function namespacedId(kind: BackendKind, rawId: string): string {
  return `${kind}${NAMESPACE_SEPARATOR}${rawId}`;
}

/** The backend and raw id of a namespaced id; null when the id names no known backend. */
export function splitNamespacedId(id: string): { kind: BackendKind; rawId: string } | null {
  const at = id.indexOf(NAMESPACE_SEPARATOR);
  if (at <= 0) return null;
  const kind = id.slice(0, at);
  return isBackendKind(kind) ? { kind, rawId: id.slice(at + 1) } : null;
}

/** One backend as GET /api/config describes it. */
export interface BackendInfo {
  kind: BackendKind;
  label: string;
  /** Host shown to people (never a secret); "embedded simulator" on the simulator. */
  host: string;
  /** Answered by the embedded simulator in this dialect. */
  simulated: boolean;
}

/**
 * The backend of a chat, account or message id: by its namespace with several backends, the only one otherwise.
 * Null when the id names none of them.
 */
export function backendOfId(id: string, backends: readonly BackendInfo[]): BackendInfo | null {
  if (backends.length === 1) return backends[0] ?? null;
  const split = splitNamespacedId(id);
  return split ? (backends.find((b) => b.kind === split.kind) ?? null) : null;
}

/**
 * A backend the server could not reach for this answer: on a merged list (`unavailable` beside `items`) the others'
 * items are there and this one's are missing. The fields are the Unipile error envelope's.
 */
export interface BackendUnavailable {
  backend: BackendKind;
  label: string;
  title: string;
  detail: string;
  type: string;
  status: number;
}
