import { readStreamBounded } from '../bounded-read';
import { UpstreamTooLargeError } from './types';

/** An upstream body read in full, refused as soon as it passes `maxBytes` (never buffering more than that). */
export function readBounded(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  return readStreamBounded(response.body, maxBytes, () => new UpstreamTooLargeError(`the upstream answer is over ${maxBytes} bytes`));
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
