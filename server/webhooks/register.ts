import * as z from 'zod/mini';
import type { Backend } from '../backends/types';
import { MESSAGE_EVENTS, WEBHOOK_SECRET_HEADER } from './unipile-webhook';

/**
 * Start-up registration of Triage's two Unipile webhooks (messaging, account status) pointing at
 * `${publicUrl}/webhooks/unipile`. It lists what exists first and creates only what is missing, so restarts (and
 * several copies starting together, mostly) leave one of each. It talks to Unipile through the backend, as every
 * upstream call does; the browser's /api/v1 proxy has no /webhooks route, so nobody else can.
 */

export const WEBHOOK_SOURCES = ['messaging', 'account_status'] as const;
export type WebhookSource = (typeof WEBHOOK_SOURCES)[number];

/** Names Triage gives its webhooks: how it finds them again (Unipile's list does not always say the source). */
export const WEBHOOK_NAMES: Record<WebhookSource, string> = { messaging: 'triage-messaging', account_status: 'triage-account-status' };

/** A list longer than this many pages is not a list of a few webhooks. */
const MAX_LIST_PAGES = 20;

const listSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.optional(z.nullable(z.string())),
      source: z.optional(z.string()),
      request_url: z.optional(z.string()),
      headers: z.optional(z.nullable(z.array(z.object({ key: z.string(), value: z.optional(z.string()) })))),
    }),
  ),
  cursor: z.optional(z.nullable(z.string())),
});
type ListedWebhook = z.infer<typeof listSchema>['items'][number];

const createdSchema = z.object({ webhook_id: z.string() });

export interface RegisterOptions {
  /** Where Unipile can reach this Triage, e.g. https://triage.example.com (no trailing slash needed). */
  publicUrl: string;
  secret: string;
}

export interface RegisterResult {
  /** Ids of the webhooks created now. */
  created: string[];
  /** Ids of ours that were already there, with this URL and this secret. */
  existing: string[];
  /**
   * Ids of ours at this URL that carry another secret (UNIPILE_WEBHOOK_SECRET changed): their deliveries are refused
   * with 401 from now on. Triage does not delete them; remove them in Unipile's dashboard.
   */
  stale: string[];
}

export class WebhookRegistrationError extends Error {
  override name = 'WebhookRegistrationError';
}

export function webhookUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/webhooks/unipile`;
}

async function readJson(response: Response, what: string): Promise<unknown> {
  if (!response.ok) throw new WebhookRegistrationError(`${what}: Unipile answered ${response.status}`);
  try {
    return (await response.json()) as unknown;
  } catch {
    throw new WebhookRegistrationError(`${what}: Unipile answered something that is not JSON`);
  }
}

async function listWebhooks(backend: Backend): Promise<ListedWebhook[]> {
  const all: ListedWebhook[] = [];
  let cursor: string | null | undefined;
  for (let page = 0; page < MAX_LIST_PAGES; page++) {
    const query = new URLSearchParams(cursor ? { cursor } : {});
    const parsed = listSchema.safeParse(await readJson(await backend.request({ method: 'GET', path: '/api/v1/webhooks', query }), 'listing webhooks'));
    if (!parsed.success) throw new WebhookRegistrationError('listing webhooks: Unipile answered a list Triage does not understand');
    all.push(...parsed.data.items);
    cursor = parsed.data.cursor;
    if (!cursor) return all;
  }
  throw new WebhookRegistrationError(`listing webhooks: more than ${MAX_LIST_PAGES} pages`);
}

function isOurs(item: ListedWebhook, source: WebhookSource, url: string): boolean {
  if (item.request_url !== url) return false;
  return item.source !== undefined ? item.source === source : item.name === WEBHOOK_NAMES[source];
}

function carriesSecret(item: ListedWebhook, secret: string): boolean {
  const header = item.headers?.find((h) => h.key.toLowerCase() === WEBHOOK_SECRET_HEADER.toLowerCase());
  // A list that hides header values cannot say; trust it rather than pile up duplicates on every start.
  return header !== undefined && (header.value === undefined || header.value === secret);
}

function createBody(source: WebhookSource, url: string, secret: string): string {
  const common = { name: WEBHOOK_NAMES[source], request_url: url, format: 'json', enabled: true, headers: [{ key: WEBHOOK_SECRET_HEADER, value: secret }] };
  return JSON.stringify(source === 'messaging' ? { ...common, source, events: MESSAGE_EVENTS } : { ...common, source });
}

export async function registerWebhooks(backend: Backend, { publicUrl, secret }: RegisterOptions): Promise<RegisterResult> {
  const url = webhookUrl(publicUrl);
  const listed = await listWebhooks(backend);
  const result: RegisterResult = { created: [], existing: [], stale: [] };
  for (const source of WEBHOOK_SOURCES) {
    const ours = listed.filter((item) => isOurs(item, source, url));
    const current = ours.filter((item) => carriesSecret(item, secret));
    result.stale.push(...ours.filter((item) => !carriesSecret(item, secret)).map((item) => item.id));
    if (current.length > 0) {
      result.existing.push(...current.map((item) => item.id));
      continue;
    }
    const response = await backend.request({ method: 'POST', path: '/api/v1/webhooks', body: createBody(source, url, secret), contentType: 'application/json' });
    const created = createdSchema.safeParse(await readJson(response, `creating the ${source} webhook`));
    if (!created.success) throw new WebhookRegistrationError(`creating the ${source} webhook: Unipile answered without a webhook_id`);
    result.created.push(created.data.webhook_id);
  }
  return result;
}
