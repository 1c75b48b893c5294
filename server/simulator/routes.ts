import { Hono } from 'hono';
import { ApiError, errorResponse, errors } from './errors';
import type { FaultInjector } from './faults';
import { accountRoutes } from './routes/accounts';
import { binaryRoutes } from './routes/binaries';
import { chatRoutes } from './routes/chats';
import { messageRoutes } from './routes/messages';
import type { SimulatorStore } from './store';
import { createTurnBudget, DEFAULT_TURN_BUDGET_MS } from './turn-budget';

/** The Unipile v1 routes the simulator serves (one file per resource in routes/); everything else is a 404 in the error envelope. */

export interface RouteDeps {
  store: SimulatorStore;
  apiKey: string;
  faults: FaultInjector;
}

export function createRoutes(deps: RouteDeps): Hono {
  const { store, apiKey, faults } = deps;
  const app = new Hono();
  const v1 = '/api/v1';

  app.onError((err) => errorResponse(err instanceof ApiError ? err : errors.unexpected()));
  app.notFound((c) => errorResponse(errors.notFound(`Cannot ${c.req.method} ${new URL(c.req.url).pathname}`)));

  // Every request takes its turn (turn-budget.ts): in-process, the simulator's work shares the event loop with the
  // server in front of it, which must keep accepting connections and answering its own routes while this one is busy.
  const turns = createTurnBudget({ budgetMs: DEFAULT_TURN_BUDGET_MS });
  app.use('*', (_c, next) => turns.run(next));

  // Auth first, then the fault lottery: a wrong key is always a 401, never a random 5xx.
  app.use('*', async (c, next) => {
    const key = c.req.header('x-api-key');
    if (key === undefined || key === '') throw errors.missingCredentials();
    if (key !== apiKey) throw errors.invalidCredentials();
    const fault = faults.next();
    if (fault) throw fault;
    await next();
  });

  accountRoutes(app, v1, store);
  chatRoutes(app, v1, store);
  messageRoutes(app, v1, store);
  binaryRoutes(app, v1, store);
  return app;
}
