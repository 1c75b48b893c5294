/**
 * Writes through the same-origin proxy (PATCH a chat, POST a message). Kept apart from api-client.ts, which is the
 * read path, but with the same contract: a same-origin `/api/` path, JSON in and out, ApiError on any failure.
 */
import { assertApiPath, errorFromResponse, networkError, readJson } from './api-client';

async function send(method: 'PATCH' | 'POST', path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
  assertApiPath(path);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw networkError(error);
  }
  const json = await readJson(response);
  if (!response.ok) throw errorFromResponse(response.status, response.statusText, json, response.headers);
  // A write may answer 204 or a small ack; the caller only needs to know it succeeded.
  return json;
}

export function apiPatch(path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
  return send('PATCH', path, body, signal);
}

export function apiPost(path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
  return send('POST', path, body, signal);
}
