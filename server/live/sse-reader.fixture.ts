import type { LiveEvent } from '../../src/lib/wire/live-events';

/** One SSE block as a browser's parser sees it (fields of interest only); `comment` for `: …` lines. */
export interface SseBlock {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

function parseBlock(text: string): SseBlock {
  const block: SseBlock = {};
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) {
      block.comment = line.slice(1).trim();
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id' || field === 'event' || field === 'data' || field === 'retry') block[field] = value;
  }
  return block;
}

/** Reads an SSE body block by block. */
export function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const next = async (): Promise<SseBlock | null> => {
    for (;;) {
      const end = buffered.indexOf('\n\n');
      if (end !== -1) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        return parseBlock(block);
      }
      const { done, value } = await reader.read();
      if (done) return null;
      buffered += decoder.decode(value, { stream: true });
    }
  };
  return {
    next,
    /** The next block that carries an event (skipping comments and bare `retry:`/`id:` blocks). */
    async nextEvent(): Promise<SseBlock & { parsed: LiveEvent | Record<string, never> }> {
      for (;;) {
        const block = await next();
        if (!block) throw new Error('the stream ended');
        if (block.data !== undefined) return { ...block, parsed: JSON.parse(block.data) as LiveEvent };
      }
    },
    cancel: () => reader.cancel(),
  };
}

export const accountStatus = (account_id: string, status = 'OK'): LiveEvent => ({ type: 'account.status', account_id, status });
