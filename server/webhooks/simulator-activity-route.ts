/**
 * POST /api/simulator/activity — simulator mode only (mounted beside GET /api/simulator/requests): one incoming
 * message now, delivered through the webhook path before the answer, for e2e tests that need a message on demand.
 * Body: none, or JSON `{"chat_id": "..."}` for a given chat (else a random one that is not archived).
 * Answers `{object: "SimulatorActivity", chat_id, message_id}`; 404 for a chat the simulator does not have.
 * It takes the trigger as a function: routes never import the simulator.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { errorResponse, InvalidParameterError, knownErrorResponse, unexpectedErrorResponse } from '../routes/errors';
import { readJsonBody } from '../routes/request-body';

export type TriggerIncoming = (chatId?: string) => Promise<{ chat_id: string; message_id: string } | null>;

const bodySchema = z.object({ chat_id: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))) });

export interface SimulatorActivityRoutesOptions {
  trigger: TriggerIncoming;
  /** A trigger that failed (the delivery was refused, say): worth a log line, answered 500. */
  onError?: (error: unknown) => void;
}

export function createSimulatorActivityRoutes({ trigger, onError = () => {} }: SimulatorActivityRoutesOptions): Hono {
  const routes = new Hono();
  routes.onError((error) => {
    const known = knownErrorResponse(error);
    if (known) return known;
    onError(error);
    return unexpectedErrorResponse();
  });
  routes.post('/', async (c) => {
    const hasBody = c.req.raw.body !== null && c.req.header('content-length') !== '0';
    const parsed = bodySchema.safeParse(hasBody ? await readJsonBody(c) : {});
    if (!parsed.success) throw new InvalidParameterError('chat_id', 'must be a chat id');
    const done = await trigger(parsed.data.chat_id);
    if (done === null) {
      return errorResponse({ title: 'Not Found', detail: 'The simulator has no such chat (or none to write to).', type: 'errors/resource_not_found', status: 404 });
    }
    return c.json({ object: 'SimulatorActivity', ...done }, 200, { 'cache-control': 'no-store' });
  });
  return routes;
}
