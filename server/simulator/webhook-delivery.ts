/**
 * How the simulator pushes a webhook, as Unipile does: an HTTP POST of the JSON payload to the registered URL, with
 * the headers the webhook was registered with (Triage's X-Webhook-Secret). A real request over the network stack,
 * not a call into the app, so the route, its secret check and the server in front of it are all on the path.
 */

export interface WebhookDeliveryOptions {
  /** The URL, or where to read it when it is known only once the server listens; null: not yet. */
  url: string | (() => string | null);
  headers: Record<string, string>;
  timeoutMs?: number;
  fetch?: (input: Request) => Promise<Response>;
}

export class WebhookDeliveryError extends Error {
  override name = 'WebhookDeliveryError';
}

export function createWebhookDelivery({ url, headers, timeoutMs = 5_000, fetch = globalThis.fetch }: WebhookDeliveryOptions): (payload: unknown) => Promise<void> {
  return async (payload) => {
    const target = typeof url === 'string' ? url : url();
    if (target === null) throw new WebhookDeliveryError('no webhook URL yet (the server is not listening)');
    const response = await fetch(
      new Request(target, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(timeoutMs),
      }),
    );
    // Only the status matters; reading the small body lets the connection be reused.
    await response.arrayBuffer();
    if (!response.ok) throw new WebhookDeliveryError(`${target} answered ${response.status}`);
  };
}
