// Specification of the stand-ins that let the rules check a journey that does
// not fit the schema (issue #14, every problem at once): each ill-formed part
// is replaced by a well-formed one that keeps what the rules need (a point its
// id, type, title and successors; a starting point its id, valid trigger and
// filter, and next; an exit criterion and a declaration their id), findings
// about a stand-in are dropped, and a part that cannot be stood in for
// salvages nothing.
import assert from 'node:assert/strict';
import type { JourneyDiagnostic } from '../../src/core/diagnostic';
import { Journey } from '../../src/core/schema';
import { findingsOutsideStandIns, type Salvage, salvageJourney } from '../../src/core/schemaSalvage';
import { validateJourneyText } from '../../src/core/validate';
import { baseJourney, type JourneyObject } from './rules/helpers';

/** The salvage of a journey that does not fit the schema, from the schema's own issues. */
function salvage(journey: JourneyObject): Salvage | undefined {
  const parsed = Journey.safeParse(journey);
  assert.equal(parsed.success, false, 'the test journey must not fit the schema');
  return salvageJourney(journey, parsed.error!.issues);
}

function salvaged(journey: JourneyObject): Journey {
  const s = salvage(journey);
  assert.ok(s, 'the journey can be salvaged');
  return s.journey;
}

const diagnostic = (path: (string | number)[]): JourneyDiagnostic => ({ code: 'R4.x', rule: 'R4', severity: 'error', message: 'm', offset: 0, length: 1, path });

describe('stand-ins for the ill-formed parts of a journey (issue #14)', () => {
  describe('journey points', () => {
    it('a point keeps its id, type, title and successor; the broken property gets its default', () => {
      const j = salvaged(baseJourney({ points: [{ id: 'p1', type: 'wait', title: 'Pause', duration: '3 days', next: 'p2' }, { id: 'p2', type: 'end' }] }));
      assert.deepEqual(j.points[0], { id: 'p1', type: 'wait', duration: 'P1D', next: 'p2', title: 'Pause' });
      assert.deepEqual(j.points[1], { id: 'p2', type: 'end' });
    });

    it('a point without a title gets none', () => {
      const j = salvaged(baseJourney({ points: [{ id: 'p1', type: 'wait', duration: '3 days', next: 'p2' }, { id: 'p2', type: 'end' }] }));
      assert.deepEqual(Object.keys(j.points[0]!).sort(), ['duration', 'id', 'next', 'type']);
    });

    it('each branch of a split keeps the point it leads to', () => {
      const j = salvaged(baseJourney({
        points: [
          { id: 'p1', type: 'split', branches: [{ percent: 0, next: 'a' }, { percent: 100, next: 'b' }] },
          { id: 'a', type: 'end' },
          { id: 'b', type: 'end' },
        ],
      }));
      assert.deepEqual(j.points[0], { id: 'p1', type: 'split', branches: [{ percent: 50, next: 'a' }, { percent: 50, next: 'b' }] });
    });

    it('a branch the broken point does not name leads where its first named branch leads (no new edge to the point itself)', () => {
      const j = salvaged(baseJourney({ points: [{ id: 'p1', type: 'ifElse', condition: { type: 'hasTag', tag: 'A' }, branches: { yes: 'a' } }, { id: 'a', type: 'end' }] }));
      const p1 = j.points[0] as { branches: unknown; condition: unknown };
      assert.deepEqual(p1.branches, { yes: 'a', no: 'a' });
    });

    it('a broken point that names no successor at all stands in leading to itself', () => {
      const j = salvaged(baseJourney({ points: [{ id: 'p1', type: 'wait', duration: 'P1D' }] }));
      assert.deepEqual(j.points[0], { id: 'p1', type: 'wait', duration: 'P1D', next: 'p1' });
    });

    it('a point with a broken id, or no id, or a broken or missing type, cannot be stood in for', () => {
      for (const point of [
        { id: '1p', type: 'end' },
        { type: 'end' },
        { id: 'p1', type: 'pause' },
        { id: 'p1' },
      ]) {
        assert.equal(salvage(baseJourney({ points: [point] })), undefined, JSON.stringify(point));
      }
    });

    it('a stand-in that keeps a broken successor does not fit the schema either: nothing is salvaged', () => {
      assert.equal(salvage(baseJourney({ points: [{ id: 'p1', type: 'wait', duration: '3 days', next: '1 bad' }] })), undefined);
    });
  });

  describe('starting points', () => {
    it('a starting point with a broken trigger keeps its id, filter and next, on an API trigger', () => {
      const j = salvaged(baseJourney({ startingPoints: [{ id: 'start', trigger: { type: 'tagAdded', tag: '' }, filter: { type: 'hasTag', tag: 'B' }, next: 'p1' }] }));
      assert.deepEqual(j.startingPoints[0], { id: 'start', trigger: { type: 'api' }, filter: { type: 'hasTag', tag: 'B' }, next: 'p1' });
    });

    it('a starting point with a broken filter keeps its trigger and next, without a filter', () => {
      const j = salvaged(baseJourney({ startingPoints: [{ id: 'start', trigger: { type: 'tagAdded', tag: 'A' }, filter: { type: 'hasTag' }, next: 'p1' }] }));
      assert.deepEqual(j.startingPoints[0], { id: 'start', trigger: { type: 'tagAdded', tag: 'A' }, next: 'p1' });
    });

    it('a starting point without a filter gets none', () => {
      const j = salvaged(baseJourney({ startingPoints: [{ id: 'start', name: 3, trigger: { type: 'tagAdded', tag: 'A' }, next: 'p1' }] }));
      assert.deepEqual(j.startingPoints[0], { id: 'start', trigger: { type: 'tagAdded', tag: 'A' }, next: 'p1' });
    });

    it('a starting point with a broken id, or without next, cannot be stood in for', () => {
      for (const start of [
        { id: '1s', trigger: { type: 'api' }, next: 'p1' },
        { trigger: { type: 'api' }, next: 'p1' },
        { id: 'start', trigger: { type: 'api' } },
      ]) {
        assert.equal(salvage(baseJourney({ startingPoints: [start] })), undefined, JSON.stringify(start));
      }
    });
  });

  describe('exit criteria', () => {
    it('R16: a broken exit criterion keeps its id and stands in as a condition that every contact meets', () => {
      const j = salvaged(baseJourney({ settings: { exitCriteria: [{ id: 'x1', when: 'condition', condition: { type: 'hasTag', tag: 'A' } }, { id: 'x2', when: 'event', event: { type: 'purchase', product: 5 } }] } }));
      assert.deepEqual(j.settings?.exitCriteria, [
        { id: 'x1', when: 'condition', condition: { type: 'hasTag', tag: 'A' } },
        { id: 'x2', when: 'condition', condition: { type: 'all', of: [] } },
      ]);
    });

    it('R16: an exit criterion with a broken id cannot be stood in for', () => {
      assert.equal(salvage(baseJourney({ settings: { exitCriteria: [{ id: '1x', when: 'condition', condition: { type: 'hasTag', tag: 'A' } }] } })), undefined);
    });

    it('R4: a rule finding elsewhere still shows beside a broken exit criterion', () => {
      const text = JSON.stringify(baseJourney({
        startingPoints: [{ id: 'start', trigger: { type: 'api' }, next: 'p_nowhere' }],
        settings: { exitCriteria: [{ id: 'x1', when: 'event', event: { type: 'purchase', product: 5 } }] },
      }), null, 2);
      const found = validateJourneyText(text).diagnostics.map((d) => `${d.code} ${d.path.join('.')}`);
      assert.ok(found.some((f) => f.startsWith('schema.') && f.includes('settings.exitCriteria.0')), found.join('; '));
      assert.ok(found.includes('R4.dangling-reference startingPoints.0.next'), found.join('; '));
    });

    it('a settings problem outside the exit criteria (a plan) cannot be stood in for', () => {
      assert.equal(salvage(baseJourney({ settings: { plan: 'gold' } })), undefined);
      assert.equal(salvage(baseJourney({ settings: { limits: [{ journeyPoints: 0 }] } })), undefined);
    });
  });

  describe('declarations', () => {
    it('a broken field declaration keeps its name as a string field; one without a name cannot be stood in for', () => {
      assert.deepEqual(salvaged(baseJourney({ fields: [{ name: 'age', type: 'integer' }] })).fields, [{ name: 'age', type: 'string' }]);
      assert.equal(salvage(baseJourney({ fields: [{ type: 'integer' }] })), undefined);
    });

    it('R17 R21: a broken content item keeps its id, channel and each property valid on its own; its status is ready unless a valid one is given', () => {
      const j = salvaged(baseJourney({ content: [{ id: 'c_sms', channel: 'sms', status: 'final', name: 'Hello', subject: 5, list: 'l1', transactional: true, links: ['offer'] }] }));
      assert.deepEqual(j.content, [{ id: 'c_sms', channel: 'sms', status: 'ready', name: 'Hello', list: 'l1', transactional: true, links: ['offer'] }]);
      const draft = salvaged(baseJourney({ content: [{ id: 'c_mail', channel: 'fax', status: 'draft', subject: 'Hi' }] }));
      assert.deepEqual(draft.content, [{ id: 'c_mail', channel: 'email', status: 'draft', subject: 'Hi' }]);
    });

    it('a content item with a broken id cannot be stood in for', () => {
      assert.equal(salvage(baseJourney({ content: [{ id: '1c', channel: 'email', status: 'ready' }] })), undefined);
    });

    it('a broken list, segment or campaign keeps its id; a form keeps any id, since form ids are free text', () => {
      const j = salvaged(baseJourney({
        lists: [{ id: 'l1', kind: 'weird' }],
        segments: [{ id: 's1', size: 3 }],
        campaigns: [{ id: 'cp1', name: 1 }],
        forms: [{ id: 'sign up form', name: 2 }],
      }));
      assert.deepEqual([j.lists, j.segments, j.campaigns, j.forms], [[{ id: 'l1' }], [{ id: 's1' }], [{ id: 'cp1' }], [{ id: 'sign up form' }]]);
    });

    it('a list with a broken id, or a form without an id, cannot be stood in for', () => {
      assert.equal(salvage(baseJourney({ lists: [{ id: '1 list' }] })), undefined);
      assert.equal(salvage(baseJourney({ forms: [{ name: 'f' }] })), undefined);
    });
  });

  describe('the rest of the document', () => {
    it('a broken description, $schema or layout is left out', () => {
      const j = salvaged(baseJourney({ description: 5, $schema: 7, layout: { p1: { x: 'a', y: 0 } } }));
      assert.deepEqual([j.description, j.$schema, j.layout], [undefined, undefined, undefined]);
      assert.equal(Object.hasOwn(j, 'description') || Object.hasOwn(j, '$schema') || Object.hasOwn(j, 'layout'), false);
      assert.deepEqual(j.points, [{ id: 'p1', type: 'end' }]);
    });

    it('a broken top-level property (kind, formatVersion, name) or a broken list of points as a whole cannot be stood in for', () => {
      assert.equal(salvage(baseJourney({ kind: 'manual' })), undefined);
      assert.equal(salvage(baseJourney({ formatVersion: 2 })), undefined);
      assert.equal(salvage(baseJourney({ points: { p1: { type: 'end' } } })), undefined);
      assert.equal(salvage(baseJourney({ settings: { exitCriteria: { x: 1 } } })), undefined);
    });

    it('salvages nothing from a journey without issues, or from a value that is not an object', () => {
      assert.equal(salvageJourney(baseJourney(), []), undefined);
      const issues = Journey.safeParse([]).error!.issues;
      assert.equal(salvageJourney([], issues), undefined);
    });

    it('leaves the journey it was given untouched', () => {
      const journey = baseJourney({ points: [{ id: 'p1', type: 'wait', duration: '3 days', next: 'p1' }] });
      const before = JSON.stringify(journey);
      salvaged(journey);
      assert.equal(JSON.stringify(journey), before);
    });
  });

  describe('findings about a stand-in', () => {
    const broken = baseJourney({
      points: [{ id: 'p1', type: 'wait', duration: '3 days', next: 'p2' }, { id: 'p2', type: 'end' }, { id: 'p3', type: 'wait', duration: 'soon', next: 'p2' }],
    });

    it('a finding inside a replaced part is about the stand-in; one outside every replaced part is not', () => {
      const s = salvage(broken)!;
      assert.equal(s.replaced(['points', 0]), true);
      assert.equal(s.replaced(['points', 0, 'duration']), true);
      assert.equal(s.replaced(['points', 2, 'next']), true, 'the second replaced part');
      assert.equal(s.replaced(['points', 1, 'next']), false);
      assert.equal(s.replaced(['points']), false, 'the whole list is more than the part');
      assert.equal(s.replaced(['startingPoints', 0]), false);
    });

    it('are dropped; the others are kept, in order', () => {
      const s = salvage(broken)!;
      const kept = findingsOutsideStandIns([diagnostic(['points', 0, 'next']), diagnostic(['startingPoints', 0, 'next']), diagnostic(['points', 2]), diagnostic(['points', 1])], s);
      assert.deepEqual(kept.map((d) => d.path), [['startingPoints', 0, 'next'], ['points', 1]]);
    });

    it('R4: are not reported by the validator (the stand-in\'s default content is undeclared), while the schema problem is', () => {
      const text = JSON.stringify(baseJourney({ points: [{ id: 'p1', type: 'sendEmail', content: 5, next: 'p2' }, { id: 'p2', type: 'end' }] }), null, 2);
      const found = validateJourneyText(text).diagnostics;
      assert.deepEqual(found.map((d) => d.path.join('.')), ['points.0.content']);
      assert.equal(found[0]!.code, 'schema.invalid-type');
    });
  });
});
