import type { IdCodec } from '../ids';
import type { AccountRecord } from './accounts';

/** What every generator reads: the seed, the time anchor, the id codec and the accounts. */
export interface GenContext {
  seed: number;
  anchor: number;
  codec: IdCodec;
  accounts: AccountRecord[];
  /** [account index, weight] pairs, precomputed once: generation runs per chat. */
  accountWeights: readonly (readonly [number, number])[];
}

export function createGenContext(seed: number, anchor: number, codec: IdCodec, accounts: AccountRecord[]): GenContext {
  return { seed, anchor, codec, accounts, accountWeights: accounts.map((a) => [a.index, a.weight] as const) };
}

/** Stream salts: one per purpose so adding a draw to one never shifts another. */
export const SALT = { core: 0x0c0e, details: 0xd37a11, attendees: 0xa77e, messages: 0x3e55 } as const;
