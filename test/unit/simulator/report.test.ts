// Specification of the simulation report (src/core/simulator/report.ts), as
// `journey simulate` prints it: a one-line summary of the stats (R15), a
// table of the starting points and points with right-aligned numbers, the
// queues of the points where contacts wait, the warnings, and the trace as a
// table; and the snapshot as JSON with ISO instants.
import assert from 'node:assert/strict';
import { formatReport, formatStats, reportJson, type SimulationSnapshot, type TraceEntry } from '../../../src/core/simulator/index';
import { T } from './helpers';

const counters = (entered: number, left: number, queued: number, sent = 0, suppressed = 0, suppressedBy: Record<string, number> = {}) => ({ entered, left, queued, sent, suppressed, suppressedBy });

function snapshot(parts: Partial<SimulationSnapshot> = {}): SimulationSnapshot {
  return {
    at: T('2026-03-02T10:00:00Z'),
    start: T('2026-03-02T09:00:00Z'),
    horizon: undefined,
    seed: 7,
    stats: { started: 12, inProgress: 3, completed: 5, exited: 4, exitedBy: { exitPoint: 0, exitCriteria: 1, unsubscribed: 3, removed: 0 } },
    startingPoints: { sp: { entered: 12 } },
    points: {
      mail: counters(12, 12, 0, 9, 3, { unsubscribedAll: 2, frequency: 1 }),
      wait: counters(10, 7, 3),
    },
    queues: { mail: [], wait: ['c1', 'c22', 'c3'] },
    trace: [],
    warnings: [],
    ...parts,
  };
}

const entry = (at: string, contact: string, point: string, kind: TraceEntry['kind'], more: Partial<TraceEntry> = {}): TraceEntry => ({ at: T(at), contact, point, kind, entry: 1, ...more });

describe('the simulation report', () => {
  it('R15: sums up the stats, naming only the exit reasons that occurred, in their fixed order', () => {
    assert.equal(formatStats(snapshot()), 'started 12, in progress 3, completed 5, exited 4 (exit criteria 1, unsubscribed 3)');
    const none = snapshot({ stats: { started: 2, inProgress: 2, completed: 0, exited: 0, exitedBy: { exitPoint: 0, exitCriteria: 0, unsubscribed: 0, removed: 0 } } });
    assert.equal(formatStats(none), 'started 2, in progress 2, completed 0, exited 0');
    const all = snapshot({ stats: { started: 4, inProgress: 0, completed: 0, exited: 4, exitedBy: { exitPoint: 1, exitCriteria: 1, unsubscribed: 1, removed: 1 } } });
    assert.equal(formatStats(all), 'started 4, in progress 0, completed 0, exited 4 (exit point 1, exit criteria 1, unsubscribed 1, removed 1)');
  });

  it('R15, R17: heads with the replay bounds, then a table of the points (numbers right-aligned, sends and suppressions with their reasons only where there are any), the queues, the warnings', () => {
    const s = snapshot({ warnings: ['contact "x" is not listed'] });
    assert.deepEqual(formatReport(s, { trace: false }), [
      'Replay 2026-03-02T09:00:00Z → until nothing is pending, seed 7; stats at 2026-03-02T10:00:00Z',
      'Stats: started 12, in progress 3, completed 5, exited 4 (exit criteria 1, unsubscribed 3)',
      '',
      'Point       Entered  Left  Queued  Sent  Suppressed',
      'sp (start)       12',
      'mail             12    12       0     9  3 (unsubscribedAll 2, frequency 1)',
      'wait             10     7       3',
      '',
      'Waiting:',
      '  wait: c1, c22, c3',
      'warning: contact "x" is not listed',
    ]);
  });

  it('R23: names the horizon when there is one, and leaves out the waiting list when nobody waits', () => {
    const s = snapshot({ horizon: T('2026-03-09T00:00:00.250Z'), queues: { mail: [], wait: [] }, points: { mail: counters(1, 1, 0, 1), wait: counters(1, 1, 0) } });
    const lines = formatReport(s, { trace: false });
    assert.equal(lines[0], 'Replay 2026-03-02T09:00:00Z → 2026-03-09T00:00:00.250Z, seed 7; stats at 2026-03-02T10:00:00Z');
    assert.ok(!lines.includes('Waiting:'), lines.join('\n'));
    assert.equal(lines.at(-1), 'wait              1     1       0');
  });

  it('R8: ends with the trace as a table, by default: branch, outcome, reason and a later stay in the detail column', () => {
    const trace = [
      entry('2026-03-02T09:00:00Z', 'c1', 'sp', 'enter', { outcome: 'tagAdded go' }),
      entry('2026-03-02T09:00:00Z', 'c1', 'split', 'branch', { branch: '30%' }),
      entry('2026-03-02T09:00:00Z', 'c1', 'mail', 'suppressed', { reason: 'frequency' }),
      entry('2026-03-02T09:30:00Z', 'c22', 'wait', 'leave', { branch: 'timeout', outcome: 'due', entry: 2 }),
      entry('2026-03-02T09:45:00Z', 'c22', 'w', 'arrive', { entry: 1 }),
    ];
    const lines = formatReport(snapshot({ trace }));
    const at = lines.indexOf('Trace (5 entries):');
    assert.ok(at > 0, lines.join('\n'));
    assert.equal(lines[at - 1], '');
    assert.deepEqual(lines.slice(at + 1), [
      'Time                  Contact  Point  What        Detail',
      '2026-03-02T09:00:00Z  c1       sp     enter       tagAdded go',
      '2026-03-02T09:00:00Z  c1       split  branch      → 30%',
      '2026-03-02T09:00:00Z  c1       mail   suppressed  (frequency)',
      '2026-03-02T09:30:00Z  c22      wait   leave       → timeout due [entry 2]',
      '2026-03-02T09:45:00Z  c22      w      arrive',
    ]);
    const one = formatReport(snapshot({ trace: trace.slice(0, 1) }), { trace: true });
    assert.ok(one.includes('Trace (1 entry):'), one.join('\n'));
    assert.ok(!formatReport(snapshot({ trace }), { trace: false }).some((l) => l.startsWith('Trace')));
  });

  it('as JSON: the snapshot with ISO instants (also in the trace), a missing horizon as null', () => {
    const trace = [entry('2026-03-02T09:00:00.5Z', 'c1', 'sp', 'enter')];
    const s = snapshot({ trace, warnings: ['w'] });
    assert.deepStrictEqual(reportJson(s), {
      at: '2026-03-02T10:00:00Z',
      start: '2026-03-02T09:00:00Z',
      horizon: null,
      seed: 7,
      stats: s.stats,
      startingPoints: s.startingPoints,
      points: s.points,
      queues: s.queues,
      trace: [{ at: '2026-03-02T09:00:00.500Z', contact: 'c1', point: 'sp', kind: 'enter', entry: 1 }],
      warnings: ['w'],
    });
    assert.equal((reportJson(snapshot({ horizon: T('2026-03-03T00:00:00Z') })) as { horizon: unknown }).horizon, '2026-03-03T00:00:00Z');
  });
});
