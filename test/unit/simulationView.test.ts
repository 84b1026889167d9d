// What the editor shows of a simulation (src/core/simulationView.ts): how a
// contact is named, the instants in the scrubber's words, the map overlay
// (per-point counts, exits by point, the contacts' totals, the selected
// contact's path) and where each contact is at the snapshot's instant.
// All read from real replays of a small journey.
import assert from 'node:assert/strict';
import { contactLabel, contactPlaces, formatInstantShort, mapOverlay, pathOf } from '../../src/core/simulationView';
import { createSimulation } from '../../src/core/simulator/index';
import { journey, T, timeline } from './simulator/helpers';

// Tagged "go": a promo email, an hour's wait, then VIPs leave at the exit point and the others complete.
const J = journey({
  content: [{ id: 'promo', channel: 'email', status: 'ready' }],
  startingPoints: [{ id: 'sp', trigger: { type: 'tagAdded', tag: 'go' }, next: 'mail' }],
  points: [
    { id: 'mail', type: 'sendEmail', content: 'promo', next: 'wait' },
    { id: 'wait', type: 'wait', duration: 'PT1H', next: 'check' },
    { id: 'check', type: 'ifElse', condition: { type: 'hasTag', tag: 'vip' }, branches: { yes: 'out', no: 'done' } },
    { id: 'out', type: 'exit' },
    { id: 'done', type: 'end' },
  ],
});
const CONTACTS = ['ann', 'bob', 'cy', 'dee'];
const TL = timeline(
  [{ id: 'ann', email: 'ann@example.com' }, { id: 'bob', tags: ['vip'] }, { id: 'cy' }, { id: 'dee', tags: ['vip'] }],
  [
    { at: '2026-03-02T09:00:00Z', contact: 'ann', type: 'tagAdded', tag: 'go' },
    { at: '2026-03-02T09:30:00Z', contact: 'bob', type: 'tagAdded', tag: 'go' },
    { at: '2026-03-02T09:45:00Z', contact: 'dee', type: 'tagAdded', tag: 'go' },
  ],
);
const at = (iso: string) => createSimulation(J, TL).advanceTo(T(iso)).snapshot();

describe('what the editor shows of a simulation', () => {
  it('names a contact by its name and email, else by either, else by its id', () => {
    assert.equal(contactLabel({ id: 'c1', name: 'Ann Lee', email: 'ann@example.com' }), 'Ann Lee <ann@example.com>');
    assert.equal(contactLabel({ id: 'c1', name: 'Ann Lee' }), 'Ann Lee');
    assert.equal(contactLabel({ id: 'c1', email: 'ann@example.com' }), 'ann@example.com');
    assert.equal(contactLabel({ id: 'c1' }), 'c1');
  });

  it('writes an instant as date and time in UTC, with seconds and milliseconds only when there are some', () => {
    assert.equal(formatInstantShort(T('2026-03-02T10:30:00Z')), '2026-03-02 10:30 UTC');
    assert.equal(formatInstantShort(T('2026-03-02T10:30:15Z')), '2026-03-02 10:30:15 UTC');
    assert.equal(formatInstantShort(T('2026-03-02T10:30:15.250Z')), '2026-03-02 10:30:15.250 UTC');
  });

  it('R15: the overlay gives each point its counts and the contacts that left the journey there, up to the snapshot\'s instant, and the totals in its label', () => {
    // 10:30: ann has completed (10:00), bob has just left at the exit point, dee still waits.
    const snapshot = at('2026-03-02T10:30:00Z');
    const overlay = mapOverlay(snapshot);
    assert.equal(overlay.label, 'Simulated to 2026-03-02 10:30 UTC · 3 started · 1 in progress · 1 completed · 1 exited');
    assert.deepEqual(Object.keys(overlay.points), Object.keys(snapshot.points));
    for (const [id, c] of Object.entries(snapshot.points)) {
      assert.deepEqual(overlay.points[id], { entered: c.entered, left: c.left, queued: c.queued, sent: c.sent, suppressed: c.suppressed, exited: id === 'out' ? 1 : 0 }, id);
    }
    assert.deepEqual([overlay.points['wait']!.queued, overlay.points['mail']!.sent], [1, 3]);
    assert.equal(overlay.startingPoints, snapshot.startingPoints);
    assert.equal(overlay.contact, undefined, 'no contact selected');
    const end = mapOverlay(createSimulation(J, TL).run().snapshot());
    assert.equal(end.points['out']!.exited, 2, 'bob and dee left at the exit point');
  });

  it('the overlay of a selected contact carries its path: the points it went through, in order, each once in a row', () => {
    const snapshot = at('2026-03-02T10:30:00Z');
    assert.deepEqual(pathOf(snapshot, 'bob'), ['sp', 'mail', 'wait', 'check', 'out']);
    assert.deepEqual(pathOf(snapshot, 'dee'), ['sp', 'mail', 'wait']);
    assert.deepEqual(pathOf(snapshot, 'cy'), []);
    assert.deepEqual(mapOverlay(snapshot, { id: 'bob', label: 'Bob' }).contact, { id: 'bob', label: 'Bob', path: ['sp', 'mail', 'wait', 'check', 'out'] });
  });

  it('says where every contact is at the snapshot\'s instant: waiting at a point, completed, exited, or not entered', () => {
    assert.deepEqual(contactPlaces(at('2026-03-02T10:30:00Z'), CONTACTS), [
      { contact: 'ann', place: 'completed', point: 'done' },
      { contact: 'bob', place: 'exited', point: 'out' },
      { contact: 'cy', place: 'notEntered' },
      { contact: 'dee', place: 'waiting', point: 'wait' },
    ]);
  });
});
