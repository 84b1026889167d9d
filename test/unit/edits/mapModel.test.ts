// Specification of the map model the webview draws (and of the text cursor
// → node lookup): one node per starting point and point, one labelled edge
// per successor reference, diagnostics on their nodes, invalid and missing
// points still drawn, and a layout key that ignores what layout ignores.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph } from '../../../src/core/graph';
import { buildMapModel, ELK_LAYOUT_OPTIONS, EDGE_LABEL_HEIGHT, labelWidth, type MapDiagnostic, NODE_HEIGHT, NODE_WIDTH, toElkGraph } from '../../../src/core/mapModel';
import { summarizeFilter, summarizePoint, summarizeTrigger } from '../../../src/core/pointSummary';
import { JourneyPoint, StartingPoint } from '../../../src/core/schema';
import { validateJourneyText } from '../../../src/core/validate';
import { documentStateOf, nodeIdAtOffset } from '../../../src/documentState';
import { WELCOME } from './fixtures';

const SAMPLES = join(__dirname, '../../../samples');
const modelOf = (text: string) => {
  const state = documentStateOf(text);
  assert.equal(state.kind, 'journey');
  return buildMapModel(state.kind === 'journey' ? state.value : undefined, state.kind === 'journey' ? state.diagnostics : []);
};

describe('map model', () => {
  it('R4: has a node per starting point and point and an edge per successor reference, for every sample', () => {
    for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith('.journey.json'))) {
      const text = readFileSync(join(SAMPLES, file), 'utf8');
      const journey = validateJourneyText(text).journey!;
      const model = modelOf(text);
      assert.equal(model.nodes.length, journey.startingPoints.length + journey.points.length, file);
      const graph = buildGraph(journey);
      assert.deepEqual(
        model.edges.map((e) => [e.from, e.toId, e.path.join('.')]),
        graph.edges.map((e) => [e.from, e.to, e.path.join('.')]),
        `${file}: the same edges as the journey graph`,
      );
      assert.equal(model.edges.filter((e) => e.dangling).length, 0);
    }
  });

  it('labels branch edges yes / no / timeout and split shares, plain next edges not at all', () => {
    const model = modelOf(WELCOME);
    assert.deepEqual(model.edges.map((e) => [e.key, e.label]), [['sp_vip/next', ''], ['p_email/next', ''], ['p_check/yes', 'yes'], ['p_check/no', 'no']]);
    const split = buildMapModel({ ...JSON.parse(WELCOME), points: [{ id: 'p_s', type: 'split', branches: [{ percent: 30, next: 'p_e' }, { percent: 70, next: 'p_e', label: 'most' }] }, { id: 'p_e', type: 'end' }] }, []);
    assert.deepEqual(split.edges.filter((e) => e.from === 'p_s').map((e) => e.label), ['30%', 'most']);
  });

  it('shows the type, title and one-line summary of each node, and a starting point\'s filter', () => {
    const [start, email] = modelOf(WELCOME).nodes;
    assert.deepEqual([start!.typeLabel, start!.title, start!.summary, start!.icon], ['Starting point', 'sp_vip', "Tag 'VIP' added", 'tag']);
    assert.deepEqual([email!.typeLabel, email!.title, email!.summary, email!.icon], ['Send email', 'p_email', "Email 'hello'", 'mail']);
  });

  it('puts each diagnostic on the node whose JSON it is in, and keeps journey-level ones apart', () => {
    const text = WELCOME.replace('"content": "hello",', '"content": "hello", "bogus": 1,').replace('"name": "Welcome",', '"name": "Welcome", "extra": true,');
    const model = modelOf(text);
    const email = model.nodes.find((n) => n.id === 'p_email')!;
    assert.equal(email.valid, false, 'the point does not fit the schema');
    assert.ok(email.problems.length > 0);
    assert.ok(email.problems.every((d) => d.path[0] === 'points' && d.path[1] === 0));
    assert.equal(email.summary, 'Not a valid point: see its problems');
    assert.deepEqual(model.edges.find((e) => e.from === 'p_email')?.toId, 'p_check', 'its edges are still drawn');
    assert.ok(model.journeyProblems.length > 0 && model.journeyProblems.every((d) => d.path[0] !== 'points'));
  });

  it('R4: draws a reference to a missing point as an edge to a ghost node', () => {
    const model = modelOf(WELCOME.replace('"next": "p_check"', '"next": "p_gone"'));
    const ghost = model.nodes.find((n) => n.kind === 'missing');
    assert.equal(ghost?.key, 'missing:p_gone');
    assert.equal(model.edges.find((e) => e.from === 'p_email')?.dangling, true);
  });

  it('R4: gives duplicate ids their own nodes', () => {
    const value = JSON.parse(WELCOME);
    value.points.push({ id: 'p_end', type: 'end' });
    const keys = buildMapModel(value, []).nodes.map((n) => n.key);
    assert.deepEqual(keys.filter((k) => k.startsWith('p_end')), ['p_end', 'p_end~2']);
  });

  it('keeps its layout key when only titles, summaries or pins change, and changes it when an edge does', () => {
    const base = modelOf(WELCOME).shapeKey;
    assert.equal(modelOf(WELCOME.replace('"content": "hello",', '"content": "hello", "title": "Hi",')).shapeKey, base);
    assert.equal(modelOf(WELCOME.replace('\n}\n', ',\n  "layout": { "p_email": { "x": 1, "y": 2 } }\n}\n')).shapeKey, base);
    assert.notEqual(modelOf(WELCOME.replace('"yes": "p_end"', '"yes": "p_email"')).shapeKey, base);
  });

  it('reads pinned positions from the layout object', () => {
    const model = modelOf(WELCOME.replace('\n}\n', ',\n  "layout": { "p_email": { "x": 10, "y": 20 } }\n}\n'));
    assert.deepEqual(model.nodes.find((n) => n.id === 'p_email')?.pinned, { x: 10, y: 20 });
  });

  it('lays out top to bottom with starting points first and each branch leaving from its own ordered port', () => {
    const graph = toElkGraph(modelOf(WELCOME));
    assert.equal(graph.layoutOptions['elk.algorithm'], 'layered');
    assert.equal(graph.layoutOptions['elk.direction'], 'DOWN');
    assert.equal(graph.layoutOptions['elk.edgeRouting'], 'ORTHOGONAL');
    assert.equal(graph.children.find((c) => c.id === 'sp_vip')?.layoutOptions?.['elk.layered.layering.layerConstraint'], 'FIRST');
    const check = graph.children.find((c) => c.id === 'p_check')!;
    assert.deepEqual(check.ports?.map((p) => [p.id, p.layoutOptions['elk.port.index']]), [['p_check/yes', '1'], ['p_check/no', '0']], 'clockwise on the south side: yes on the left');
    assert.deepEqual(graph.edges.find((e) => e.id === 'p_check/no'), { id: 'p_check/no', sources: ['p_check/no'], targets: ['p_end'], labels: [{ text: 'no', width: labelWidth('no'), height: EDGE_LABEL_HEIGHT }] });
  });

  it('finds the node the text cursor is in', () => {
    assert.equal(nodeIdAtOffset(WELCOME, WELCOME.indexOf('"content": "hello"')), 'p_email');
    assert.equal(nodeIdAtOffset(WELCOME, WELCOME.indexOf('"tagAdded"')), 'sp_vip');
    assert.equal(nodeIdAtOffset(WELCOME, WELCOME.indexOf('"name"')), null);
  });

  it('shows a point whose condition nests filters 10,000 deep as invalid (located by the validator), and a trigger type "constructor" with the default icon', () => {
    const deep = '{"type":"not","filter":'.repeat(10_000) + '{"type":"hasTag","tag":"x"}' + '}'.repeat(10_000);
    const text = `{"formatVersion":1,"id":"j","name":"J","kind":"trigger","startingPoints":[{"id":"s","trigger":{"type":"constructor"},"next":"p"}],"points":[{"id":"p","type":"ifElse","condition":${deep},"branches":{"yes":"e","no":"e"}},{"id":"e","type":"end"}]}`;
    const { diagnostics } = validateJourneyText(text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['schema.filter-too-deep']);
    const model = buildMapModel(JSON.parse(text), []);
    const byId = new Map(model.nodes.map((n) => [n.id, n]));
    assert.equal(byId.get('p')?.valid, false);
    assert.equal(byId.get('p')?.summary, 'Not a valid point: see its problems');
    assert.equal(byId.get('s')?.icon, 'debug-start');
    assert.doesNotThrow(() => structuredClone(model), 'the model can be posted to the map');
  });
});

/** A point's text never seen before in this process (the model caches schema checks by text, across tests). */
let freshness = 0;
const fresh = () => `fresh ${++freshness} ${process.hrtime.bigint()}`;

describe('map model, node by node and edge by edge', () => {
  const diagnostic = (path: MapDiagnostic['path'], code: string): MapDiagnostic => ({ code, severity: 'error', message: code, path, line: 1 });

  it('R4: every node says what it is (key, kind, type, label, icon, title, summary, path, validity, problems, ports, pin, size), and every edge where it leads', () => {
    const spA = { id: 'sp_a', name: 'VIP tagged', trigger: { type: 'tagAdded', tag: 'VIP' }, filter: { type: 'hasTag', tag: 'gold' }, next: 'p_mail' };
    const spB = { trigger: { type: 'nonsense' }, next: 'p_mail' };
    const mail = { id: 'p_mail', type: 'sendEmail', title: 'Say hi', content: 'hello', next: 'p_check' };
    const check = { id: 'p_check', type: 'ifElse', condition: { type: 'hasTag', tag: 'VIP' }, branches: { yes: 'sp_a', no: 'p_gone' } };
    const odd = { id: 'p_odd', type: 'teleport', next: 'p_gone' };
    const untyped = { next: 'p_end' };
    const half = { id: 'p_half', type: 'ifElse', condition: { type: 'hasTag', tag: 'x' }, branches: { yes: 'p_end' } };
    const end = { id: 'p_end', type: 'end', title: fresh() };
    const value = {
      name: 'Welcome',
      startingPoints: [spA, spB],
      points: [mail, check, odd, untyped, half, end],
      layout: { p_mail: { x: 10, y: 20 }, p_check: { x: '10', y: 20 }, p_end: { x: 10 }, sp_a: { x: 1, y: 2 } },
    };
    const onSpB = diagnostic(['startingPoints', 1, 'trigger'], 'on-sp-b');
    const onMail = diagnostic(['points', 0, 'content'], 'on-mail');
    const onName = diagnostic(['name'], 'on-name');
    const onPointsList = diagnostic(['points'], 'on-points');
    const onNamedKey = diagnostic(['startingPoints', 'x'], 'on-key');
    const model = buildMapModel(value, [onSpB, onMail, onName, onPointsList, onNamedKey]);
    const node = { width: NODE_WIDTH, height: NODE_HEIGHT, problems: [], ports: [] };
    const port = (key: string, slot: string | number, label: string) => ({ id: `${key}/${slot}`, slot, label });
    assert.deepEqual(model.title, 'Welcome');
    assert.deepEqual(model.journeyProblems, [onName, onPointsList, onNamedKey]);
    assert.deepEqual(model.nodes, [
      { ...node, key: 'sp_a', id: 'sp_a', kind: 'start', type: 'start', typeLabel: 'Starting point', icon: 'tag', title: 'VIP tagged', path: ['startingPoints', 0], valid: true, pinned: { x: 1, y: 2 }, ports: [port('sp_a', 'next', '')],
        summary: `${summarizeTrigger(StartingPoint.parse(spA).trigger)} · only if ${summarizeFilter(StartingPoint.parse(spA).filter!)}` },
      { ...node, key: 'starting point 2', id: 'starting point 2', kind: 'start', type: 'start', typeLabel: 'Starting point', icon: 'debug-start', title: 'starting point 2', path: ['startingPoints', 1], valid: false, problems: [onSpB], ports: [port('starting point 2', 'next', '')],
        summary: 'Not a valid starting point: see its problems' },
      { ...node, key: 'p_mail', id: 'p_mail', kind: 'point', type: 'sendEmail', typeLabel: 'Send email', icon: 'mail', title: 'Say hi', path: ['points', 0], valid: true, problems: [onMail], pinned: { x: 10, y: 20 }, ports: [port('p_mail', 'next', '')],
        summary: summarizePoint(JourneyPoint.parse(mail)) },
      { ...node, key: 'p_check', id: 'p_check', kind: 'point', type: 'ifElse', typeLabel: 'If / else', icon: 'question', title: 'p_check', path: ['points', 1], valid: true, ports: [port('p_check', 'yes', 'yes'), port('p_check', 'no', 'no')],
        summary: summarizePoint(JourneyPoint.parse(check)) },
      { ...node, key: 'p_odd', id: 'p_odd', kind: 'point', type: 'unknown', typeLabel: 'Unknown type "teleport"', icon: 'question', title: 'p_odd', path: ['points', 2], valid: false, ports: [port('p_odd', 'next', '')],
        summary: 'Not a valid point: see its problems' },
      { ...node, key: 'point 4', id: 'point 4', kind: 'point', type: 'unknown', typeLabel: 'Unknown type ""', icon: 'question', title: 'point 4', path: ['points', 3], valid: false, ports: [port('point 4', 'next', '')],
        summary: 'Not a valid point: see its problems' },
      { ...node, key: 'p_half', id: 'p_half', kind: 'point', type: 'ifElse', typeLabel: 'If / else', icon: 'question', title: 'p_half', path: ['points', 4], valid: false, ports: [port('p_half', 'yes', 'yes')],
        summary: 'Not a valid point: see its problems' },
      { ...node, key: 'p_end', id: 'p_end', kind: 'point', type: 'end', typeLabel: 'End', icon: 'pass-filled', title: end.title, path: ['points', 5], valid: true,
        summary: summarizePoint(JourneyPoint.parse(end)) },
      // Ghosts: an id no point has, and a starting point named as a successor (it is not a journey point).
      { key: 'missing:sp_a', id: 'sp_a', kind: 'missing', type: 'missing', typeLabel: 'Missing point', icon: 'warning', title: 'sp_a', summary: 'No journey point has this id', path: [], valid: false, problems: [], ports: [], width: NODE_WIDTH, height: 48 },
      { key: 'missing:p_gone', id: 'p_gone', kind: 'missing', type: 'missing', typeLabel: 'Missing point', icon: 'warning', title: 'p_gone', summary: 'No journey point has this id', path: [], valid: false, problems: [], ports: [], width: NODE_WIDTH, height: 48 },
    ]);
    const edge = (from: string, slot: string | number, to: string, toId: string, label: string, path: (string | number)[]) => ({ key: `${from}/${slot}`, from, to, toId, slot, label, path, dangling: to.startsWith('missing:') });
    assert.deepEqual(model.edges, [
      edge('sp_a', 'next', 'p_mail', 'p_mail', '', ['startingPoints', 0, 'next']),
      edge('starting point 2', 'next', 'p_mail', 'p_mail', '', ['startingPoints', 1, 'next']),
      edge('p_mail', 'next', 'p_check', 'p_check', '', ['points', 0, 'next']),
      edge('p_check', 'yes', 'missing:sp_a', 'sp_a', 'yes', ['points', 1, 'branches', 'yes']),
      edge('p_check', 'no', 'missing:p_gone', 'p_gone', 'no', ['points', 1, 'branches', 'no']),
      edge('p_odd', 'next', 'missing:p_gone', 'p_gone', '', ['points', 2, 'next']),
      edge('point 4', 'next', 'p_end', 'p_end', '', ['points', 3, 'next']),
      edge('p_half', 'yes', 'p_end', 'p_end', 'yes', ['points', 4, 'branches', 'yes']),
    ]);
    assert.deepEqual(model.edges.filter((e) => e.dangling).map((e) => e.key), ['p_check/yes', 'p_check/no', 'p_odd/next']);
  });

  it('a starting point whose filter nests 10,000 deep is drawn as an invalid node (the schema is not asked to recurse that deep)', () => {
    const deep = JSON.parse('{"type":"not","filter":'.repeat(10_000) + '{"type":"hasTag","tag":"x"}' + '}'.repeat(10_000));
    const [start] = buildMapModel({ startingPoints: [{ id: 's', trigger: { type: 'api' }, filter: deep, next: 'e' }], points: [{ id: 'e', type: 'end' }] }, []).nodes;
    assert.deepEqual([start!.valid, start!.summary, start!.icon], [false, 'Not a valid starting point: see its problems', 'plug']);
  });

  it('R4: a third node with a taken id gets the next free key, also past a key a node already has as its id', () => {
    const value = { points: [{ id: 'x', type: 'end' }, { id: 'x~2', type: 'end' }, { id: 'x', type: 'end' }, { id: 'x', type: 'end' }] };
    assert.deepEqual(buildMapModel(value, []).nodes.map((n) => n.key), ['x', 'x~2', 'x~3', 'x~4']);
  });

  it('a value that is no journey object draws nothing and has no title', () => {
    for (const value of [null, [], 'text', { name: 3 }]) {
      const model = buildMapModel(value, []);
      assert.deepEqual([model.title, model.nodes, model.edges], ['', [], []], JSON.stringify(value));
    }
  });

  it('the layout key tells apart node keys, kinds and edge targets (what elkjs lays out)', () => {
    const of = (points: unknown[]) => buildMapModel({ points }, []).shapeKey;
    const base = of([{ id: 'a', type: 'wait', duration: 'P1D', next: 'b' }, { id: 'b', type: 'end' }, { id: 'c', type: 'end' }]);
    assert.notEqual(of([{ id: 'a', type: 'wait', duration: 'P1D', next: 'b' }, { id: 'b', type: 'end' }, { id: 'd', type: 'end' }]), base, 'a node renamed');
    assert.notEqual(of([{ id: 'a', type: 'wait', duration: 'P1D', next: 'c' }, { id: 'b', type: 'end' }, { id: 'c', type: 'end' }]), base, 'an edge to another node');
    assert.equal(of([{ id: 'a', type: 'wait', duration: 'P2D', next: 'b' }, { id: 'b', type: 'end' }, { id: 'c', type: 'end' }]), base, 'another duration is not another shape');
  });

  it('the ELK graph: each node with its size, its ports only when it has successors (south side, fixed order), starting points in the first layer, labelled edges with their label size', () => {
    const model = buildMapModel({ startingPoints: [{ id: 's', trigger: { type: 'api' }, next: 'c' }], points: [{ id: 'c', type: 'ifElse', condition: { type: 'hasTag', tag: 't' }, branches: { yes: 'e', no: 'e' } }, { id: 'e', type: 'end' }] }, []);
    const label = (text: string) => ({ text, width: labelWidth(text), height: EDGE_LABEL_HEIGHT });
    assert.deepEqual(toElkGraph(model), {
      id: 'journey',
      layoutOptions: ELK_LAYOUT_OPTIONS,
      children: [
        { id: 's', width: NODE_WIDTH, height: NODE_HEIGHT, ports: [{ id: 's/next', width: 1, height: 1, layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.index': '0' } }], layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER', 'elk.layered.layering.layerConstraint': 'FIRST' } },
        {
          id: 'c',
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
          ports: [
            { id: 'c/yes', width: 1, height: 1, layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.index': '1' } },
            { id: 'c/no', width: 1, height: 1, layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.index': '0' } },
          ],
          layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
        },
        { id: 'e', width: NODE_WIDTH, height: NODE_HEIGHT, layoutOptions: {} },
      ],
      edges: [
        { id: 's/next', sources: ['s/next'], targets: ['c'] },
        { id: 'c/yes', sources: ['c/yes'], targets: ['e'], labels: [label('yes')] },
        { id: 'c/no', sources: ['c/no'], targets: ['e'], labels: [label('no')] },
      ],
    });
  });

  it('an edge label is sized as 6.5 px per character, rounded up, with 6 px on each side', () => {
    assert.equal(labelWidth('no'), 25);
    assert.equal(labelWidth('yes'), 32);
    assert.equal(labelWidth('timeout'), 58);
  });
});
