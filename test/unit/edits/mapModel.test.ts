// Specification of the map model the webview draws (and of the text cursor
// → node lookup): one node per starting point and point, one labelled edge
// per successor reference, diagnostics on their nodes, invalid and missing
// points still drawn, and a layout key that ignores what layout ignores.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph } from '../../../src/core/graph';
import { buildMapModel, EDGE_LABEL_HEIGHT, labelWidth, toElkGraph } from '../../../src/core/mapModel';
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
