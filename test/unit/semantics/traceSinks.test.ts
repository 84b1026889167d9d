// Specification of the kernel's two trace sinks on their own
// (src/core/semantics/traceSinks.ts): whatever kind of entry the kernel
// reports, recorded (RecordingTrace, R8) or not (SilentTrace), the sink keeps
// the latest instant anything happened at, which is where a replay without a
// horizon ends (R23); an entry reported for an earlier instant (a contact
// replayed after a later one) never moves that instant back.
import assert from 'node:assert/strict';
import { RecordingTrace, SilentTrace } from '../../../src/core/semantics/traceSinks';
import { TEXT_TAG_ADDED } from '../../../src/core/semantics/traceTexts';
import type { TraceSink } from '../../../src/core/semantics/effects';
import type { TraceEntry } from '../../../src/core/simulator/types';

/** Each kind of entry, reported for contact 0 at `t`. */
const report: Record<keyof TraceSink, (sink: TraceSink, t: number) => void> = {
  enter: (s, t) => s.enter(t, 0, 'sp', 'tagAdded'),
  send: (s, t) => s.send(t, 0, 'mail', 'promo'),
  suppressed: (s, t) => s.suppressed(t, 0, 'mail', 'promo', 'frequency'),
  pass: (s, t) => s.pass(t, 0, 'tag', TEXT_TAG_ADDED, 'seen'),
  branch: (s, t) => s.branch(t, 0, 'if', 'yes'),
  arrive: (s, t) => s.arrive(t, 0, 'w', t + 1000),
  leave: (s, t) => s.leave(t, 0, 'w', 'next'),
  complete: (s, t) => s.complete(t, 0, 'e'),
  exit: (s, t) => s.exit(t, 0, 'x', 'busy', 'exitPoint'),
};

const sinks: Record<string, () => TraceSink & { lastAt: number }> = {
  'a silent trace': () => new SilentTrace(),
  'a recording trace': () => new RecordingTrace([], { id: (c) => `c${c}`, entry: () => 1 }),
};

describe('R23: a trace sink keeps the instant of the latest entry, the end of a replay without a horizon', () => {
  for (const [sinkName, make] of Object.entries(sinks)) {
    it(`${sinkName} starts at no instant (-Infinity) and moves to the instant of each kind of entry alone`, () => {
      assert.equal(make().lastAt, -Infinity);
      for (const [kind, reportOne] of Object.entries(report)) {
        const sink = make();
        reportOne(sink, 5000);
        assert.equal(sink.lastAt, 5000, kind);
      }
    });
    it(`${sinkName} is not moved back by any kind of entry at an earlier instant`, () => {
      for (const [kind, reportOne] of Object.entries(report)) {
        const sink = make();
        reportOne(sink, 9000);
        reportOne(sink, 4000);
        assert.equal(sink.lastAt, 9000, kind);
      }
    });
  }
});

describe('R8: a recording trace records each entry it is given, in the order given, even one at an earlier instant', () => {
  it('an entry at an earlier instant is written after the later one, and the end stays the later instant', () => {
    const entries: TraceEntry[] = [];
    const sink = new RecordingTrace(entries, { id: (c) => `contact-${c}`, entry: (c) => c + 1 });
    sink.complete(9000, 1, 'e');
    sink.enter(4000, 0, 'sp', 'tagAdded');
    assert.deepEqual(entries, [
      { at: 9000, contact: 'contact-1', point: 'e', kind: 'complete', entry: 2 },
      { at: 4000, contact: 'contact-0', point: 'sp', kind: 'enter', outcome: 'tagAdded', entry: 1 },
    ]);
    assert.equal(sink.lastAt, 9000);
  });
});
