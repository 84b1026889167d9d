// Specification of how contacts move through a journey: actions take no
// time (R8), waits (R9, R10), wait for an event with a timeout (R11),
// if/else (R12), seeded splits (R13) and ordering at one instant (R14).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { chooseBranch, createSimulation, simulate, SimulationError, splitUnit } from '../../../src/core/simulator/index';
import '../../support/propertySeed';
import { journey, lines, T, tagTrigger, timeline } from './helpers';

const at9 = '2026-03-02T09:00:00Z';

describe('R8 actions take no time and each pass is recorded', () => {
  /** Adds then removes a tag, forever, at one instant: a zero-time cycle. */
  const tagLoop = () =>
    journey({
      startingPoints: [tagTrigger('sp', 'VIP', 'p1')],
      points: [
        { id: 'p1', type: 'addTag', tag: 'x', next: 'p2' },
        { id: 'p2', type: 'removeTag', tag: 'x', next: 'p1' },
      ],
    });

  it('runs a chain of actions at one instant, in order, with who, where, when and outcome', () => {
    const j = journey({
      content: [{ id: 'receipt', channel: 'email', status: 'ready', transactional: true }],
      startingPoints: [tagTrigger('sp', 'VIP', 'tag')],
      points: [
        { id: 'tag', type: 'addTag', tag: 'welcomed', next: 'field' },
        { id: 'field', type: 'updateField', field: 'tier', value: 'gold', next: 'mail' },
        { id: 'mail', type: 'sendEmail', content: 'receipt', next: 'sub' },
        { id: 'sub', type: 'subscribeList', list: 'news', next: 'unsub' },
        { id: 'unsub', type: 'unsubscribeList', list: 'offers', next: 'untag' },
        { id: 'untag', type: 'removeTag', tag: 'VIP', next: 'hook' },
        { id: 'hook', type: 'webhook', url: 'https://example.com/hook', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    const r = simulate(j, timeline([{ id: 'c1' }], [{ at: at9, contact: 'c1', type: 'tagAdded', tag: 'VIP' }]));
    assert.deepEqual(
      r.trace.map((e) => [e.at, e.contact, e.point, e.kind, e.outcome]),
      [
        [T(at9), 'c1', 'sp', 'enter', 'tagAdded'],
        [T(at9), 'c1', 'tag', 'pass', 'tag "welcomed" added'],
        [T(at9), 'c1', 'field', 'pass', 'tier = "gold"'],
        [T(at9), 'c1', 'mail', 'send', 'receipt'],
        [T(at9), 'c1', 'sub', 'pass', 'subscribed to "news"'],
        [T(at9), 'c1', 'unsub', 'pass', 'unsubscribed from "offers"'],
        [T(at9), 'c1', 'untag', 'pass', 'tag "VIP" removed'],
        [T(at9), 'c1', 'hook', 'pass', 'POST https://example.com/hook'],
        [T(at9), 'c1', 'e', 'complete', undefined],
      ],
    );
    assert.equal(r.points.mail?.sent, 1);
  });

  it('stops a zero-time cycle with a clear error instead of hanging', () => {
    assert.throws(
      () => simulate(tagLoop(), timeline([{ id: 'c1' }], [{ at: at9, contact: 'c1', type: 'tagAdded', tag: 'VIP' }])),
      (e: unknown) => e instanceof SimulationError && e.code === 'zero-time-cycle' && /p1 → p2 → p1/.test(e.message) && /c1/.test(e.message),
    );
  });

  it('reports the first contact in time to loop, also when the replay without a trace goes contact by contact', () => {
    // c1 comes first among the contacts, but c2 enters (and loops) an hour earlier.
    const tl = timeline(
      [{ id: 'c1' }, { id: 'c2' }],
      [
        { at: '2026-03-02T10:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'VIP' },
        { at: at9, contact: 'c2', type: 'tagAdded', tag: 'VIP' },
      ],
    );
    for (const trace of [true, false]) {
      assert.throws(
        () => simulate(tagLoop(), tl, { trace }),
        (e: unknown) => e instanceof SimulationError && e.code === 'zero-time-cycle' && /Contact "c2"/.test(e.message) && e.message.includes(at9),
        `trace: ${trace}`,
      );
    }
  });

  it('stops a contact that keeps re-entering at one instant, and a zero-timeout wait-for-event loop', () => {
    const reenter = journey({
      settings: { reEntry: { mode: 'afterCompletion' } },
      startingPoints: [tagTrigger('sp', 'x', 'untag')],
      points: [
        { id: 'untag', type: 'removeTag', tag: 'x', next: 'tag' },
        { id: 'tag', type: 'addTag', tag: 'x', next: 'e' },
        { id: 'e', type: 'end' },
      ],
    });
    const loop = journey({
      startingPoints: [tagTrigger('sp', 'x', 'wfe')],
      points: [{ id: 'wfe', type: 'waitForEvent', event: { type: 'customEvent', name: 'never' }, timeout: 'PT0S', branches: { yes: 'wfe', timeout: 'wfe' } }],
    });
    const tl = timeline([{ id: 'c1' }], [{ at: at9, contact: 'c1', type: 'tagAdded', tag: 'x' }]);
    for (const j of [reenter, loop]) assert.throws(() => simulate(j, tl, { maxChainSteps: 500 }), (e: unknown) => e instanceof SimulationError && e.code === 'zero-time-cycle');
  });
});

describe('invalid input never hangs the engine', () => {
  it('names a successor that does not exist when a contact reaches it', () => {
    const j = { ...journey({ startingPoints: [tagTrigger('sp', 'VIP', 'p1')], points: [{ id: 'p1', type: 'end' }] }) };
    j.points = [{ id: 'p1', type: 'addTag', tag: 'x', next: 'nowhere' }];
    assert.throws(
      () => simulate(j, timeline([{ id: 'c1' }], [{ at: at9, contact: 'c1', type: 'tagAdded', tag: 'VIP' }])),
      (e: unknown) => e instanceof SimulationError && e.code === 'dangling-reference' && /"nowhere"/.test(e.message),
    );
  });

  it('replays events of contacts missing from the contact list as new, empty contacts, with a warning', () => {
    const j = journey({ startingPoints: [tagTrigger('sp', 'VIP', 'e')], points: [{ id: 'e', type: 'end' }] });
    const r = simulate(j, timeline([], [{ at: at9, contact: 'ghost', type: 'tagAdded', tag: 'VIP' }]));
    assert.deepEqual(lines(r.trace), ['2026-03-02T09:00:00Z ghost sp enter', '2026-03-02T09:00:00Z ghost e complete']);
    assert.match(r.warnings.join('\n'), /"ghost", who is not in contacts/);
  });

  it('keeps the first of two contacts with one id, with a warning, and resolves every event to it', () => {
    const j = journey({ startingPoints: [{ ...tagTrigger('sp', 'VIP', 'e'), filter: { type: 'hasTag', tag: 'first' } }], points: [{ id: 'e', type: 'end' }] });
    const contacts = [{ id: 'c1', tags: ['first'] }, { id: 'c2' }, { id: 'c1', tags: ['second'] }];
    for (const trace of [true, false]) {
      const r = simulate(j, timeline(contacts, [{ at: at9, contact: 'c1', type: 'tagAdded', tag: 'VIP' }, { at: at9, contact: 'c2', type: 'tagAdded', tag: 'VIP' }]), { trace });
      assert.equal(r.stats.started, 1, `trace: ${trace}`);
      assert.equal(r.stats.completed, 1);
      if (trace) assert.deepEqual(lines(r.trace), ['2026-03-02T09:00:00Z c1 sp enter', '2026-03-02T09:00:00Z c1 e complete']);
      assert.match(r.warnings.join('\n'), /1 contact id\(s\) appear more than once in contacts: the first of each is used/);
    }
  });
});

describe('R9 wait a duration', () => {
  const j = journey({
    startingPoints: [tagTrigger('sp', 'VIP', 'w')],
    points: [
      { id: 'w', type: 'wait', duration: 'PT2H30M', next: 'z' },
      { id: 'z', type: 'wait', duration: 'P0D', next: 'e' },
      { id: 'e', type: 'end' },
    ],
  });
  const tl = timeline([{ id: 'c1' }], [{ at: at9, contact: 'c1', type: 'tagAdded', tag: 'VIP' }]);

  it('waits exactly the duration, then goes on; a zero duration goes on at once', () => {
    assert.deepEqual(lines(simulate(j, tl).trace), [
      '2026-03-02T09:00:00Z c1 sp enter',
      '2026-03-02T09:00:00Z c1 w arrive',
      '2026-03-02T11:30:00Z c1 w leave →next',
      '2026-03-02T11:30:00Z c1 z arrive',
      '2026-03-02T11:30:00Z c1 z leave →next',
      '2026-03-02T11:30:00Z c1 e complete',
    ]);
  });

  it('never lets the contact go a millisecond early', () => {
    const sim = createSimulation(j, tl);
    sim.advanceTo(T('2026-03-02T11:30:00Z') - 1);
    assert.deepEqual(sim.snapshot().queues.w, ['c1']);
    sim.advanceTo('2026-03-02T11:30:00Z');
    assert.deepEqual(sim.snapshot().queues.w, []);
    assert.equal(sim.snapshot().stats.completed, 1);
  });
});

describe('R10 wait until a date/time in the point or journey time zone', () => {
  it('waits until the local instant; if it has passed on arrival, goes on at once', () => {
    const j = journey({
      settings: { timeZone: 'America/New_York' },
      startingPoints: [tagTrigger('sp', 'VIP', 'berlin')],
      points: [
        { id: 'berlin', type: 'waitUntil', at: '2026-03-10T09:00', timeZone: 'Europe/Berlin', next: 'ny' },
        { id: 'ny', type: 'waitUntil', at: '2026-03-10T09:00', next: 'e' }, // journey zone; New York is on summer time from 8 March
        { id: 'e', type: 'end' },
      ],
    });
    const tl = timeline(
      [{ id: 'c1' }, { id: 'c2' }],
      [
        { at: at9, contact: 'c1', type: 'tagAdded', tag: 'VIP' },
        { at: '2026-03-11T00:00:00Z', contact: 'c2', type: 'tagAdded', tag: 'VIP' },
      ],
    );
    assert.deepEqual(lines(simulate(j, tl).trace), [
      '2026-03-02T09:00:00Z c1 sp enter',
      '2026-03-02T09:00:00Z c1 berlin arrive',
      '2026-03-10T08:00:00Z c1 berlin leave →next', // 09:00 CET
      '2026-03-10T08:00:00Z c1 ny arrive',
      '2026-03-10T13:00:00Z c1 ny leave →next', // 09:00 EDT
      '2026-03-10T13:00:00Z c1 e complete',
      '2026-03-11T00:00:00Z c2 sp enter',
      '2026-03-11T00:00:00Z c2 berlin arrive',
      '2026-03-11T00:00:00Z c2 berlin leave →next',
      '2026-03-11T00:00:00Z c2 ny arrive',
      '2026-03-11T00:00:00Z c2 ny leave →next',
      '2026-03-11T00:00:00Z c2 e complete',
    ]);
  });
});

describe('R11 wait for event with timeout', () => {
  const j = journey({
    content: [{ id: 'news', channel: 'email', status: 'ready', list: 'L', links: ['buy', 'other'] }],
    startingPoints: [tagTrigger('sp', 'go', 'mail')],
    points: [
      { id: 'mail', type: 'sendEmail', content: 'news', next: 'wfe' },
      { id: 'wfe', type: 'waitForEvent', event: { type: 'emailClicked', point: 'mail', link: 'buy' }, timeout: 'P1D', branches: { yes: 'e_yes', timeout: 'e_no' } },
      { id: 'e_yes', type: 'end' },
      { id: 'e_no', type: 'end' },
    ],
  });
  const contacts = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((id) => ({ id, lists: { L: 'subscribed' as const } }));
  const click = (at: string, contact: string, link: string, by: 'point' | 'content' = 'point') => ({ at, contact, type: 'emailClicked' as const, link, ...(by === 'point' ? { point: 'mail' } : { content: 'news' }) });
  const tl = timeline(contacts, [
    click(at9, 'c6', 'buy'), // before c6 arrives (same instant, earlier in the timeline): does not count
    ...contacts.map((c) => ({ at: at9, contact: c.id, type: 'tagAdded' as const, tag: 'go' })),
    click('2026-03-02T10:00:00Z', 'c5', 'buy', 'content'), // names the content the awaited point sends
    click('2026-03-02T12:00:00Z', 'c1', 'buy'),
    click('2026-03-02T12:00:00Z', 'c2', 'other'), // wrong link
    click('2026-03-03T09:00:00Z', 'c3', 'buy'), // exactly at the deadline: still counts
    click('2026-03-03T09:00:01Z', 'c4', 'buy'), // a second late
  ]);

  it('takes yes at the first matching event after arrival, else timeout at exactly arrival + timeout, at most once', () => {
    const entered = contacts.flatMap((c) => [`2026-03-02T09:00:00Z ${c.id} sp enter`, `2026-03-02T09:00:00Z ${c.id} mail send`, `2026-03-02T09:00:00Z ${c.id} wfe arrive`]);
    assert.deepEqual(lines(simulate(j, tl).trace), [
      ...entered,
      '2026-03-02T10:00:00Z c5 wfe leave →yes',
      '2026-03-02T10:00:00Z c5 e_yes complete',
      '2026-03-02T12:00:00Z c1 wfe leave →yes',
      '2026-03-02T12:00:00Z c1 e_yes complete',
      '2026-03-03T09:00:00Z c3 wfe leave →yes',
      '2026-03-03T09:00:00Z c3 e_yes complete',
      '2026-03-03T09:00:00Z c2 wfe leave →timeout',
      '2026-03-03T09:00:00Z c2 e_no complete',
      '2026-03-03T09:00:00Z c4 wfe leave →timeout',
      '2026-03-03T09:00:00Z c4 e_no complete',
      '2026-03-03T09:00:00Z c6 wfe leave →timeout',
      '2026-03-03T09:00:00Z c6 e_no complete',
    ]);
  });

  it('does not count the change that brought the contact to the point', () => {
    const self = journey({
      startingPoints: [tagTrigger('sp', 'go', 'tag')],
      points: [
        { id: 'tag', type: 'addTag', tag: 'done', next: 'wfe' },
        { id: 'wfe', type: 'waitForEvent', event: { type: 'tagAdded', tag: 'done' }, timeout: 'PT1H', branches: { yes: 'e', timeout: 'e' } },
        { id: 'e', type: 'end' },
      ],
    });
    assert.deepEqual(lines(simulate(self, timeline([{ id: 'c1' }], [{ at: at9, contact: 'c1', type: 'tagAdded', tag: 'go' }])).trace), [
      '2026-03-02T09:00:00Z c1 sp enter',
      '2026-03-02T09:00:00Z c1 tag pass',
      '2026-03-02T09:00:00Z c1 wfe arrive',
      '2026-03-02T10:00:00Z c1 wfe leave →timeout',
      '2026-03-02T10:00:00Z c1 e complete',
    ]);
  });

  it('matches forms, purchases, tags and custom events with their properties', () => {
    const waitFor = (event: object) =>
      journey({
        startingPoints: [tagTrigger('sp', 'go', 'wfe')],
        points: [
          { id: 'wfe', type: 'waitForEvent', event: event as never, timeout: 'P1D', branches: { yes: 'e', timeout: 'e' } },
          { id: 'e', type: 'end' },
        ],
      });
    const branch = (event: object, ...events: object[]) =>
      simulate(waitFor(event), timeline([{ id: 'c1' }], [{ at: at9, contact: 'c1', type: 'tagAdded', tag: 'go' }, ...events.map((e) => ({ at: '2026-03-02T10:00:00Z', contact: 'c1', ...e })) as never])).trace.find((e) => e.kind === 'leave')?.branch;
    assert.equal(branch({ type: 'formSubmitted', form: 'f' }, { type: 'formSubmitted', form: 'f' }), 'yes');
    assert.equal(branch({ type: 'formSubmitted', form: 'f' }, { type: 'formSubmitted', form: 'g' }), 'timeout');
    assert.equal(branch({ type: 'purchase' }, { type: 'purchase', product: 'x' }), 'yes');
    assert.equal(branch({ type: 'purchase', product: 'y' }, { type: 'purchase', product: 'x' }), 'timeout');
    assert.equal(branch({ type: 'tagAdded', tag: 't' }, { type: 'tagAdded', tag: 't' }), 'yes');
    assert.equal(branch({ type: 'customEvent', name: 'n', properties: { a: 1 } }, { type: 'customEvent', name: 'n', properties: { a: 2 } }), 'timeout');
    assert.equal(branch({ type: 'customEvent', name: 'n', properties: { a: 1 } }, { type: 'customEvent', name: 'n', properties: { a: 1, b: 2 } }), 'yes');
    assert.equal(branch({ type: 'emailOpened', point: 'p' }, { type: 'emailOpened', point: 'q' }), 'timeout');
  });
});

describe('R12 if/else evaluates contact data at the instant of arrival', () => {
  it('sees changes made before arrival and not those made after', () => {
    const j = journey({
      startingPoints: [tagTrigger('sp', 'go', 'w')],
      points: [
        { id: 'w', type: 'wait', duration: 'P1D', next: 'if' },
        { id: 'if', type: 'ifElse', condition: { type: 'hasTag', tag: 'gold' }, branches: { yes: 'e_yes', no: 'e_no' } },
        { id: 'e_yes', type: 'end' },
        { id: 'e_no', type: 'end' },
      ],
    });
    const tl = timeline(
      [{ id: 'c1' }, { id: 'c2' }, { id: 'c3', tags: ['gold'] }],
      [
        { at: at9, contact: 'c1', type: 'tagAdded', tag: 'go' },
        { at: at9, contact: 'c2', type: 'tagAdded', tag: 'go' },
        { at: at9, contact: 'c3', type: 'tagAdded', tag: 'go' },
        { at: '2026-03-02T18:00:00Z', contact: 'c1', type: 'tagAdded', tag: 'gold' },
        { at: '2026-03-02T18:00:00Z', contact: 'c3', type: 'tagRemoved', tag: 'gold' },
        { at: '2026-03-03T09:00:01Z', contact: 'c2', type: 'tagAdded', tag: 'gold' },
      ],
    );
    assert.deepEqual(
      lines(simulate(j, tl).trace).filter((l) => l.includes(' if ')),
      ['2026-03-03T09:00:00Z c1 if branch →yes', '2026-03-03T09:00:00Z c2 if branch →no', '2026-03-03T09:00:00Z c3 if branch →no'],
    );
  });
});

describe('R13 seeded percentage split', () => {
  const j = journey({
    startingPoints: [tagTrigger('sp', 'go', 'split')],
    points: [
      {
        id: 'split',
        type: 'split',
        branches: [
          { percent: 30, next: 'a', label: 'A' },
          { percent: 70, next: 'b' },
        ],
      },
      { id: 'a', type: 'end' },
      { id: 'b', type: 'end' },
    ],
  });
  const many = (n: number) => timeline(Array.from({ length: n }, (_, i) => ({ id: `c${i}` })), Array.from({ length: n }, (_, i) => ({ at: at9, contact: `c${i}`, type: 'tagAdded' as const, tag: 'go' })));
  const branches = (seed: number, n = 50) => simulate(j, many(n), { seed }).trace.filter((e) => e.kind === 'branch').map((e) => e.branch);

  it('chooses from a stable hash of seed, contact, point and entry: the same seed gives the same choices', () => {
    assert.deepEqual(branches(7), branches(7));
    assert.notDeepEqual(branches(7), branches(8));
    // Derived from the documented hash, written out again below (not the engine's splitUnit/chooseBranch).
    const expected = Array.from({ length: 50 }, (_, i) => (documentedBranch(documentedSplitUnit(7, `c${i}`, 'split', 1), [30, 70]) === 0 ? 'A' : '70%'));
    assert.deepEqual(branches(7), expected);
  });

  it('a unit exactly on a boundary takes the next branch: the first whose cumulative share exceeds u × total', () => {
    const cases: [number, number[], number][] = [
      [0, [30, 70], 0],
      [0, [0, 100], 1], // an empty share is never chosen
      [0.5, [50, 50], 1],
      [0.25, [25, 75], 1],
      [0.75, [1, 2, 1], 2], // shares normalised by their total (4): 0.75 × 4 = 3 = the end of the second
      [0.999, [30, 70], 1],
    ];
    for (const [u, percents, branch] of cases) {
      assert.equal(documentedBranch(u, percents), branch, `reference, ${u} of ${percents}`);
      assert.equal(chooseBranch(u, percents), branch, `${u} of ${percents}`);
    }
  });

  it('the reference FNV-1a gives the published FNV-1a 32-bit test vectors', () => {
    assert.equal(fnv1a32([]), 0x811c9dc5);
    assert.equal(fnv1a32([...'a'].map((c) => c.charCodeAt(0))), 0xe40c292c);
    assert.equal(fnv1a32([...'foobar'].map((c) => c.charCodeAt(0))), 0xbf9cf968);
  });

  it('is the documented hash, so the choices never change between versions: splitUnit and chooseBranch equal an independent implementation on generated inputs', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string({ unit: fc.constantFrom(...'ac019_-.éß漢😀\u001f'), maxLength: 12 }), fc.string({ maxLength: 12 }), fc.integer({ min: 1, max: 1000 }), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 }), (seed, contact, point, entry, percents) => {
        const u = documentedSplitUnit(seed, contact, point, entry);
        assert.equal(splitUnit(seed, contact, point, entry), u);
        assert.equal(chooseBranch(u, percents), documentedBranch(u, percents));
      }),
      { numRuns: 300 },
    );
  });

  it('uses the timeline seed when no seed option is given', () => {
    const tl = { ...many(50), seed: 7 };
    assert.deepEqual(
      simulate(j, tl).trace.filter((e) => e.kind === 'branch').map((e) => e.branch),
      branches(7),
    );
  });

  it('approaches the percentages over many contacts', () => {
    const n = 4000;
    const a = branches(1, n).filter((b) => b === 'A').length / n;
    assert.ok(Math.abs(a - 0.3) < 0.03, `share of A: ${a}`);
  });
});

/**
 * FNV-1a, 32 bits, over UTF-16 code units, in BigInt arithmetic (offset basis
 * 2166136261, prime 16777619), as its specification states it.
 */
function fnv1a32(units: readonly number[], basis = 0x811c9dc5n): number {
  let h = basis;
  for (const u of units) h = ((h ^ BigInt(u)) * 16777619n) % 2n ** 32n;
  return Number(h);
}

/** The murmur3 32-bit finaliser (fmix32), in BigInt arithmetic. */
function fmix32(x: number): number {
  const M = 2n ** 32n;
  let h = BigInt(x >>> 0);
  h ^= h >> 16n;
  h = (h * 0x85ebca6bn) % M;
  h ^= h >> 13n;
  h = (h * 0xc2b2ae35n) % M;
  h ^= h >> 16n;
  return Number(h);
}

/**
 * R13 as src/core/simulator/semantics.md documents it: FNV-1a over seed,
 * contact id, point id and entry number (decimal text), each field followed
 * by the unit separator 0x1F, then the murmur3 finaliser, divided by 2^32.
 */
function documentedSplitUnit(seed: number, contact: string, point: string, entry: number): number {
  const units = [String(seed), contact, point, String(entry)].flatMap((field) => [...Array.from({ length: field.length }, (_, i) => field.charCodeAt(i)), 0x1f]);
  return fmix32(fnv1a32(units)) / 2 ** 32;
}

/** The branch whose cumulative share (percentages normalised by their total, negative ones as 0) first exceeds u × total. */
function documentedBranch(u: number, percents: readonly number[]): number {
  const shares = percents.map((p) => Math.max(0, p));
  const total = shares.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const bounds = shares.map((_, i) => shares.slice(0, i + 1).reduce((a, b) => a + b, 0));
  const i = bounds.findIndex((b) => u * total < b);
  return i === -1 ? percents.length - 1 : i;
}

describe('R14 ordering at one instant and determinism', () => {
  const j = journey({
    startingPoints: [tagTrigger('sp', 'go', 'w')],
    points: [
      { id: 'w', type: 'wait', duration: 'PT1H', next: 'e' },
      { id: 'e', type: 'end' },
    ],
  });
  const tl = timeline(
    [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }, { id: 'c4' }],
    [
      // Listed out of time order: replayed sorted by time, ties in listed order.
      { at: '2026-03-02T10:00:00Z', contact: 'c3', type: 'tagAdded', tag: 'go' },
      { at: '2026-03-02T10:00:00Z', contact: 'c2', type: 'tagAdded', tag: 'go' },
      { at: at9, contact: 'c4', type: 'tagAdded', tag: 'go' },
      { at: at9, contact: 'c1', type: 'tagAdded', tag: 'go' },
    ],
  );

  it('applies external events in timeline order before timers due at the same instant; timers in scheduling order', () => {
    assert.deepEqual(lines(simulate(j, tl).trace), [
      '2026-03-02T09:00:00Z c4 sp enter',
      '2026-03-02T09:00:00Z c4 w arrive',
      '2026-03-02T09:00:00Z c1 sp enter',
      '2026-03-02T09:00:00Z c1 w arrive',
      '2026-03-02T10:00:00Z c3 sp enter',
      '2026-03-02T10:00:00Z c3 w arrive',
      '2026-03-02T10:00:00Z c2 sp enter',
      '2026-03-02T10:00:00Z c2 w arrive',
      '2026-03-02T10:00:00Z c4 w leave →next',
      '2026-03-02T10:00:00Z c4 e complete',
      '2026-03-02T10:00:00Z c1 w leave →next',
      '2026-03-02T10:00:00Z c1 e complete',
      '2026-03-02T11:00:00Z c3 w leave →next',
      '2026-03-02T11:00:00Z c3 e complete',
      '2026-03-02T11:00:00Z c2 w leave →next',
      '2026-03-02T11:00:00Z c2 e complete',
    ]);
  });

  it('R14, R16: an event and a wait ending at the same instant: the event first, also when the replay goes contact by contact (no trace)', () => {
    // c1 waits 1 h from 09:00; at 10:00 the wait ends and "quit" arrives. Events before timers: the exit criterion takes c1 out of the wait.
    // c2 waits for a purchase until 10:00; the purchase at exactly 10:00 counts (R11) because it is handled before the timeout.
    const k = journey({
      settings: { exitCriteria: [{ id: 'quit', when: 'event', event: { type: 'customEvent', name: 'quit' } }] },
      startingPoints: [tagTrigger('sp', 'go', 'w'), tagTrigger('sp2', 'buyer', 'wfe')],
      points: [
        { id: 'w', type: 'wait', duration: 'PT1H', next: 'e' },
        { id: 'wfe', type: 'waitForEvent', event: { type: 'purchase' }, timeout: 'PT1H', branches: { yes: 'bought', timeout: 'e' } },
        { id: 'bought', type: 'end' },
        { id: 'e', type: 'end' },
      ],
    });
    const ten = '2026-03-02T10:00:00Z';
    const tl = timeline(
      [{ id: 'c1' }, { id: 'c2' }],
      [
        { at: at9, contact: 'c1', type: 'tagAdded', tag: 'go' },
        { at: at9, contact: 'c2', type: 'tagAdded', tag: 'buyer' },
        { at: ten, contact: 'c1', type: 'customEvent', name: 'quit' },
        { at: ten, contact: 'c2', type: 'purchase', product: 'x' },
      ],
    );
    for (const options of [{ trace: false }, { trace: false, replayOrder: 'time' as const }, { trace: true }]) {
      const r = simulate(k, tl, options);
      const label = JSON.stringify(options);
      assert.deepEqual(r.stats, { started: 2, inProgress: 0, completed: 1, exited: 1, exitedBy: { exitPoint: 0, exitCriteria: 1, unsubscribed: 0, removed: 0 } }, label);
      const w = r.points['w']!;
      assert.deepEqual({ w: [w.entered, w.left, w.queued], bought: r.points['bought']?.entered, e: r.points['e']?.entered }, { w: [1, 1, 0], bought: 1, e: 0 }, label);
    }
  });

  it('gives the same trace for the same journey, timeline and seed', () => {
    assert.deepEqual(simulate(j, tl, { seed: 3 }), simulate(j, tl, { seed: 3 }));
  });

  it('R15 lists a queue by arrival instant, contacts that arrived together in contact order, with or without a trace', () => {
    for (const trace of [true, false]) {
      // c4 entered before c1 at 09:00, c3 before c2 at 10:00: the queue lists them in contact order.
      assert.deepEqual(simulate(j, tl, { trace, at: '2026-03-02T09:30:00Z' }).queues['w'], ['c1', 'c4'], `trace: ${trace}`);
      assert.deepEqual(simulate(j, tl, { trace, at: '2026-03-02T10:00:00Z' }).queues['w'], ['c2', 'c3'], `trace: ${trace}`);
    }
    const late = timeline([{ id: 'c1' }, { id: 'c2' }], [
      { at: '2026-03-02T09:10:00Z', contact: 'c1', type: 'tagAdded', tag: 'go' },
      { at: at9, contact: 'c2', type: 'tagAdded', tag: 'go' },
    ]);
    for (const trace of [true, false]) assert.deepEqual(simulate(j, late, { trace, at: '2026-03-02T09:30:00Z' }).queues['w'], ['c2', 'c1'], 'the earlier arrival first');
  });
});
