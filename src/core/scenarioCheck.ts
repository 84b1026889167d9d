// Checks a scenario's expectations against simulation snapshots: each
// expectation passes or fails with a message and, for a failure, the
// expected and actual values a test report can show as a diff.
import type { JourneyComparison } from './compare/compareVersions';
import type { Expectation, Place, Scenario } from './scenario';
import type { Journey } from './schema';
import type { SimulationSnapshot, TraceEntry } from './simulator/types';

export interface ExpectationResult {
  index: number;
  title: string;
  passed: boolean;
  message: string;
  expected?: string;
  actual?: string;
}

/** Gives the snapshot at an instant (epoch ms), or at the end of the replay when undefined. */
export type SnapshotAt = (at: number | undefined) => SimulationSnapshot;

/** Gives the comparison of the scenario's journey (B) with the other version a comparedWith expectation names (A), by the expectation's index. */
export type ComparedAt = (index: number) => JourneyComparison;

const ms = (instant: string | undefined) => (instant === undefined ? undefined : Date.parse(instant));
const iso = (t: number) => new Date(t).toISOString();

export function expectationTitle(e: Expectation): string {
  if (e.name) return e.name;
  switch (e.type) {
    case 'endsAt':
      return `${e.contact} ends ${e.place ?? 'at'}${e.point ? ` ${e.place ? 'at ' : ''}${e.point}` : ''}${e.at ? ` at ${e.at}` : ''}`;
    case 'receives':
      return `${e.contact} receives ${e.content}${e.times !== undefined ? ` exactly ${e.times} time${e.times === 1 ? '' : 's'}` : ''}${e.after ? ` after ${e.after}` : ''}${e.before ? ` before ${e.before}` : ''}`;
    case 'doesNotReceive':
      return `${e.contact} does not receive ${e.content}`;
    case 'neverReceives':
      return `${e.contact} never receives any ${e.marketing ? 'marketing ' : ''}${e.channel === 'sms' ? 'SMS' : e.channel === 'email' ? 'email' : 'message'}`;
    case 'takesBranch':
      return `${e.contact} takes ${e.branch} at ${e.point}`;
    case 'inQueue':
      return `${e.contact} waits at ${e.point} at ${e.at}`;
    case 'suppressed':
      return `${e.content ? `${e.content} to ` : 'a send to '}${e.contact} is suppressed (${e.reason})${e.point ? ` at ${e.point}` : ''}`;
    case 'exits':
      return `${e.contact} exits${e.reason ? ` (${e.reason})` : ''}`;
    case 'passes':
      return `${e.contact} passes ${e.point}${e.branch ? ` down ${e.branch}` : ''}`;
    case 'neverEnters':
      return `${e.contact} never enters`;
    case 'stats':
      return `stats${e.at ? ` at ${e.at}` : ' at the end'}`;
    case 'comparedWith': {
      const other = typeof e.with === 'number' ? `version ${e.with}` : e.with;
      return e.onlyContacts ? `compared with ${other}, only ${e.onlyContacts.join(', ')} change` : `compared with ${other}, nothing changes`;
    }
  }
}

/** Where a contact is in a snapshot: waiting at a point, or where its last stay ended. */
export function placeOf(snapshot: SimulationSnapshot, contact: string): { place: Place; point?: string } {
  for (const [point, queue] of Object.entries(snapshot.queues)) if (queue.includes(contact)) return { place: 'waiting', point };
  let last: TraceEntry | undefined;
  for (const entry of snapshot.trace) if (entry.contact === contact) last = entry;
  if (!last) return { place: 'notEntered' };
  if (last.kind === 'complete') return { place: 'completed', point: last.point };
  if (last.kind === 'exit') return { place: 'exited', point: last.point };
  return { place: 'waiting', point: last.point };
}

const describePlace = (p: { place: Place; point?: string }) => (p.point ? `${p.place} at ${p.point}` : p.place);

/** What a scenario needs to know of the journey's content: each item's channel and whether it is marketing (R17). */
export interface ContentFacts {
  channel: 'email' | 'sms';
  marketing: boolean;
}

export function contentFacts(journey: Journey): Map<string, ContentFacts> {
  const transactionalLists = new Set((journey.lists ?? []).filter((l) => l.kind === 'transactional').map((l) => l.id));
  return new Map((journey.content ?? []).map((c) => [c.id, { channel: c.channel, marketing: !(c.transactional === true || (c.list !== undefined && transactionalLists.has(c.list))) }]));
}


/** Whether a comparison shows exactly the changes the expectation allows. */
function checkCompared(e: Extract<Expectation, { type: 'comparedWith' }>, c: JourneyComparison): Omit<ExpectationResult, 'index' | 'title'> {
  const changed = c.changedContacts.map((x) => x.contact).sort();
  const differing = c.points.filter((p) => p.countsDiffer).map((p) => p.b ?? p.a!);
  const actual = changed.length ? `changed: ${changed.join(', ')}` : differing.length ? `no contact changed; counts differ at ${differing.join(', ')}` : 'nothing changed';
  if (!e.onlyContacts) {
    return { passed: c.equal, message: c.equal ? 'the outcomes are equal' : `the outcomes differ: ${actual}`, expected: 'nothing changed', actual };
  }
  const expected = [...new Set(e.onlyContacts)].sort();
  const unexpected = changed.filter((x) => !expected.includes(x));
  const unchanged = expected.filter((x) => !changed.includes(x));
  const passed = unexpected.length === 0 && unchanged.length === 0;
  const why = [unexpected.length ? `also changed: ${unexpected.join(', ')}` : '', unchanged.length ? `unchanged: ${unchanged.join(', ')}` : ''].filter(Boolean).join('; ');
  return { passed, message: passed ? `only ${expected.join(', ')} changed` : why, expected: `changed: ${expected.join(', ')}`, actual };
}

function check(e: Expectation, snapshotAt: SnapshotAt, content: ReadonlyMap<string, ContentFacts>, comparedAt: ComparedAt | undefined, index: number): Omit<ExpectationResult, 'index' | 'title'> {
  if (e.type === 'comparedWith') {
    if (!comparedAt) return { passed: false, message: 'this run cannot compare versions' };
    return checkCompared(e, comparedAt(index));
  }
  const end = snapshotAt(undefined);
  const entries = (contact: string) => end.trace.filter((t) => t.contact === contact);
  switch (e.type) {
    case 'endsAt': {
      const actual = placeOf(snapshotAt(ms(e.at)), e.contact);
      const ok = (e.point === undefined || actual.point === e.point) && (e.place === undefined || actual.place === e.place);
      const expected = describePlace({ place: e.place ?? actual.place, ...(e.point ? { point: e.point } : {}) });
      return { passed: ok, message: ok ? `${e.contact} is ${describePlace(actual)}` : `${e.contact} is ${describePlace(actual)}, expected ${expected}`, expected, actual: describePlace(actual) };
    }
    case 'receives': {
      const sends = entries(e.contact).filter((t) => t.kind === 'send' && t.outcome === e.content);
      const before = ms(e.before);
      const after = ms(e.after);
      const inWindow = sends.filter((t) => (before === undefined || t.at < before) && (after === undefined || t.at > after));
      const actual = sends.length ? `sent at ${sends.map((t) => iso(t.at)).join(', ')}` : 'never sent';
      if (e.times !== undefined) {
        const window = `${e.after ? ` after ${e.after}` : ''}${e.before ? ` before ${e.before}` : ''}`;
        const counted = `sent ${inWindow.length} time${inWindow.length === 1 ? '' : 's'}${window}`;
        const expected = `sent ${e.times} time${e.times === 1 ? '' : 's'}${window}`;
        return { passed: inWindow.length === e.times, message: `${e.content} was ${counted} to ${e.contact}${inWindow.length === e.times ? '' : `, expected exactly ${e.times}`}${sends.length ? ` (${actual})` : ''}`, expected, actual: counted };
      }
      return { passed: inWindow.length > 0, message: inWindow.length ? `${e.content} sent to ${e.contact} at ${iso(inWindow[0]!.at)}` : `${e.content} was ${actual} to ${e.contact}`, expected: `sent${e.after ? ` after ${e.after}` : ''}${e.before ? ` before ${e.before}` : ''}`, actual };
    }
    case 'doesNotReceive': {
      const sends = entries(e.contact).filter((t) => t.kind === 'send' && t.outcome === e.content);
      return { passed: sends.length === 0, message: sends.length ? `${e.content} was sent to ${e.contact} at ${sends.map((t) => iso(t.at)).join(', ')}` : `${e.content} never sent to ${e.contact}`, expected: 'never sent', actual: sends.length ? `sent at ${sends.map((t) => iso(t.at)).join(', ')}` : 'never sent' };
    }
    case 'neverReceives': {
      const counts = (t: { outcome?: string }) => {
        const facts = t.outcome === undefined ? undefined : content.get(t.outcome);
        if (!facts) return e.channel === undefined && e.marketing === undefined;
        return (e.channel === undefined || facts.channel === e.channel) && (e.marketing === undefined || facts.marketing);
      };
      const sends = entries(e.contact).filter((t) => t.kind === 'send' && counts(t));
      const what = `${e.marketing ? 'marketing ' : ''}${e.channel === 'sms' ? 'SMS' : e.channel === 'email' ? 'email' : 'message'}`;
      const actual = sends.length ? sends.map((t) => `${t.outcome ?? '?'} at ${iso(t.at)}`).join(', ') : `no ${what}`;
      return { passed: sends.length === 0, message: sends.length ? `${e.contact} received ${actual}` : `${e.contact} received no ${what}`, expected: `no ${what}`, actual };
    }
    case 'takesBranch': {
      const at = entries(e.contact).filter((t) => t.point === e.point && t.branch !== undefined);
      const branches = at.map((t) => t.branch!);
      const ok = branches.length > 0 && branches.every((b) => b === e.branch);
      const actual = branches.length === 0 ? `never left ${e.point} by a branch` : `took ${branches.join(', ')} at ${e.point}`;
      return { passed: ok, message: ok ? `${e.contact} ${actual}` : `${e.contact} ${actual}, expected ${e.branch}`, expected: `took ${e.branch} at ${e.point}`, actual };
    }
    case 'inQueue': {
      const actual = placeOf(snapshotAt(ms(e.at)), e.contact);
      const ok = actual.place === 'waiting' && actual.point === e.point;
      return { passed: ok, message: ok ? `${e.contact} waits at ${e.point} at ${e.at}` : `${e.contact} is ${describePlace(actual)} at ${e.at}, expected waiting at ${e.point}`, expected: `waiting at ${e.point}`, actual: describePlace(actual) };
    }
    case 'suppressed': {
      const all = entries(e.contact).filter((t) => t.kind === 'suppressed' && (e.content === undefined || t.outcome === e.content) && (e.point === undefined || t.point === e.point));
      const hit = all.find((t) => t.reason === e.reason);
      const actual = all.length ? all.map((t) => `${t.outcome ?? '?'} (${t.reason ?? '?'}) at ${iso(t.at)}`).join(', ') : 'nothing suppressed';
      return { passed: hit !== undefined, message: hit ? `suppressed at ${iso(hit.at)} (${e.reason})` : `expected a suppression for ${e.reason}; found ${actual}`, expected: `suppressed (${e.reason})`, actual };
    }
    case 'exits': {
      const exits = entries(e.contact).filter((t) => t.kind === 'exit');
      const hit = exits.find((t) => e.reason === undefined || t.reason === e.reason);
      const actual = exits.length ? exits.map((t) => `exited at ${t.point} (${t.reason ?? '?'})`).join(', ') : describePlace(placeOf(end, e.contact));
      return { passed: hit !== undefined, message: hit ? `${e.contact} exited at ${hit.point} (${hit.reason ?? ''}) at ${iso(hit.at)}` : `${e.contact} did not exit${e.reason ? ` for ${e.reason}` : ''}: ${actual}`, expected: `exited${e.reason ? ` (${e.reason})` : ''}`, actual };
    }
    case 'passes': {
      const at = entries(e.contact).filter((t) => t.point === e.point);
      const branches = at.map((t) => t.branch).filter((b): b is string => b !== undefined);
      const ok = at.length > 0 && (e.branch === undefined || branches.includes(e.branch));
      const actual = at.length === 0 ? `never at ${e.point}` : `at ${e.point}${branches.length ? `, took ${branches.join(', ')}` : ''}`;
      return { passed: ok, message: ok ? `${e.contact} ${actual}` : `${e.contact} was ${actual}`, expected: `at ${e.point}${e.branch ? `, took ${e.branch}` : ''}`, actual };
    }
    case 'neverEnters': {
      const enters = entries(e.contact).filter((t) => t.kind === 'enter');
      return { passed: enters.length === 0, message: enters.length ? `${e.contact} entered at ${enters.map((t) => `${t.point} ${iso(t.at)}`).join(', ')}` : `${e.contact} never entered`, expected: 'never entered', actual: enters.length ? `entered ${enters.length} time(s)` : 'never entered' };
    }
    case 'stats': {
      const stats = snapshotAt(ms(e.at)).stats;
      const keys = (['started', 'inProgress', 'completed', 'exited'] as const).filter((k) => e[k] !== undefined);
      const expected = keys.map((k) => `${k}: ${e[k]}`).join(', ');
      const actual = keys.map((k) => `${k}: ${stats[k]}`).join(', ');
      return { passed: keys.every((k) => stats[k] === e[k]), message: `stats ${actual}${expected === actual ? '' : `, expected ${expected}`}`, expected, actual };
    }
  }
}

/** Checks every expectation; `journey` tells the channel and kind of each content item (for neverReceives), `comparedAt` compares versions (comparedWith). */
export function checkScenario(scenario: Scenario, snapshotAt: SnapshotAt, journey?: Journey, comparedAt?: ComparedAt): ExpectationResult[] {
  const content = journey ? contentFacts(journey) : new Map<string, ContentFacts>();
  return scenario.expectations.map((e, index) => ({ index, title: expectationTitle(e), ...check(e, snapshotAt, content, comparedAt, index) }));
}
