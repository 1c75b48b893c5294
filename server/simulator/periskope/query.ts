import { DAY } from '../data-generator/time';
import { invalidField, validationError } from './errors';
import type { SortBy } from './store';
import type { PeriskopeChatKind } from './wire';

/** Query parameters read the way Periskope validates them: a bad one is a 422 naming it in `fields`. */

/** Periskope's page size cap (the seed's 422 "Limit should be less than 2000") and its default. */
export const MAX_LIMIT = 2000;

export class PeriskopeQuery {
  private readonly params: URLSearchParams;
  constructor(url: string) {
    this.params = new URL(url).searchParams;
  }

  get(name: string): string | undefined {
    const all = this.params.getAll(name);
    if (all.length > 1) throw invalidField(name, `${name} must be given once`, all.join(','));
    return all[0];
  }

  offset(): number {
    const raw = this.get('offset');
    if (raw === undefined || raw === '') return 0;
    const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
    if (Number.isNaN(n)) throw invalidField('offset', 'Offset should be a non-negative integer', raw);
    return n;
  }

  limit(): number {
    const raw = this.get('limit');
    if (raw === undefined || raw === '') return MAX_LIMIT;
    const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
    if (Number.isNaN(n) || n < 1) throw invalidField('limit', 'Limit should be a positive integer', raw);
    if (n > MAX_LIMIT) rejectLimit(raw);
    return n;
  }

  sortBy(): SortBy {
    const raw = this.get('sort_by');
    if (raw === undefined || raw === '') return 'created_at';
    if (raw !== 'created_at' && raw !== 'latest_message_timestamp') throw invalidField('sort_by', 'sort_by should be one of created_at, latest_message_timestamp', raw);
    return raw;
  }

  sortOrder(): 'asc' | 'desc' {
    const raw = this.get('sort_order');
    if (raw === undefined || raw === '') return 'desc';
    if (raw !== 'asc' && raw !== 'desc') throw invalidField('sort_order', 'sort_order should be one of asc, desc', raw);
    return raw;
  }

  chatType(): PeriskopeChatKind | undefined {
    const raw = this.get('chat_type');
    if (raw === undefined || raw === '') return undefined;
    // The docs name 1:1 chats both `user` and `individual`.
    if (raw === 'individual') return 'user';
    if (raw !== 'user' && raw !== 'group' && raw !== 'business') throw invalidField('chat_type', 'chat_type should be one of user, group, business', raw);
    return raw;
  }

  nonEmpty(name: string): string | undefined {
    const raw = this.get(name);
    return raw === undefined || raw === '' ? undefined : raw;
  }

  /** `2025-04-25` or `2025-04-25T00:00:00Z`; a bare date as end_time covers that whole day. */
  time(name: 'start_time' | 'end_time'): number | undefined {
    const raw = this.nonEmpty(name);
    if (raw === undefined) return undefined;
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
    const ms = dateOnly || /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(raw) ? Date.parse(raw) : NaN;
    if (Number.isNaN(ms)) throw invalidField(name, `${name} should be a date like 2025-04-25 or 2025-04-25T00:00:00Z`, raw);
    return dateOnly && name === 'end_time' ? ms + DAY - 1 : ms;
  }
}

/** The seed's own 422 for a limit over the cap. */
function rejectLimit(raw: string): never {
  throw validationError(`Limit should be less than ${MAX_LIMIT}`, { limit: { message: `Limit should be less than ${MAX_LIMIT}`, value: raw } });
}
