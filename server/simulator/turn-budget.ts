/**
 * Keeps the simulator's work from monopolising the event loop it shares with the server in front of it.
 *
 * Node 20's libuv accepts ONE new connection per event-loop turn, and a turn runs, in its poll phase, the handler of
 * every request that arrived since the last one. Answered in-process by the simulator, 200 busy keep-alive
 * connections at ~0.6 ms of synchronous work each make a turn last ~130 ms, so a connection queued behind 50 others
 * in the accept queue waits ~6 s before its request is even read. A job admitted through a budget starts in the check
 * phase instead, at most `budgetMs` of them per turn and the rest in the next turns, in arrival order: turns stay
 * about a millisecond long, the loop gets back to accept() and to its sockets often, and the same work gets done.
 * (A remote API does this work on its own machine; the embedded one has to take turns.)
 */

export interface TurnBudgetOptions {
  /** Handler time allowed per event-loop turn; the jobs left over start in the next turn. */
  budgetMs: number;
  /** Clock in ms; performance.now by default. */
  now?: () => number;
  /** Runs a callback in this turn's check phase, or the next turn's if called from there: setImmediate. */
  defer?: (callback: () => void) => void;
}

export interface TurnBudget {
  /** Runs `job` as soon as a turn has budget for it, after every job admitted before it has started. */
  run<T>(job: () => T | Promise<T>): Promise<T>;
  /** Jobs admitted and not started yet. */
  readonly waiting: number;
}

/** Most jobs one turn starts, however cheap: bounds the immediates queued per turn. */
const MAX_JOBS_PER_TURN = 64;

export function createTurnBudget({ budgetMs, now = () => performance.now(), defer = setImmediate }: TurnBudgetOptions): TurnBudget {
  const queue: ((() => void) | undefined)[] = [];
  let head = 0;
  let turnStart = 0;
  // A turn is planned: its marker, then one slot per job it may start, are queued for the coming check phase.
  let planned = false;
  let plannedSlots = 0;
  let currentSlots = 0;
  const waiting = () => queue.length - head;

  const open = () => {
    planned = false;
    turnStart = now();
    currentSlots = plannedSlots;
    plannedSlots = 0;
  };
  const addSlot = () => {
    plannedSlots++;
    defer(slot);
  };
  const plan = () => {
    if (planned) return;
    planned = true;
    defer(open);
    const slots = Math.min(waiting(), MAX_JOBS_PER_TURN);
    for (let i = 0; i < slots; i++) addSlot();
  };
  // Each job starts in an immediate of its own: Node drains microtasks between immediates, so by the next slot the
  // job's synchronous continuation (the whole answer, for the embedded simulator) has run and shows on the clock.
  function slot() {
    currentSlots--;
    if (waiting() === 0) return;
    if (now() - turnStart >= budgetMs) {
      plan();
      return;
    }
    const start = queue[head];
    queue[head++] = undefined;
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    }
    start?.();
    if (currentSlots === 0 && waiting() > 0) plan();
  }

  return {
    run<T>(job: () => T | Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push(() => {
          try {
            Promise.resolve(job()).then(resolve, reject);
          } catch (error) {
            reject(error as Error);
          }
        });
        if (!planned) plan();
        else if (plannedSlots < MAX_JOBS_PER_TURN) addSlot();
      });
    },
    get waiting() {
      return waiting();
    },
  };
}

/**
 * An idle turn costs under a microsecond, so 1 ms loses nothing measurable, and 200 connections arriving at once are
 * all accepted in about a third of a second (at 5 ms, about a second).
 */
export const DEFAULT_TURN_BUDGET_MS = 1;
