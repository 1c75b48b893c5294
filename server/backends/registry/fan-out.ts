import { z } from 'zod';
import type { BackendKind, BackendUnavailable } from '../../../src/lib/wire/backends';
import { knownErrorResponse, unexpectedErrorResponse, UpstreamErrorResponse } from '../../routes/errors';
import { readJson } from '../../routes/relay';
import type { Backend, UpstreamRequest } from '../types';

/*
 * Asking several members the same thing at once: each answer is either its JSON or a failure that says which backend
 * could not answer and why (BackendUnavailable), keeping what is needed to answer that failure as it is when every
 * member fails.
 */

export interface RegistryMember {
  kind: BackendKind;
  /** How the backend is named to people (BACKEND_LABELS). */
  label: string;
  backend: Backend;
}

export type MemberOutcome =
  | { ok: true; member: RegistryMember; body: unknown }
  | { ok: false; member: RegistryMember; unavailable: BackendUnavailable; error: unknown };

const envelopeSchema = z.object({
  title: z.string().optional().catch(undefined),
  detail: z.string().optional().catch(undefined),
  type: z.string().optional().catch(undefined),
});

/** The error envelope of a failed answer, named after its backend; read from a copy so the answer stays relayable. */
async function unavailableOf(member: RegistryMember, answer: Response): Promise<BackendUnavailable> {
  let body: unknown;
  try {
    body = await answer.clone().json();
  } catch {
    body = null;
  }
  const parsed = envelopeSchema.safeParse(body);
  const envelope = parsed.success ? parsed.data : {};
  return {
    backend: member.kind,
    label: member.label,
    title: envelope.title ?? `${member.label} is unavailable`,
    detail: envelope.detail ?? `${member.label} answered with status ${answer.status}.`,
    type: envelope.type ?? 'errors/unexpected_error',
    status: answer.status,
  };
}

/**
 * One member's JSON answer, or why there is none: an error answer (its own envelope), a thrown error (timeout 504,
 * unreachable 503, busy 503/429, as the routes would answer it), or an answer that is not JSON (502). An unexpected
 * error counts as a failure of that backend (500) so the others still answer. The browser going away is no
 * failure of a backend: it is thrown on.
 */
export async function askMember(member: RegistryMember, req: UpstreamRequest, read: (body: unknown) => unknown = (body) => body): Promise<MemberOutcome> {
  try {
    return { ok: true, member, body: read(await readJson(await member.backend.request(req))) };
  } catch (error) {
    if (req.signal?.aborted) throw error;
    const answer = knownErrorResponse(error) ?? unexpectedErrorResponse();
    return { ok: false, member, unavailable: await unavailableOf(member, answer), error };
  }
}

/**
 * A failure answered as it is, as the routes would have answered it with this member alone: its own error answer,
 * or its thrown error thrown on (the route maps it: 504, 503 with Retry-After, 429…).
 */
export function failureAnswer(outcome: Extract<MemberOutcome, { ok: false }>): Response {
  if (outcome.error instanceof UpstreamErrorResponse) return outcome.error.response;
  throw outcome.error;
}

/** Members in config order, split: who answered, and who could not. */
export function partition(outcomes: readonly MemberOutcome[]) {
  const answered = outcomes.filter((o): o is Extract<MemberOutcome, { ok: true }> => o.ok);
  const failed = outcomes.filter((o): o is Extract<MemberOutcome, { ok: false }> => !o.ok);
  return { answered, failed };
}

const encoder = new TextEncoder();

/** A JSON answer the registry composed itself (merged lists); never cached, like every list answer. */
export function jsonAnswer(body: unknown): Response {
  return new Response(encoder.encode(JSON.stringify(body)), { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}

/** `unavailable` beside the items only when a backend is missing, so a complete answer looks like a single backend's. */
export function withUnavailable<T extends object>(body: T, unavailable: readonly BackendUnavailable[]): T & { unavailable?: BackendUnavailable[] } {
  return unavailable.length > 0 ? { ...body, unavailable: [...unavailable] } : body;
}
