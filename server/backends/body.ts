import { UpstreamTooLargeError } from './types';

/** An upstream body read in full, refused as soon as it passes `maxBytes` (never buffering more than that). */
export async function readBounded(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw new UpstreamTooLargeError(`the upstream answer is over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array<ArrayBuffer>;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * A streamed upstream body that is cut off when the upstream sends no byte for `idleMs` while the browser is waiting
 * for more (the timer runs only during a read, so a slow browser is not mistaken for a stalled upstream).
 */
export function idleGuarded(body: ReadableStream<Uint8Array>, idleMs: number, onFail: (error: Error) => void, idleError: () => Error): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(idleError()), idleMs);
      });
      try {
        const { done, value } = await Promise.race([reader.read(), stalled]);
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        const reason = error instanceof Error ? error : new Error(String(error));
        onFail(reason);
        void reader.cancel(reason).catch(() => undefined);
        controller.error(reason);
      } finally {
        clearTimeout(timer);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
