import { RequestCounter } from '../request-counter';

/**
 * Requests the Periskope simulator received, per route ("GET /v1/chats/:id/messages"), for tests and benchmarks that
 * hold Triage to an upstream budget: the Unipile counter with Periskope's path words.
 */
const PERISKOPE_ROUTE_WORDS: ReadonlySet<string> = new Set(['v1', 'phones', 'all', 'chats', 'messages', 'read', 'message', 'send']);

export const createPeriskopeRequestCounter = () => new RequestCounter(PERISKOPE_ROUTE_WORDS);
