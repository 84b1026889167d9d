// Rule coverage of the simulator's property tests: RuleCoverage counts, from
// the traces of generated scenarios, how many cases exercised each rule, so a
// generator that stops reaching a rule shows up as a zero in the report. The
// seed and run counts come from test/support/propertySeed.ts.
import { PROPERTY_SEED } from '../../support/propertySeed';
import type { Journey, JourneyPoint } from '../../../src/core/schema';
import { isTransactional, type TraceEntry } from '../../../src/core/simulator/index';
import type { Timeline } from '../../../src/core/timeline';

export { PROPERTY_SEED, propertyParameters } from '../../support/propertySeed';

/** The rules (and their cases) the coverage report counts, in the order it prints them. */
export const COVERED_CASES = [
  'R4 zero-time cycle stopped with an error',
  'R7 contact entered',
  'R7 contact entered again (re-entry)',
  'R8 action passed (point types below)',
  'R9 wait ended',
  'R10 wait-until already passed on arrival',
  'R10 wait-until in the future',
  'R10 wait-until in a zone with daylight saving',
  'R11 awaited event came (yes)',
  'R11 timeout',
  'R12 if/else yes',
  'R12 if/else no',
  'R13 split branch chosen',
  'R14 event and timer of one contact at one instant',
  'R15 contact still waiting at the end',
  'R16 exit criterion: condition at entry',
  'R16 exit criterion: condition after an action',
  'R16 exit criterion: condition after an event',
  'R16 exit criterion: awaited event',
  'R17 master unsubscribe exits the journey',
  'R17 suppressed: unsubscribedAll',
  'R17 suppressed: listUnsubscribed',
  'R17 suppressed: notSubscribed',
  'R17 suppressed: noPhone',
  'R17 suppressed: noSmsConsent',
  'R17 marketing SMS to a contact with a phone, consent absent',
  'R17 marketing SMS to a contact with a phone, consent true',
  'R17 marketing SMS to a contact with a phone, consent false',
  'R18 daily: suppressed',
  'R18 daily: sent again a period or more later',
  'R18 weekly: suppressed',
  'R18 weekly: sent again a period or more later',
  'R18 biweekly: suppressed',
  'R18 biweekly: sent again a period or more later',
  'R18 quarterly: suppressed',
  'R18 quarterly: sent again a period or more later',
  'exit point reached',
  ...(['wait', 'waitUntil', 'waitForEvent', 'ifElse', 'split', 'addTag', 'removeTag', 'updateField', 'sendEmail', 'sendSms', 'subscribeList', 'unsubscribeList', 'webhook', 'exit', 'end'] as const).map((t) => `point type ${t} reached`),
] as const;
export type CoveredCase = (typeof COVERED_CASES)[number];

/** Period lengths as R18 states them (daily 1, weekly 7, bi-weekly 14, quarterly 91 days). */
const PERIOD_DAYS = { daily: 1, weekly: 7, biweekly: 14, quarterly: 91 } as const;

export class RuleCoverage {
  /** How many scenarios exercised each case (a scenario counts once per case). */
  readonly cases = new Map<CoveredCase, number>(COVERED_CASES.map((c) => [c, 0]));
  scenarios = 0;
  enteredNobody = 0;

  zeroTimeCycle(): void {
    this.scenarios++;
    this.bump(new Set<CoveredCase>(['R4 zero-time cycle stopped with an error']));
  }

  /** Counts the cases one replay (journey, timeline, its trace and the contacts queued at its end) exercised. */
  replay(j: Journey, tl: Timeline, trace: readonly TraceEntry[], queued: number): void {
    this.scenarios++;
    const seen = new Set<CoveredCase>();
    const points = new Map<string, JourneyPoint>(j.points.map((p) => [p.id, p]));
    const content = new Map((j.content ?? []).map((c) => [c.id, c]));
    const contacts = new Map(tl.contacts.map((c) => [c.id, c]));
    const criteria = new Map((j.settings?.exitCriteria ?? []).map((c) => [c.id, c]));
    const eventsAt = new Set(tl.events.map((e) => `${e.contact}@${Date.parse(e.at)}`));
    const zone = j.settings?.timeZone ?? 'UTC';
    const lastMarketing = new Map<string, number>();
    if (!trace.some((e) => e.kind === 'enter')) this.enteredNobody++;
    if (queued > 0) seen.add('R15 contact still waiting at the end');
    let previous: TraceEntry | undefined;
    for (const e of trace) {
      const p = points.get(e.point);
      if (p && (e.kind !== 'exit' || e.reason === 'exitPoint')) seen.add(`point type ${p.type} reached`);
      if (e.kind === 'enter') seen.add(e.entry > 1 ? 'R7 contact entered again (re-entry)' : 'R7 contact entered');
      if (e.kind === 'pass') seen.add('R8 action passed (point types below)');
      if (p?.type === 'wait' && e.kind === 'leave') seen.add('R9 wait ended');
      if (p?.type === 'waitUntil' && e.kind === 'leave') {
        seen.add(previous?.kind === 'arrive' && previous.point === e.point && previous.at === e.at && previous.contact === e.contact ? 'R10 wait-until already passed on arrival' : 'R10 wait-until in the future');
        if ((p.timeZone ?? zone) !== 'UTC') seen.add('R10 wait-until in a zone with daylight saving');
      }
      if (p?.type === 'waitForEvent' && e.kind === 'leave') seen.add(e.branch === 'yes' ? 'R11 awaited event came (yes)' : 'R11 timeout');
      if (p?.type === 'ifElse' && e.kind === 'branch') seen.add(e.branch === 'yes' ? 'R12 if/else yes' : 'R12 if/else no');
      if (p?.type === 'split' && e.kind === 'branch') seen.add('R13 split branch chosen');
      if (e.kind === 'leave' && e.branch !== 'yes' && eventsAt.has(`${e.contact}@${e.at}`)) seen.add('R14 event and timer of one contact at one instant');
      if (e.kind === 'exit' && e.reason === 'exitPoint') seen.add('exit point reached');
      if (e.kind === 'exit' && e.reason === 'unsubscribed') seen.add('R17 master unsubscribe exits the journey');
      if (e.kind === 'exit' && e.reason === 'exitCriteria') {
        const criterion = criteria.get(e.outcome ?? '');
        if (criterion?.when === 'event') seen.add('R16 exit criterion: awaited event');
        else if (previous?.contact === e.contact && previous.kind === 'enter') seen.add('R16 exit criterion: condition at entry');
        else if (previous?.contact === e.contact && previous.kind === 'pass' && previous.point === e.point) seen.add('R16 exit criterion: condition after an action');
        else seen.add('R16 exit criterion: condition after an event');
      }
      if (e.kind === 'suppressed' && e.reason !== undefined && e.reason !== 'frequency') seen.add(`R17 suppressed: ${e.reason}` as CoveredCase);
      if ((e.kind === 'send' || e.kind === 'suppressed') && p && !isTransactional(content.get(e.outcome!), j)) {
        const contact = contacts.get(e.contact);
        if (p.type === 'sendSms' && e.reason !== 'noPhone' && e.reason !== 'unsubscribedAll' && e.reason !== 'listUnsubscribed' && e.reason !== 'notSubscribed') {
          const consent = contact?.smsConsent;
          seen.add(`R17 marketing SMS to a contact with a phone, consent ${consent === undefined ? 'absent' : String(consent)}` as CoveredCase);
        }
        const frequency = contact?.frequency;
        if (p.type === 'sendEmail' && frequency !== undefined) {
          if (e.reason === 'frequency') seen.add(`R18 ${frequency}: suppressed`);
          const last = lastMarketing.get(e.contact);
          if (e.kind === 'send') {
            if (last !== undefined && e.at - last >= PERIOD_DAYS[frequency] * 86_400_000) seen.add(`R18 ${frequency}: sent again a period or more later`);
            lastMarketing.set(e.contact, e.at);
          }
        }
      }
      previous = e;
    }
    this.bump(seen);
  }

  private bump(seen: Set<CoveredCase>): void {
    for (const c of seen) this.cases.set(c, this.cases.get(c)! + 1);
  }

  /** The cases no scenario exercised. */
  missing(): CoveredCase[] {
    return COVERED_CASES.filter((c) => this.cases.get(c) === 0);
  }

  report(): string {
    const width = Math.max(...COVERED_CASES.map((c) => c.length));
    return [
      `      rule coverage over ${this.scenarios} generated scenarios (seed ${PROPERTY_SEED}); ${this.enteredNobody} entered nobody:`,
      ...COVERED_CASES.map((c) => `        ${c.padEnd(width)} ${String(this.cases.get(c)).padStart(5)}`),
    ].join('\n');
  }
}
