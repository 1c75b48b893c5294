import { namespacedId, splitNamespacedId } from '../../src/lib/wire/backends';
import type { RecentPoller } from '../live/recent-poller';
import type { TriggerIncoming } from '../webhooks/simulator-activity-route';
import type { SimulatorActivity } from './activity';
import type { PeriskopeSimulator } from './periskope';

export interface MergedActivityOptions {
  /** The Unipile-dialect simulator's activity (delivered through /webhooks/unipile). */
  unipile: SimulatorActivity | null;
  /** The Periskope-dialect simulator and the poller that turns its new messages into live events. */
  periskope: { simulator: PeriskopeSimulator; poller: RecentPoller } | null;
  /** Several backends merged: ids the browser sees carry their backend's namespace. */
  namespaced: boolean;
  /** Messages per minute each dialect receives by itself (the Unipile one keeps its own timer). */
  perMinute: number;
  random?: () => number;
  onError?: (error: unknown) => void;
}

export interface MergedActivity {
  trigger: TriggerIncoming;
  start(): void;
  stop(): void;
}

/**
 * The simulator's incoming messages across its dialects: `POST /api/simulator/activity {chat_id}` reaches the dialect
 * the (namespaced) id names; a Periskope message goes out the way Periskope's do, through the poller (read at once
 * here, so the event is on the bus before the answer).
 */
export function createMergedActivity({ unipile, periskope, namespaced, perMinute, random = Math.random, onError = () => {} }: MergedActivityOptions): MergedActivity {
  let timer: NodeJS.Timeout | null = null;

  async function periskopeMessage(rawId?: string): Promise<{ chat_id: string; message_id: string } | null> {
    if (!periskope) return null;
    let received: ReturnType<PeriskopeSimulator['receiveMessage']>;
    try {
      received = periskope.simulator.receiveMessage(rawId);
    } catch (error) {
      if (error instanceof RangeError) return null;
      throw error;
    }
    await periskope.poller.poll();
    const ns = (id: string) => (namespaced ? namespacedId('periskope', id) : id);
    return { chat_id: ns(received.chat_id), message_id: ns(received.message.message_id) };
  }

  const trigger: TriggerIncoming = async (chatId) => {
    const split = chatId !== undefined && namespaced ? splitNamespacedId(chatId) : null;
    if (chatId !== undefined && namespaced && split === null) return null;
    const kind = split?.kind ?? (unipile ? 'unipile' : 'periskope');
    const rawId = split?.rawId ?? chatId;
    if (kind === 'periskope') return periskopeMessage(rawId);
    if (kind !== 'unipile' || !unipile) return null;
    const done = await unipile.triggerNow(rawId);
    return done && namespaced ? { chat_id: namespacedId('unipile', done.chat_id), message_id: namespacedId('unipile', done.message_id) } : done;
  };

  const scheduleNext = () => {
    timer = setTimeout(() => {
      periskopeMessage().catch(onError);
      scheduleNext();
    }, (60_000 / perMinute) * (0.5 + random()));
    timer.unref();
  };

  return {
    trigger,
    start() {
      unipile?.start();
      if (periskope && perMinute > 0 && !timer) scheduleNext();
    },
    stop() {
      unipile?.stop();
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
