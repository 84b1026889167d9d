// Specification of the contact id table of the packed timeline reader
// (src/core/contactIdTable.ts): every id gets one number, in order of first
// use, whatever the batching, the hash collisions, the ids' lengths and the
// table's growth; the numbers of the events' ids are pushed in queue order,
// a listed contact's id is numbered without pushing one.
import assert from 'node:assert/strict';
import { ContactIdTable, FNV_START, hashBytes, hashNext } from '../../src/core/contactIdTable';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Queues `id` as the reader does: its bytes inside a larger buffer, with the hash given (hashBytes unless told). */
function queue(table: ContactIdTable, id: string, hash = hashBytes(ascii(id), 0, id.length)) {
  const buffer = ascii(`{"contact":"${id}"}`);
  table.queue(buffer, 12, 12 + id.length, hash);
}

/** Numbers as a Map would give them, first use first. */
function expected(ops: { id: string; add?: boolean }[]) {
  const numbers = new Map<string, number>();
  const pushed: number[] = [];
  for (const { id, add } of ops) {
    if (!numbers.has(id)) numbers.set(id, numbers.size);
    if (!add) pushed.push(numbers.get(id)!);
  }
  return { ids: [...numbers.keys()], pushed };
}

function run(ops: { id: string; add?: boolean; hash?: number }[]) {
  const pushed: number[] = [];
  const table = new ContactIdTable(pushed);
  for (const op of ops) {
    if (op.add) table.add(op.id);
    else queue(table, op.id, op.hash);
  }
  table.resolve();
  return { table, pushed };
}

describe('contact ids numbered by their bytes (ContactIdTable)', function () {
  this.timeout(30_000);
  it('hashNext from FNV_START is hashBytes one byte at a time (FNV-1a)', () => {
    for (const text of ['', 'a', 'ann', 'contact_000123', 'Z.-_9']) {
      let h = FNV_START;
      for (const c of ascii(text)) h = hashNext(h, c);
      assert.equal(h, hashBytes(ascii(text), 0, text.length), text);
    }
    assert.equal(hashBytes(ascii('a'), 0, 1), Math.imul(0x811c9dc5 ^ 97, 0x01000193) | 0);
    assert.equal(hashBytes(ascii('xay'), 1, 2), hashBytes(ascii('a'), 0, 1), 'only the bytes [start, end) count');
    assert.notEqual(hashBytes(ascii('ab'), 0, 2), hashBytes(ascii('ba'), 0, 2));
  });

  it('numbers each id once, in order of first use, and pushes the events\' numbers in queue order', () => {
    const ops = ['ann', 'bob', 'ann', 'carl', 'bob', 'bob', 'dora'].map((id) => ({ id }));
    const { table, pushed } = run(ops);
    assert.deepEqual(pushed, expected(ops).pushed);
    assert.deepEqual(table.ids, ['ann', 'bob', 'carl', 'dora']);
    assert.equal(table.size, 4);
  });

  it('nothing is pushed before a lookup; resolve() with nothing queued changes nothing', () => {
    const pushed: number[] = [];
    const table = new ContactIdTable(pushed);
    table.resolve();
    assert.deepEqual([pushed, table.ids, table.size], [[], [], 0]);
    queue(table, 'ann');
    assert.deepEqual(pushed, [], 'queued, not looked up yet');
    table.resolve();
    table.resolve();
    assert.deepEqual(pushed, [0]);
  });

  it('a listed contact\'s id is numbered after the queued ones, keeping its string, and pushes no number', () => {
    const ops = [{ id: 'ann' }, { id: 'zed', add: true }, { id: 'ann', add: true }, { id: 'zed' }, { id: 'bob' }];
    const { table, pushed } = run(ops);
    assert.deepEqual(pushed, [0, 1, 2]);
    assert.deepEqual(table.ids, ['ann', 'zed', 'bob']);
    const listed = 'listed_' + 'contact';
    const t = run([{ id: listed, add: true }]).table;
    assert.equal(t.ids[0], listed);
  });

  it('ids whose hashes collide are told apart by their bytes (same length, same hash, different last byte; or other lengths)', () => {
    const ops = ['abc', 'abd', 'ab', 'abcd', 'abc', 'abd', 'ab', 'abcd', 'x'].map((id) => ({ id, hash: 7 }));
    const { table, pushed } = run(ops);
    assert.deepEqual(pushed, [0, 1, 2, 3, 0, 1, 2, 3, 4]);
    assert.deepEqual(table.ids, ['abc', 'abd', 'ab', 'abcd', 'x']);
    const wrapped = run(['p', 'q', 'p', 'q'].map((id) => ({ id, hash: -1 }))), wrappedIds = wrapped.table.ids;
    assert.deepEqual([wrapped.pushed, wrappedIds], [[0, 1, 0, 1], ['p', 'q']], 'probing past the last slot wraps to the first');
  });

  it('an id longer than twice the first queue buffer (16 KiB) or twice the first byte arena (64 KiB) is numbered and told apart from one a byte shorter', () => {
    const long = 'q'.repeat(40_000);
    const longer = 'a'.repeat(140_000);
    const ops = [{ id: 'ann' }, { id: long }, { id: longer }, { id: long.slice(1) }, { id: longer.slice(1) }, { id: long }, { id: 'ann' }, { id: longer }];
    const { table, pushed } = run(ops);
    const want = expected(ops);
    assert.deepEqual(pushed, want.pushed);
    assert.equal(table.ids.length, want.ids.length);
    assert.ok(table.ids.every((id, k) => id === want.ids[k]), 'the same ids, whole');
  });

  it('a listed contact added when 511 ids are queued (the batch then full) is numbered after them, and the ids queued next still get their numbers', () => {
    const ops: { id: string; add?: boolean }[] = [];
    for (let i = 0; i < 511; i++) ops.push({ id: `c${i % 400}` });
    ops.push({ id: 'listed', add: true }, { id: 'c7' }, { id: 'next' }, { id: 'listed' });
    const { table, pushed } = run(ops);
    const want = expected(ops);
    assert.deepEqual(table.ids, want.ids);
    assert.deepEqual(pushed, want.pushed);
  });

  it('33,000 ids (more than half of the first table\'s 65,536 slots): the table doubles, and every id keeps its number', () => {
    const ops: { id: string; add?: boolean }[] = [];
    for (let i = 0; i < 33_000; i++) ops.push({ id: `c${i}` });
    for (let i = 0; i < 33_000; i += 97) ops.push({ id: `c${i}` }, { id: `n${i}` });
    const { table, pushed } = run(ops);
    const want = expected(ops);
    assert.equal(table.size, want.ids.length);
    assert.deepEqual(pushed, want.pushed);
  });

  it('many batches of long and short ids (more ids than the first table has slots, one id longer than twice the first arena), with the table and its byte arena growing, still number each id once', () => {
    const ops: { id: string; add?: boolean }[] = [{ id: 'z'.repeat(200_000) }];
    for (let i = 0; i < 66_000; i++) ops.push({ id: `c${i}` });
    for (let i = 0; i < 600; i++) ops.push({ id: `long_${'x'.repeat(60)}_${i}` });
    for (let i = 0; i < 66_000; i += 7) ops.push({ id: `c${i}`, add: i % 2 === 0 });
    for (let i = 0; i < 600; i += 3) ops.push({ id: `long_${'x'.repeat(60)}_${i}` });
    ops.push({ id: 'y'.repeat(20_000) }, { id: 'y'.repeat(20_000) });
    const { table, pushed } = run(ops);
    const want = expected(ops);
    assert.equal(table.size, want.ids.length);
    assert.deepEqual(table.ids, want.ids);
    assert.deepEqual(pushed, want.pushed);
  });
});
