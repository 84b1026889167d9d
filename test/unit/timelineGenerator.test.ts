// Specification of generated timelines: valid, deterministic, and shaped by
// the profile (who meets the filters, who engages), so "simulate with a
// contact profile" gives meaningful queues.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Journey } from '../../src/core/schema';
import { simulate } from '../../src/core/simulator/index';
import { Timeline } from '../../src/core/timeline';
import { generateTimeline } from '../../src/core/timelineGenerator';
import { instantsOf, contactLabel, mapOverlay, pathOf } from '../../src/core/simulationView';

const sample = (name: string) => Journey.parse(JSON.parse(readFileSync(join(__dirname, '../../samples', `${name}.journey.json`), 'utf8')));
const profile = { contacts: 200, seed: 7, start: '2026-03-02T08:00:00Z', days: 3 };

describe('timeline generator', () => {
  for (const name of ['mailchimp-vip-welcome', 'preference-center', 'mailup-webform-nurture', 'dynamics-product-announcement', 'birthday-german']) {
    it(`generates a valid timeline for ${name} whose replay enters contacts`, () => {
      const journey = sample(name);
      const timeline = Timeline.parse(generateTimeline(journey, profile));
      assert.equal(timeline.contacts.length, 200);
      const times = timeline.events.map((e) => Date.parse(e.at));
      assert.deepEqual(times, [...times].sort((a, b) => a - b), 'events are in time order');
      const result = simulate(journey, timeline, name === 'birthday-german' ? { horizon: '2027-03-10T00:00:00Z', trace: false } : { trace: false });
      assert.ok(result.stats.started > 0, `nobody entered ${name}`);
      assert.equal(result.stats.started, result.stats.inProgress + result.stats.completed + result.stats.exited);
    });
  }

  it('is deterministic for a seed and differs across seeds', () => {
    const journey = sample('mailchimp-vip-welcome');
    assert.deepEqual(generateTimeline(journey, profile), generateTimeline(journey, profile));
    assert.notDeepEqual(generateTimeline(journey, profile), generateTimeline(journey, { ...profile, seed: 8 }));
  });

  it('lets the profile decide the share that meets the filter (R3)', () => {
    const journey = sample('mailchimp-vip-welcome');
    const entered = (matchShare: number) => simulate(journey, generateTimeline(journey, { ...profile, matchShare, contacts: 400 }), { trace: false }).stats.started;
    assert.equal(entered(0), 0);
    assert.ok(entered(1) > entered(0.5), 'more contacts enter when more meet the filter');
  });
});

describe('simulation view', () => {
  const journey = sample('preference-center');
  const timeline = Timeline.parse(JSON.parse(readFileSync(join(__dirname, '../../samples/preference-center.timeline.json'), 'utf8')));
  const end = simulate(journey, timeline);

  it('steps through every instant at which something happened, in order', () => {
    const instants = instantsOf(end);
    assert.deepEqual(instants, [...new Set(instants)].sort((a, b) => a - b));
    for (const entry of end.trace) assert.ok(instants.includes(entry.at));
  });

  it("draws a contact's path through the nodes it passed, starting at its starting point", () => {
    const path = pathOf(end, 'c_arta');
    assert.equal(path[0], 'sp_order_placed');
    assert.ok(path.includes('p_send_tips'));
    assert.equal(path[path.length - 1], 'p_end');
  });

  it('overlays every point with counters that conserve contacts (R15)', () => {
    const overlay = mapOverlay(end, { id: 'c_arta', label: 'Arta <arta@example.com>' });
    for (const [id, c] of Object.entries(overlay.points)) assert.equal(c.entered, c.left + c.queued, id);
    assert.deepEqual([overlay.contact?.id, overlay.contact?.label], ['c_arta', 'Arta <arta@example.com>']);
    assert.match(overlay.label, /\d+ started · \d+ in progress · \d+ completed · \d+ exited/);
  });

  it('counts on each point the contacts that left the journey there without completing it', () => {
    const overlay = mapOverlay(end);
    const exits = new Map<string, number>();
    for (const e of end.trace) if (e.kind === 'exit') exits.set(e.point, (exits.get(e.point) ?? 0) + 1);
    assert.ok(exits.size > 0, 'the replay has exits');
    for (const [id, c] of Object.entries(overlay.points)) assert.equal(c.exited, exits.get(id) ?? 0, id);
    assert.equal(Object.values(overlay.points).reduce((n, c) => n + c.exited, 0), end.stats.exited, 'every exit counted once, on its point');
  });

  it('names a contact by its name and email, else by what it has, else its id', () => {
    assert.equal(contactLabel({ id: 'c1', name: 'Anna', email: 'anna@example.com' }), 'Anna <anna@example.com>');
    assert.equal(contactLabel({ id: 'c1', email: 'anna@example.com' }), 'anna@example.com');
    assert.equal(contactLabel({ id: 'c1' }), 'c1');
  });
});
