import { describe, expect, it } from 'vitest';
import { decodeCursor, MAX_TIES, OVERLAP, readPage, REACH_BACK, type Entry, type Page, type ReadWindow } from './cursor';
import { Answer } from './errors';

/*
 * The paging guarantee of cursor.ts against an offset-paged list that changes between pages: no item answered twice,
 * and no item skipped that stayed in the list without new activity.
 */

interface Item {
  id: string;
  key: number | null;
}

/** An upstream list, sorted newest first (no key last, or first with `nullsFirst`); ties keep the array's order. */
function source(items: Item[], options: { nullsFirst?: boolean } = {}) {
  const state = { items, reads: 0 };
  const rank = (item: Item) => (item.key === null ? (options.nullsFirst ? Infinity : -Infinity) : item.key);
  const read: ReadWindow<Item> = async (offset, count) => {
    state.reads++;
    const sorted = state.items.map((item, i) => ({ item, i })).sort((a, b) => rank(b.item) - rank(a.item) || a.i - b.i);
    const slice = sorted.slice(offset, offset + count).map(({ item }, i): Entry<Item> => ({ pos: offset + i, id: item.id, key: item.key, value: item }));
    return { entries: slice, rawCount: slice.length };
  };
  return { state, read };
}

const items = (n: number, key: (i: number) => number | null = (i) => 1_000_000 - i * 10): Item[] => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, key: key(i) }));

/** Walks every page; `between(page)` changes the list after each page. */
async function walk(read: ReadWindow<Item>, limit: number, between: (page: number, answered: string[]) => void = () => undefined, maxPages = 1_000) {
  const answered: string[] = [];
  let raw: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const result: Page<Item> = await readPage(read, limit, decodeCursor(raw, 'f'), 'f');
    answered.push(...result.items.map((e) => e.id));
    if (result.cursor === null) return answered;
    raw = result.cursor;
    between(page, answered);
  }
  throw new Error('the walk did not end');
}

function expectOnce(answered: string[]) {
  expect(answered.length - new Set(answered).size).toBe(0);
}

describe('a list that does not change', () => {
  it('is answered whole, in order, once, and ends with cursor null', async () => {
    const list = items(23);
    expect(await walk(source(list).read, 5)).toEqual(list.map((i) => i.id));
  });

  it('ends with an empty page when its length is a multiple of the page', async () => {
    const { read } = source(items(10));
    const first = await readPage(read, 5, null, 'f');
    const second = await readPage(read, 5, decodeCursor(first.cursor, 'f'), 'f');
    expect(second.cursor).not.toBeNull();
    const third = await readPage(read, 5, decodeCursor(second.cursor, 'f'), 'f');
    expect([third.items, third.cursor]).toEqual([[], null]);
  });
});

describe('a list that changes between pages', () => {
  it('does not answer again a chat that moved to the top, nor skip the ones it passed', async () => {
    const list = items(30);
    const { state, read } = source(list);
    let top = 2_000_000;
    const answered = await walk(read, 10, (_page, done) => {
      // An answered chat gets a message: it now sorts first.
      const moved = state.items.find((i) => i.id === done[done.length - 3]);
      if (moved) moved.key = top++;
    });
    expectOnce(answered);
    expect(answered.sort()).toEqual(list.map((i) => i.id).sort());
  });

  it('does not answer a chat twice when new chats arrive at the top', async () => {
    const { state, read } = source(items(40));
    let n = 0;
    const answered = await walk(read, 10, () => {
      for (let k = 0; k < 15; k++) state.items.push({ id: `new${n++}`, key: 5_000_000 + n });
    });
    expectOnce(answered);
    for (let i = 0; i < 40; i++) expect(answered).toContain(`c${i}`);
  });

  it('skips nothing when up to OVERLAP chats above the boundary disappear, with one read per page', async () => {
    const { state, read } = source(items(70));
    let pagesAfter = 0;
    const answered = await walk(read, 20, (page, done) => {
      pagesAfter++;
      if (page !== 0) return;
      state.items = state.items.filter((i) => !done.slice(0, OVERLAP - 5).includes(i.id));
      state.reads = 0;
    });
    expect(answered).toEqual(items(70).map((i) => i.id));
    expect(state.reads).toBe(pagesAfter);
  });

  it('skips nothing when more than OVERLAP (up to REACH_BACK) disappear: it reads further back once', async () => {
    const { state, read } = source(items(400));
    const answered = await walk(read, 200, (page, done) => {
      if (page !== 0) return;
      state.items = state.items.filter((i) => !done.slice(0, 150).includes(i.id));
      state.reads = 0;
    });
    expect(answered).toEqual(items(400).map((i) => i.id));
    expect(state.reads).toBe(2); // the second and last page: its window, then the read further back
  });

  it('can skip when more than REACH_BACK disappear (the documented limit)', async () => {
    const { state, read } = source(items(1_200));
    const answered = await walk(read, 250, (page, done) => {
      if (page === 2) state.items = state.items.filter((i) => !done.slice(0, REACH_BACK + 100).includes(i.id));
    });
    expectOnce(answered);
    expect(answered.length).toBeLessThan(1_200);
  });

  it('tells ties apart by id across a page boundary, even when the upstream reorders them', async () => {
    // Ten chats share one time and straddle the page boundary; each read lists the ties in another order.
    const list = items(30, (i) => (i >= 5 && i < 15 ? 500 : 1_000_000 - i * 10));
    const { state, read } = source(list);
    const answered = await walk(read, 8, () => {
      state.items = [...state.items].reverse();
    });
    expectOnce(answered);
    expect(answered.sort()).toEqual(list.map((i) => i.id).sort());
  });

  it('pages through chats without a time at the end', async () => {
    const list = items(25, (i) => (i < 7 ? 1_000_000 - i : null));
    const { state, read } = source(list);
    const answered = await walk(read, 6, () => {
      state.items = [...state.items].reverse();
    });
    expectOnce(answered);
    expect(answered.sort()).toEqual(list.map((i) => i.id).sort());
  });

  it('learns from the first page that chats without a time come first', async () => {
    const list = items(25, (i) => (i < 18 ? 1_000_000 - i : null));
    const ids = list.map((i) => i.id);
    const { state, read } = source(list, { nullsFirst: true });
    const answered = await walk(read, 5, (page) => {
      // Sorts above the boundary by then: a chat new to the list, seen at the top, not by this walk.
      if (page === 2) state.items.push({ id: 'late', key: 2_000_000 });
    });
    expectOnce(answered);
    expect(answered.slice(0, 7).every((id) => Number(id.slice(1)) >= 18)).toBe(true);
    expect(answered.sort()).toEqual(ids.sort());
  });

  it('never repeats a chat in a tie group larger than MAX_TIES that does not move', async () => {
    const list = items(MAX_TIES + 60, () => 42);
    const answered = await walk(source(list).read, 50);
    expect(answered).toEqual(list.map((i) => i.id));
  });

  it('pages by position when the upstream ignores the sort', async () => {
    const list = items(30, (i) => (i * 7919) % 101);
    const read: ReadWindow<Item> = async (offset, count) => {
      const slice = list.slice(offset, offset + count).map((item, i) => ({ pos: offset + i, id: item.id, key: item.key, value: item }));
      return { entries: slice, rawCount: slice.length };
    };
    expect(await walk(read, 7)).toEqual(list.map((i) => i.id));
  });

  it('keeps its guarantee under random changes', async () => {
    // A small deterministic PRNG (mulberry32), so a failure can be replayed.
    let seed = 20250101;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (let run = 0; run < 40; run++) {
      const list = items(120, (i) => (i % 9 === 0 ? null : 1_000 - Math.floor(i / 3)));
      const { state, read } = source(list);
      const touched = new Set<string>();
      let top = 10_000;
      let n = 0;
      const answered = await walk(read, 1 + Math.floor(random() * 30), (_page, done) => {
        for (let k = 0; k < 6; k++) {
          const r = random();
          const pick = state.items[Math.floor(random() * state.items.length)];
          if (!pick) continue;
          if (r < 0.3) {
            pick.key = top++; // new activity: to the top
            touched.add(pick.id);
          } else if (r < 0.5 && done.includes(pick.id)) {
            state.items = state.items.filter((i) => i !== pick); // an answered chat is deleted
          } else if (r < 0.7) {
            state.items.push({ id: `new${n++}`, key: top++ });
          } else {
            state.items = [...state.items].reverse(); // ties come back in another order
          }
        }
      });
      expectOnce(answered);
      // Every chat that stayed put (no new activity, not deleted) is answered.
      for (const item of state.items) if (!touched.has(item.id) && !item.id.startsWith('new')) expect(answered).toContain(item.id);
    }
  });
});

describe('the cursor', () => {
  it('is refused when it belongs to another list, or is none of ours', async () => {
    const { cursor } = await readPage(source(items(10)).read, 5, null, 'list-a');
    expect(() => decodeCursor(cursor, 'list-b')).toThrow(Answer);
    expect(() => decodeCursor('bm90IGEgY3Vyc29y', 'list-a')).toThrow(Answer);
    expect(() => decodeCursor('%%%', 'list-a')).toThrow(Answer);
    expect(decodeCursor(cursor, 'list-a')).toMatchObject({ o: 5 });
  });

  it('stays short: a few kilobytes at most, even full of ties', async () => {
    const list = items(MAX_TIES + 60, () => 42);
    const { read } = source(list);
    const first = await readPage(read, 250, null, 'f');
    expect(first.cursor?.length).toBeLessThan(4_000);
    expect(first.cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
