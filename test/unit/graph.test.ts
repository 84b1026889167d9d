// Specification of src/core/graph.ts: the journey as a graph (R4). Starting
// points and journey points are nodes, each successor reference an edge with
// its label and the JSON path of the string that names the successor; the
// searches the wait-for-event rule asks (reaches, upstreamOf) visit each node
// once, spend one unit of a shared budget per node visited, and answer
// undefined (unknown) when the budget runs out.
import assert from 'node:assert/strict';
import { buildGraph, reaches, SearchBudget, successorsOf, upstreamOf, type JourneyGraph } from '../../src/core/graph';
import type { Journey, JourneyPoint } from '../../src/core/schema';

const journeyOf = (startingPoints: { id: string; next: string }[], points: Record<string, unknown>[]): Journey =>
  ({ formatVersion: 1, id: 'j', name: 'J', kind: 'trigger', startingPoints: startingPoints.map((sp) => ({ ...sp, trigger: { type: 'apiCall' } })), points }) as unknown as Journey;

const next = (id: string, to: string) => ({ id, type: 'addTag', tag: 't', next: to });
const end = (id: string) => ({ id, type: 'end' });

describe('R4 the journey as a graph (graph.ts)', () => {
  describe('successor references', () => {
    it('R4: an if/else has its yes and no branches, a wait for an event its yes and timeout branches', () => {
      assert.deepEqual(successorsOf({ id: 'c', type: 'ifElse', condition: { type: 'hasTag', tag: 'x' }, branches: { yes: 'a', no: 'b' } } as unknown as JourneyPoint), [
        { to: 'a', label: 'yes', path: ['branches', 'yes'] },
        { to: 'b', label: 'no', path: ['branches', 'no'] },
      ]);
      assert.deepEqual(successorsOf({ id: 'w', type: 'waitForEvent', event: { type: 'emailOpened', point: 'e' }, timeout: 'P1D', branches: { yes: 'a', timeout: 'b' } } as unknown as JourneyPoint), [
        { to: 'a', label: 'yes', path: ['branches', 'yes'] },
        { to: 'b', label: 'timeout', path: ['branches', 'timeout'] },
      ]);
    });

    it('R4: a split has one edge per branch, labelled by its label or else its share, at branches[i].next', () => {
      const split = { id: 's', type: 'split', branches: [{ percent: 30, next: 'a' }, { percent: 70, label: 'rest', next: 'b' }] } as unknown as JourneyPoint;
      assert.deepEqual(successorsOf(split), [
        { to: 'a', label: '30%', path: ['branches', 0, 'next'] },
        { to: 'b', label: 'rest', path: ['branches', 1, 'next'] },
      ]);
    });

    it('R4: an exit and an end have no successor; any other point has its next', () => {
      assert.deepEqual(successorsOf({ id: 'x', type: 'exit' } as unknown as JourneyPoint), []);
      assert.deepEqual(successorsOf(end('e') as unknown as JourneyPoint), []);
      assert.deepEqual(successorsOf({ id: 'w', type: 'wait', duration: 'P1D', next: 'n' } as unknown as JourneyPoint), [{ to: 'n', label: 'next', path: ['next'] }]);
    });
  });

  describe('buildGraph', () => {
    it('R4: every reference is an edge, in document order, with the JSON path of the string naming the successor', () => {
      const graph = buildGraph(
        journeyOf([{ id: 'sp', next: 's' }], [
          { id: 's', type: 'split', branches: [{ percent: 50, next: 'a' }, { percent: 50, next: 'b' }] },
          next('a', 'b'),
          end('b'),
        ]),
      );
      assert.deepEqual(graph.edges, [
        { from: 'sp', to: 's', label: 'start', path: ['startingPoints', 0, 'next'] },
        { from: 's', to: 'a', label: '50%', path: ['points', 0, 'branches', 0, 'next'] },
        { from: 's', to: 'b', label: '50%', path: ['points', 0, 'branches', 1, 'next'] },
        { from: 'a', to: 'b', label: 'next', path: ['points', 1, 'next'] },
      ]);
      assert.deepEqual([...graph.out.keys()], ['sp', 's', 'a']);
      assert.deepEqual(graph.out.get('s'), graph.edges.slice(1, 3));
    });

    it('R4: nodes are indexed by id with their place in the document; of two with one id the first is the node, and the edges of both leave it', () => {
      const journey = journeyOf([{ id: 'sp', next: 'a' }, { id: 'sp', next: 'b' }], [next('a', 'b'), next('a', 'c'), end('b'), end('c')]);
      const graph = buildGraph(journey);
      assert.deepEqual(graph.startingPoints.get('sp'), { sp: journey.startingPoints[0], index: 0 });
      assert.deepEqual(graph.points.get('a'), { point: journey.points[0], index: 0 });
      assert.deepEqual(graph.points.get('c'), { point: journey.points[3], index: 3 });
      assert.deepEqual(graph.out.get('sp')!.map((e) => e.to), ['a', 'b']);
      assert.deepEqual(graph.out.get('a')!.map((e) => [e.to, e.path[1]]), [['b', 0], ['c', 1]]);
    });
  });

  // sp → a → b → d, a → c → d, d → e; x → d (x is not reachable); loop: l1 → l2 → l1;
  // m → n2 and m → n1 → n2 (n2 is found twice before it is visited).
  const diamond = (): JourneyGraph =>
    buildGraph(journeyOf([{ id: 'sp', next: 'a' }], [
      { id: 'a', type: 'ifElse', condition: { type: 'hasTag', tag: 't' }, branches: { yes: 'b', no: 'c' } },
      next('b', 'd'),
      next('c', 'd'),
      next('d', 'e'),
      end('e'),
      next('x', 'd'),
      next('l1', 'l2'),
      next('l2', 'l1'),
      { id: 'm', type: 'ifElse', condition: { type: 'hasTag', tag: 't' }, branches: { yes: 'n2', no: 'n1' } },
      next('n1', 'n2'),
      end('n2'),
    ]));

  describe('reaches', () => {
    it('R4: a node reaches what its edges lead to, directly or not, and nothing else', () => {
      const graph = diamond();
      assert.equal(reaches(graph, 'a', 'b'), true);
      assert.equal(reaches(graph, 'a', 'e'), true);
      assert.equal(reaches(graph, 'sp', 'e'), true);
      assert.equal(reaches(graph, 'e', 'a'), false);
      assert.equal(reaches(graph, 'b', 'c'), false);
      assert.equal(reaches(graph, 'a', 'x'), false);
      assert.equal(reaches(graph, 'nowhere', 'a'), false);
    });

    it('R4: a node reaches itself only round a cycle', () => {
      const graph = diamond();
      assert.equal(reaches(graph, 'l1', 'l1'), true);
      assert.equal(reaches(graph, 'a', 'a'), false);
    });

    it('a search spends one unit of its budget per node it visits, each node once', () => {
      const graph = diamond();
      const budget = new SearchBudget(100);
      assert.equal(reaches(graph, 'a', 'nowhere', budget), false);
      assert.equal(budget.remaining, 100 - 5, 'a, b, c, d and e, each once');
      assert.equal(reaches(graph, 'm', 'nowhere', budget), false);
      assert.equal(budget.remaining, 100 - 5 - 3, 'm, n1 and n2, each once');
    });

    it('a search that needs exactly its budget answers; one that needs more answers undefined (unknown)', () => {
      assert.equal(reaches(diamond(), 'a', 'nowhere', new SearchBudget(5)), false);
      assert.equal(reaches(diamond(), 'a', 'nowhere', new SearchBudget(4)), undefined);
      assert.equal(reaches(diamond(), 'a', 'e', new SearchBudget(0)), undefined);
    });

    it('one budget is shared by the searches that are given it', () => {
      const graph = diamond();
      const budget = new SearchBudget(7);
      assert.equal(reaches(graph, 'a', 'nowhere', budget), false);
      assert.equal(reaches(graph, 'l1', 'nowhere', budget), false);
      assert.equal(budget.remaining, 0);
      assert.equal(reaches(graph, 'l1', 'l2', budget), undefined);
    });
  });

  describe('upstreamOf', () => {
    it('R4: the ancestors of a node are the nodes from which it can be reached, starting points included', () => {
      const graph = diamond();
      assert.deepEqual([...upstreamOf(graph, 'd')!].sort(), ['a', 'b', 'c', 'sp', 'x']);
      assert.deepEqual([...upstreamOf(graph, 'e')!].sort(), ['a', 'b', 'c', 'd', 'sp', 'x']);
      assert.deepEqual([...upstreamOf(graph, 'sp')!], []);
      assert.deepEqual([...upstreamOf(graph, 'nowhere')!], []);
    });

    it('R4: a node is its own ancestor only on a cycle', () => {
      const graph = diamond();
      assert.deepEqual([...upstreamOf(graph, 'l1')!].sort(), ['l1', 'l2']);
      assert.equal(upstreamOf(graph, 'a')!.has('a'), false);
    });

    it('the search spends one unit per ancestor visited, each once, and answers undefined past its budget', () => {
      const graph = diamond();
      const budget = new SearchBudget(100);
      upstreamOf(graph, 'e', budget);
      assert.equal(budget.remaining, 100 - 6);
      assert.deepEqual([...upstreamOf(graph, 'n2', budget)!].sort(), ['m', 'n1']);
      assert.equal(budget.remaining, 100 - 6 - 2, 'm and n1, each once');
      assert.equal(upstreamOf(graph, 'e', new SearchBudget(6))?.size, 6);
      assert.equal(upstreamOf(graph, 'e', new SearchBudget(5)), undefined);
    });
  });

  it('the budget for a graph is a floor of a hundred thousand visits plus perEdge (32 unless told) per edge and per point', () => {
    const graph = diamond();
    assert.equal(graph.edges.length, 12);
    assert.equal(graph.points.size, 11);
    assert.equal(SearchBudget.forGraph(graph).remaining, 100_000 + 32 * (12 + 11));
    assert.equal(SearchBudget.forGraph(graph, 3).remaining, 100_000 + 3 * (12 + 11));
  });
});
