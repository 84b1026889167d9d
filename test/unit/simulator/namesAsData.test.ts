// Names from files are data in the simulator: a contact, a field or a point
// called "__proto__" or "constructor" is counted, queued, read and written
// like any other, in the stats, the queues, the filters and the JSON report.
// (Journey files refuse such point and field names; the simulator does not
// depend on that, and timelines may use them freely as contact data.)
import assert from 'node:assert/strict';
import { formatReport, reportJson, simulate } from '../../../src/core/simulator/index';
import { parseTimeline } from '../../../src/core/timeline';
import { journey, lines } from './helpers';

/** A timeline parsed as the CLI, the extension and the scenario runner parse it. */
function timelineFromText(text: string) {
  const parsed = parseTimeline(JSON.parse(text));
  assert.ok(parsed.success, JSON.stringify(!parsed.success && parsed.error.issues));
  return parsed.data;
}

describe('simulator: names are data', () => {
  it('contacts "__proto__" and "constructor" with a field "__proto__" are counted, queued, filtered and reported', () => {
    const j = journey({
      startingPoints: [{ id: 'sp', trigger: { type: 'tagAdded', tag: 'VIP' }, next: 'check' }],
      points: [
        { id: 'check', type: 'ifElse', condition: { type: 'field', field: '__proto__', op: 'eq', value: 'gold' }, branches: { yes: 'wait_gold', no: 'wait_other' } },
        { id: 'wait_gold', type: 'wait', duration: 'P1D', next: 'done' },
        { id: 'wait_other', type: 'wait', duration: 'P1D', next: 'done' },
        { id: 'done', type: 'end' },
      ],
    });
    const t = timelineFromText(`{
      "formatVersion": 1,
      "contacts": [
        { "id": "__proto__", "fields": { "__proto__": "gold" } },
        { "id": "constructor", "fields": { "toString": "gold" } }
      ],
      "events": [
        { "at": "2026-03-01T09:00:00Z", "contact": "__proto__", "type": "tagAdded", "tag": "VIP" },
        { "at": "2026-03-01T09:00:00Z", "contact": "constructor", "type": "tagAdded", "tag": "VIP" }
      ]
    }`);
    assert.deepEqual(Object.keys(t.contacts[0]!.fields!), ['__proto__'], 'the timeline keeps the field');
    const s = simulate(j, t, { at: '2026-03-01T12:00:00Z' });
    assert.equal(s.stats.started, 2);
    assert.deepEqual(s.queues['wait_gold'], ['__proto__'], 'the field "__proto__" is read by the filter');
    assert.deepEqual(s.queues['wait_other'], ['constructor'], 'a field "toString" is not a field "__proto__"');
    const trace = lines(s.trace);
    assert.ok(trace.includes('2026-03-01T09:00:00Z __proto__ check branch →yes'), trace.join('\n'));
    assert.ok(trace.includes('2026-03-01T09:00:00Z constructor check branch →no'), trace.join('\n'));
    const json = JSON.parse(JSON.stringify(reportJson(s))) as { queues: Record<string, string[]> };
    assert.deepEqual(json.queues['wait_gold'], ['__proto__']);
    assert.match(formatReport(s, { trace: true }).join('\n'), /__proto__/);
  });

  it('a point called "__proto__" keeps its row in the stats, the queues and the JSON (a journey built without the file check)', () => {
    const j = journey({
      startingPoints: [{ id: 'constructor', trigger: { type: 'tagAdded', tag: 'VIP' }, next: '__proto__' }],
      points: [
        { id: '__proto__', type: 'wait', duration: 'P1D', next: 'toString' },
        { id: 'toString', type: 'end' },
      ],
    });
    const t = timelineFromText('{"formatVersion":1,"contacts":[{"id":"c1"}],"events":[{"at":"2026-03-01T09:00:00Z","contact":"c1","type":"tagAdded","tag":"VIP"}]}');
    const s = simulate(j, t, { at: '2026-03-01T12:00:00Z' });
    assert.deepEqual(Object.keys(s.points), ['__proto__', 'toString']);
    assert.equal(Object.getPrototypeOf(s.points), Object.prototype, 'the table itself is an ordinary object');
    assert.deepEqual(s.points['__proto__'], { entered: 1, left: 0, queued: 1, sent: 0, suppressed: 0, suppressedBy: {} });
    assert.deepEqual(s.queues['__proto__'], ['c1']);
    assert.deepEqual(s.startingPoints['constructor'], { entered: 1 });
    const json = JSON.parse(JSON.stringify(reportJson(s))) as { points: Record<string, { queued: number }>; startingPoints: Record<string, unknown> };
    assert.ok(Object.hasOwn(json.points, '__proto__'));
    assert.equal(json.points['__proto__']!.queued, 1);
    assert.deepEqual(Object.keys(json.startingPoints), ['constructor']);
  });

  it('a fieldChanged event for a field "__proto__" writes the field, not the prototype', () => {
    const j = journey({
      startingPoints: [{ id: 'sp', trigger: { type: 'tagAdded', tag: 'VIP' }, next: 'check' }],
      points: [
        { id: 'check', type: 'ifElse', condition: { type: 'field', field: '__proto__', op: 'exists' }, branches: { yes: 'yes', no: 'no' } },
        { id: 'yes', type: 'end' },
        { id: 'no', type: 'end' },
      ],
    });
    const t = timelineFromText(`{"formatVersion":1,"contacts":[{"id":"c1"}],"events":[
      {"at":"2026-03-01T09:00:00Z","contact":"c1","type":"fieldChanged","field":"__proto__","value":"x"},
      {"at":"2026-03-01T10:00:00Z","contact":"c1","type":"tagAdded","tag":"VIP"}]}`);
    const s = simulate(j, t);
    assert.equal(s.points['yes']?.entered, 1);
    assert.equal(({} as Record<string, unknown>)['x'], undefined, 'Object.prototype is untouched');
  });

  it('a contact whose fields include "__proto__" keeps that field when another field changes (its own copy of the fields)', () => {
    const j = journey({
      startingPoints: [{ id: 'sp', trigger: { type: 'tagAdded', tag: 'VIP' }, next: 'stage' }],
      points: [
        { id: 'stage', type: 'updateField', field: 'stage', value: 'new', next: 'check' },
        { id: 'check', type: 'ifElse', condition: { type: 'field', field: '__proto__', op: 'eq', value: 'gold' }, branches: { yes: 'yes', no: 'no' } },
        { id: 'yes', type: 'end' },
        { id: 'no', type: 'end' },
      ],
    });
    const t = timelineFromText(`{"formatVersion":1,"contacts":[{"id":"c1","fields":{"__proto__":"gold","score":1}}],"events":[
      {"at":"2026-03-01T09:00:00Z","contact":"c1","type":"fieldChanged","field":"score","value":2},
      {"at":"2026-03-01T10:00:00Z","contact":"c1","type":"tagAdded","tag":"VIP"}]}`);
    const s = simulate(j, t);
    assert.equal(s.points['yes']?.entered, 1, 'the copied fields still hold "__proto__": "gold"');
  });
});
