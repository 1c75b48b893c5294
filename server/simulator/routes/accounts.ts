import type { Hono } from 'hono';
import { errors } from '../errors';
import type { SimulatorStore } from '../store';
import { DEFAULT_LIMIT, offsetPage, Query } from './request';

/** GET /accounts (paged by offset) and GET /accounts/:id. */
export function accountRoutes(app: Hono, v1: string, store: SimulatorStore): void {
  app.get(`${v1}/accounts`, (c) => {
    const q = new Query(c.req.url);
    const limitParam = q.limit();
    const raw = q.nonEmpty('cursor');
    const page = offsetPage(store.accounts, { k: 'accounts', of: '' }, raw, limitParam, DEFAULT_LIMIT);
    return c.json({ object: 'AccountList', items: page.items.map((a) => store.accountJson(a.index)), cursor: page.cursor });
  });

  app.get(`${v1}/accounts/:id`, (c) => {
    const idx = store.accountIndex(c.req.param('id'));
    if (idx < 0) throw errors.notFound(`No account with id ${JSON.stringify(c.req.param('id'))}.`);
    return c.json(store.accountJson(idx));
  });
}
