// Specification of how `journey compare` matches the points of two versions
// (src/core/compare/pointMatching.ts): by id, then a point of A whose id B
// does not have is matched with B's one free point of the same type in the
// same place (the same edges in, or out, with the neighbours as B names
// them): a rename. A point is "same" when its definition, with the ids it
// names written as B names them, is equal; A's points first, then B's new ones.
import assert from 'node:assert/strict';
import { matchPoints } from '../../../src/core/compare/index';
import type { Journey } from '../../../src/core/schema';

type Raw = Record<string, unknown>;
const journey = (startingPoints: Raw[], points: Raw[]): Journey =>
  ({ formatVersion: 1, id: 'j', name: 'J', kind: 'trigger', startingPoints, points }) as unknown as Journey;

const sp = (id: string, next: string): Raw => ({ id, trigger: { type: 'api' }, next });
const wait = (id: string, next: string, duration = 'P1D'): Raw => ({ id, type: 'wait', duration, next });
const end = (id: string): Raw => ({ id, type: 'end' });

/** Each match as `a>b:type:change[:renamed]`. */
const summary = (a: Journey, b: Journey) =>
  matchPoints(a, b).matches.map((m) => `${m.a ?? ''}>${m.b ?? ''}:${m.kind}:${m.type}:${m.change}${m.renamed ? ':renamed' : ''}`);

const CHAIN = journey([sp('sp', 'p_a')], [wait('p_a', 'p_b'), wait('p_b', 'p_c'), wait('p_c', 'p_end'), end('p_end')]);

describe('compare: matching the points of two versions', () => {
  it('the same journey: every starting point and point matched with itself, the same', () => {
    assert.deepEqual(summary(CHAIN, CHAIN), ['sp>sp:start:start:same', 'p_a>p_a:point:wait:same', 'p_b>p_b:point:wait:same', 'p_c>p_c:point:wait:same', 'p_end>p_end:point:end:same']);
    assert.deepEqual([...matchPoints(CHAIN, CHAIN).aToB], [['sp', 'sp'], ['p_a', 'p_a'], ['p_b', 'p_b'], ['p_c', 'p_c'], ['p_end', 'p_end']]);
  });

  it('a renamed point in the same place is the same point, renamed; the point that leads to it is the same too', () => {
    const b = journey([sp('sp', 'p_a')], [wait('p_a', 'p_x'), wait('p_x', 'p_c'), wait('p_c', 'p_end'), end('p_end')]);
    assert.deepEqual(summary(CHAIN, b), ['sp>sp:start:start:same', 'p_a>p_a:point:wait:same', 'p_b>p_x:point:wait:same:renamed', 'p_c>p_c:point:wait:same', 'p_end>p_end:point:end:same']);
  });

  it('renamed neighbours are found one after the other (each rename reveals the next one\'s place)', () => {
    const b = journey([sp('sp', 'p_a')], [wait('p_a', 'p_x'), wait('p_x', 'p_y'), wait('p_y', 'p_end'), end('p_end')]);
    const chainEnd = journey([sp('sp', 'p_a')], [wait('p_a', 'p_b'), wait('p_b', 'p_c'), wait('p_c', 'p_d'), end('p_d')]);
    assert.deepEqual(summary(CHAIN, b).slice(2, 4), ['p_b>p_x:point:wait:same:renamed', 'p_c>p_y:point:wait:same:renamed']);
    const bEnd = journey([sp('sp', 'p_a')], [wait('p_a', 'p_x'), wait('p_x', 'p_y'), wait('p_y', 'p_z'), end('p_z')]);
    assert.deepEqual(summary(chainEnd, bEnd), ['sp>sp:start:start:same', 'p_a>p_a:point:wait:same', 'p_b>p_x:point:wait:same:renamed', 'p_c>p_y:point:wait:same:renamed', 'p_d>p_z:point:end:same:renamed']);
  });

  it('a renamed starting point is found by where it leads; a renamed first point by the starting point that leads to it', () => {
    const b = journey([sp('sp_new', 'p_first')], [wait('p_first', 'p_b'), wait('p_b', 'p_c'), wait('p_c', 'p_end'), end('p_end')]);
    assert.deepEqual(summary(CHAIN, b).slice(0, 2), ['sp>sp_new:start:start:same:renamed', 'p_a>p_first:point:wait:same:renamed']);
  });

  it('a point matched by its id is not matched again: a point added in B in the same place as a kept one is added', () => {
    const a = journey([sp('sp', 'p_a')], [wait('p_a', 'p_end'), end('p_end')]);
    const b = journey([sp('sp', 'p_a')], [wait('p_a', 'p_end'), end('p_end'), wait('p_y', 'p_end')]);
    assert.deepEqual(summary(a, b), ['sp>sp:start:start:same', 'p_a>p_a:point:wait:same', 'p_end>p_end:point:end:same', '>p_y:point:wait:added']);
  });

  it('a point of B matched by its id is not taken again: a point removed from A in the same place as a kept one is removed', () => {
    const a = journey([sp('sp', 'p_a')], [wait('p_a', 'p_end'), end('p_end'), wait('p_x', 'p_end')]);
    const b = journey([sp('sp', 'p_a')], [wait('p_a', 'p_end'), end('p_end')]);
    assert.deepEqual(summary(a, b), ['sp>sp:start:start:same', 'p_a>p_a:point:wait:same', 'p_end>p_end:point:end:same', 'p_x>:point:wait:removed']);
  });

  it('a point of another type in that place is not a rename: one removed, one added, after A\'s points', () => {
    const b = journey([sp('sp', 'p_a')], [wait('p_a', 'p_x'), { id: 'p_x', type: 'addTag', tag: 't', next: 'p_c' }, wait('p_c', 'p_end'), end('p_end')]);
    assert.deepEqual(summary(CHAIN, b), ['sp>sp:start:start:same', 'p_a>p_a:point:wait:changed', 'p_b>:point:wait:removed', 'p_c>p_c:point:wait:same', 'p_end>p_end:point:end:same', '>p_x:point:addTag:added']);
  });

  it('two free points of B in the same place: neither is taken as the rename', () => {
    const a = journey([sp('sp', 'p_if')], [{ id: 'p_if', type: 'ifElse', condition: { type: 'hasTag', tag: 't' }, branches: { yes: 'p_old', no: 'p_old' } }, wait('p_old', 'p_end'), end('p_end')]);
    const b = journey([sp('sp', 'p_if')], [{ id: 'p_if', type: 'ifElse', condition: { type: 'hasTag', tag: 't' }, branches: { yes: 'p_y', no: 'p_n' } }, wait('p_y', 'p_end'), wait('p_n', 'p_end'), end('p_end')]);
    assert.deepEqual(summary(a, b), ['sp>sp:start:start:same', 'p_if>p_if:point:ifElse:changed', 'p_old>:point:wait:removed', 'p_end>p_end:point:end:same', '>p_y:point:wait:added', '>p_n:point:wait:added']);
  });

  it('two points of A that fit one point of B: neither is taken', () => {
    const a = journey([sp('sp', 'p_1'), sp('sp2', 'p_2')], [wait('p_1', 'p_end'), wait('p_2', 'p_end'), end('p_end')]);
    const b = journey([sp('sp', 'p_x'), sp('sp2', 'p_x')], [wait('p_x', 'p_end'), end('p_end')]);
    assert.deepEqual(summary(a, b).filter((s) => s.includes('removed') || s.includes('added')), ['p_1>:point:wait:removed', 'p_2>:point:wait:removed', '>p_x:point:wait:added']);
  });

  it('a renamed point nothing leads to is found by where it leads', () => {
    const a = journey([sp('sp', 'p_end')], [wait('p_orphan', 'p_end'), end('p_end')]);
    const b = journey([sp('sp', 'p_end')], [wait('p_lost', 'p_end'), end('p_end')]);
    assert.deepEqual(summary(a, b), ['sp>sp:start:start:same', 'p_orphan>p_lost:point:wait:same:renamed', 'p_end>p_end:point:end:same']);
  });

  it('points nothing leads to and that lead nowhere (or elsewhere) have no place: not matched', () => {
    const a = journey([sp('sp', 'p_end')], [end('p_end'), end('p_e1'), wait('p_o1', 'p_end')]);
    const b = journey([sp('sp', 'p_end')], [end('p_end'), end('p_e2'), wait('p_o2', 'p_e2')]);
    assert.deepEqual(summary(a, b), ['sp>sp:start:start:same', 'p_end>p_end:point:end:same', 'p_e1>:point:end:removed', 'p_o1>:point:wait:removed', '>p_e2:point:end:added', '>p_o2:point:wait:added']);
  });

  it('a renamed point reached by several edges is found whatever order the points are listed in', () => {
    const a = journey([sp('sp', 'p_if')], [{ id: 'p_if', type: 'ifElse', condition: { type: 'hasTag', tag: 't' }, branches: { yes: 'p_x', no: 'p_y' } }, wait('p_x', 'p_end'), wait('p_y', 'p_end'), end('p_end')]);
    const b = journey([sp('sp', 'p_if')], [{ id: 'p_if', type: 'ifElse', condition: { type: 'hasTag', tag: 't' }, branches: { yes: 'p_x', no: 'p_y' } }, wait('p_y', 'p_fin'), wait('p_x', 'p_fin'), end('p_fin')]);
    assert.deepEqual(summary(a, b).at(-1), 'p_end>p_fin:point:end:same:renamed');
  });

  it('R13: a split whose branch leads to a renamed point is the same split', () => {
    const split = (to: string) => ({ id: 'p_split', type: 'split', branches: [{ percent: 50, next: to }, { percent: 50, next: to }] });
    const a = journey([sp('sp', 'p_split')], [split('p_end'), end('p_end')]);
    const b = journey([sp('sp', 'p_split')], [split('p_fin'), end('p_fin')]);
    assert.deepEqual(summary(a, b), ['sp>sp:start:start:same', 'p_split>p_split:point:split:same', 'p_end>p_fin:point:end:same:renamed']);
  });

  it('a point with the same id but another definition is changed; key order and formatting do not matter', () => {
    const b = journey([sp('sp', 'p_a')], [wait('p_a', 'p_b', 'P2D'), { next: 'p_c', duration: 'P1D', type: 'wait', id: 'p_b' }, wait('p_c', 'p_end'), end('p_end')]);
    assert.deepEqual(summary(CHAIN, b).slice(1, 3), ['p_a>p_a:point:wait:changed', 'p_b>p_b:point:wait:same']);
  });

  it('R13 R11 R12: split branches, if/else branches and the awaited email are compared with the ids as B names them', () => {
    const a = journey(
      [sp('sp', 'p_mail')],
      [
        { id: 'p_mail', type: 'sendEmail', content: 'c', next: 'p_split' },
        { id: 'p_split', type: 'split', branches: [{ percent: 50, next: 'p_w' }, { percent: 50, next: 'p_if' }] },
        { id: 'p_w', type: 'waitForEvent', event: { type: 'emailOpened', point: 'p_mail' }, timeout: 'P1D', branches: { yes: 'p_end', timeout: 'p_end' } },
        { id: 'p_if', type: 'ifElse', condition: { type: 'hasTag', tag: 't', nested: [1, { b: 2, a: 1 }] }, branches: { yes: 'p_end', no: 'p_end' } },
        end('p_end'),
      ],
    );
    const b = journey(
      [sp('sp', 'p_hello')],
      [
        { id: 'p_hello', type: 'sendEmail', content: 'c', next: 'p_split' },
        { id: 'p_split', type: 'split', branches: [{ percent: 50, next: 'p_w' }, { percent: 50, next: 'p_if' }] },
        { id: 'p_w', type: 'waitForEvent', event: { type: 'emailOpened', point: 'p_hello' }, timeout: 'P1D', branches: { yes: 'p_fin', timeout: 'p_fin' } },
        { id: 'p_if', type: 'ifElse', condition: { type: 'hasTag', tag: 't', nested: [1, { a: 1, b: 2 }] }, branches: { yes: 'p_fin', no: 'p_fin' } },
        end('p_fin'),
      ],
    );
    assert.deepEqual(summary(a, b), [
      'sp>sp:start:start:same',
      'p_mail>p_hello:point:sendEmail:same:renamed',
      'p_split>p_split:point:split:same',
      'p_w>p_w:point:waitForEvent:same',
      'p_if>p_if:point:ifElse:same',
      'p_end>p_fin:point:end:same:renamed',
    ]);
    const otherOrder = journey(b.startingPoints as unknown as Raw[], (b.points as unknown as Raw[]).map((p) => (p['id'] === 'p_if' ? { ...p, condition: { type: 'hasTag', tag: 't', nested: [{ a: 1, b: 2 }, 1] } } : p)));
    assert.equal(summary(a, otherOrder)[4], 'p_if>p_if:point:ifElse:changed', 'array order matters');
    const otherBranch = journey(b.startingPoints as unknown as Raw[], (b.points as unknown as Raw[]).map((p) => (p['id'] === 'p_split' ? { ...p, branches: [{ percent: 50, next: 'p_if' }, { percent: 50, next: 'p_w' }] } : p)));
    assert.equal(summary(a, otherBranch)[2], 'p_split>p_split:point:split:changed');
    const otherEvent = journey(b.startingPoints as unknown as Raw[], (b.points as unknown as Raw[]).map((p) => (p['id'] === 'p_w' ? { ...p, event: { type: 'emailOpened', point: 'p_split' } } : p)));
    assert.equal(summary(a, otherEvent)[3], 'p_w>p_w:point:waitForEvent:changed');
    const otherYes = journey(b.startingPoints as unknown as Raw[], (b.points as unknown as Raw[]).map((p) => (p['id'] === 'p_if' ? { ...p, branches: { yes: 'p_w', no: 'p_fin' } } : p)));
    assert.equal(summary(a, otherYes)[4], 'p_if>p_if:point:ifElse:changed');
  });
});
