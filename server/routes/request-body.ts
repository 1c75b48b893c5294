import type { Context } from 'hono';
import { readStreamBounded } from '../bounded-read';
import { InvalidParameterError, PayloadTooLargeError } from './errors';
import { isJsonContentType } from './relay';

/** Request bodies, bounded while they stream in: nothing past a limit is read, let alone kept. */

/** A message is text; a JSON body beyond this is not one. Attachments go multipart, streamed. */
export const MAX_JSON_BODY = 1024 * 1024;

/** A declared Content-Length over the limit is refused before a byte is read. */
export function refuseDeclaredOver(c: Context, limit: number): void {
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > limit) throw new PayloadTooLargeError(limit);
}

/** The JSON body, counted while it streams in: past the limit it is refused without reading (or keeping) the rest. */
export async function readJsonBody(c: Context): Promise<unknown> {
  if (!isJsonContentType(c.req.header('content-type') ?? null)) throw new InvalidParameterError('content-type', 'must be application/json');
  refuseDeclaredOver(c, MAX_JSON_BODY);
  const bytes = await readStreamBounded(c.req.raw.body, MAX_JSON_BODY, () => new PayloadTooLargeError(MAX_JSON_BODY));
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as unknown;
  } catch {
    throw new InvalidParameterError('body', 'must be valid JSON');
  }
}

/** A streamed body that errors once it passes `limit` bytes; `tooLarge()` tells afterwards whether that happened. */
export function countedStream(body: ReadableStream<Uint8Array>, limit: number): { stream: ReadableStream<Uint8Array>; tooLarge: () => boolean } {
  let total = 0;
  let over = false;
  const stream = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > limit) {
          over = true;
          controller.error(new PayloadTooLargeError(limit));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return { stream, tooLarge: () => over };
}

