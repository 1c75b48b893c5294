import { z } from 'zod';
import { actionGap } from '../../../src/lib/wire/backends';
import { CHAT_ACTIONS } from '../../../src/lib/wire/vocabulary';
import type { UpstreamRequest } from '../types';
import { toUnipileAccount } from './accounts';
import { toAttendees } from './attendees';
import { listChats } from './chat-list';
import { toUnipileChatDetail } from './chats';
import { chatSegment, type PeriskopeCalls } from './client';
import { Answer, invalidParameter, jsonAnswer, notFound, notOffered, resourceNotFound } from './errors';
import { listAllMessages, listChatMessages } from './message-list';
import { chatSchema, phoneSchema, type PeriskopeChat } from './schemas';

/*
 * The routes of server/routes/api.ts, answered in Unipile's shapes from Periskope's API. Paths arrive as the route
 * built them (`/api/v1/…`, each id percent-encoded once); ids are decoded here and encoded again for Periskope.
 */

export interface AdapterContext {
  calls: PeriskopeCalls;
  /** The configured `x-phone` scope; null: every phone the key sees. */
  phone: string | null;
}

/** GET /phones/all answers a list; GET /phones (with x-phone) one phone. */
const phonesSchema = z.union([z.array(z.unknown()), z.object({ phones: z.array(z.unknown()) }).transform((b) => b.phones), z.record(z.string(), z.unknown()).transform((one) => [one])]);

async function accounts(ctx: AdapterContext) {
  const raw = ctx.phone === null ? await ctx.calls.get('/phones/all', phonesSchema) : await ctx.calls.get('/phones', phonesSchema, { phone: ctx.phone });
  return raw.flatMap((item) => {
    const phone = phoneSchema.safeParse(item);
    const account = phone.success ? toUnipileAccount(phone.data) : null;
    return account ? [account] : [];
  });
}

function getChat(ctx: AdapterContext, chatId: string, phone = ctx.phone): Promise<PeriskopeChat> {
  return ctx.calls.get(`/chats/${chatSegment(chatId)}`, chatSchema, { phone });
}

async function bodyText(body: BodyInit | null | undefined): Promise<string> {
  return body === null || body === undefined ? '' : new Response(body).text();
}

async function jsonBody(req: UpstreamRequest): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(await bodyText(req.body));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new Answer(invalidParameter('body', 'must be a JSON object'));
}

/**
 * A write for one chat. Without a configured phone it goes without `x-phone`; when Periskope answers that it needs one
 * (a key that sees several phones), it is sent again scoped to the chat's own phone.
 */
async function write(ctx: AdapterContext, chatId: string, path: string, body?: unknown): Promise<Response> {
  if (ctx.phone !== null) return ctx.calls.post(path, body, { phone: ctx.phone });
  try {
    return await ctx.calls.post(path, body);
  } catch (error) {
    const asksForPhone = error instanceof Answer && error.response.status === 422 && /x-phone/i.test(error.upstreamDetail ?? '');
    if (!asksForPhone) throw error;
    const chat = await getChat(ctx, chatId);
    if (!chat.org_phone) throw error;
    return ctx.calls.post(path, body, { phone: chat.org_phone });
  }
}

const patchSchema = z.object({ action: z.enum(CHAT_ACTIONS), value: z.boolean() });

async function patchChat(ctx: AdapterContext, chatId: string, req: UpstreamRequest): Promise<Response> {
  const parsed = patchSchema.safeParse(await jsonBody(req));
  if (!parsed.success) return invalidParameter('body', `must be {action: ${CHAT_ACTIONS.join(' | ')}, value: boolean}`);
  const { action, value } = parsed.data;
  const gap = actionGap('periskope', action, value);
  if (gap !== null) return notOffered(gap);
  if (action !== 'setReadStatus') return notOffered('Periskope cannot do this.');
  await write(ctx, chatId, `/chats/${chatSegment(chatId)}/read`);
  return jsonAnswer({ object: 'ChatPatched' });
}

const sentSchema = z.object({ queue_id: z.string().nullish().catch(null) }).catch({ queue_id: null });

async function sendMessage(ctx: AdapterContext, chatId: string, req: UpstreamRequest): Promise<Response> {
  if (/^multipart\//i.test(req.contentType ?? '')) {
    // Nothing of the upload is read: let the route's stream go.
    if (req.body instanceof ReadableStream) await req.body.cancel().catch(() => undefined);
    return notOffered('Periskope takes attachments only as base64 or a link; sending files through Triage is not offered.');
  }
  const { text } = await jsonBody(req);
  if (typeof text !== 'string' || text.trim() === '') return invalidParameter('text', 'must be a non-empty string');
  const sent = await write(ctx, chatId, '/message/send', { chat_id: chatId, message: text });
  // The message is queued: whatever the body says, it was sent. Periskope names the queue entry, not the message.
  const queueId = await sent.json().then((body: unknown) => sentSchema.parse(body).queue_id ?? null, () => null);
  return jsonAnswer({ object: 'MessageSent', message_id: queueId }, 201);
}

/** The id of a path segment, decoded once; null when it is no valid encoding (answered 404). */
function decodeSegment(segment: string): string | null {
  try {
    const id = decodeURIComponent(segment);
    return id === '' ? null : id;
  } catch {
    return null;
  }
}

export async function handle(ctx: AdapterContext, req: UpstreamRequest): Promise<Response> {
  const path = req.path.replace(/^\/api\/v1(?=\/)/, '');
  const parts = path.split('/').slice(1);
  const query = req.query ?? new URLSearchParams();
  const [resource, rawId, sub, rawSub, extra] = parts;
  const id = rawId === undefined ? null : decodeSegment(rawId);
  const route = `${req.method} /${resource ?? ''}${rawId === undefined ? '' : '/:id'}${sub === undefined ? '' : `/${sub}`}${rawSub === undefined ? '' : '/:sub'}`;
  if (extra !== undefined || (rawId !== undefined && id === null)) return notFound(req.method, req.path);
  const chatId = id ?? '';

  switch (route) {
    case 'GET /accounts':
      return jsonAnswer({ object: 'AccountList', items: await accounts(ctx), cursor: null });
    case 'GET /accounts/:id': {
      const account = (await accounts(ctx)).find((a) => a.id === chatId || a.sources.some((s) => s.id === chatId));
      return account ? jsonAnswer(account) : resourceNotFound(`No account with id ${JSON.stringify(chatId)}.`);
    }
    case 'GET /chats':
      return listChats(ctx.calls, ctx.phone, query);
    case 'GET /chats/:id':
      return jsonAnswer(toUnipileChatDetail(await getChat(ctx, chatId, ctx.phone ?? query.get('account_id'))));
    case 'PATCH /chats/:id':
      return patchChat(ctx, chatId, req);
    case 'GET /chats/:id/messages':
      return listChatMessages(ctx.calls, ctx.phone, chatId, query);
    case 'POST /chats/:id/messages':
      return sendMessage(ctx, chatId, req);
    case 'GET /chats/:id/attendees':
      return jsonAnswer({ object: 'ChatAttendeeList', items: toAttendees(await getChat(ctx, chatId)), cursor: null });
    case 'GET /messages':
      return listAllMessages(ctx.calls, ctx.phone, query);
    case 'GET /chat_attendees/:id/picture':
      // Periskope's contact images are third-party links, not relayed: no picture (the browser draws initials).
      return resourceNotFound('Periskope pictures are not relayed by Triage.');
    case 'GET /messages/:id/attachments/:sub':
      return notOffered('Downloading Periskope attachments through Triage is not offered.');
    default:
      return notFound(req.method, req.path);
  }
}
