// Checks every name a scenario's expectations give against the files the
// scenario replays: contacts against its timeline (its contacts and the
// contacts its events are for), points (or starting points, where a contact
// enters), content and branches (of the point named) against its journey. An unknown name is an error: an
// expectation about a contact, point or content that does not exist can
// only pass by accident (doesNotReceive of a misspelt content always
// passes) or fail with a misleading message ("was never at p_wait_clik").
// Pure; the runner locates each finding in the scenario text.
import { successorsOf } from './graph';
import { journeyNames, type ReferenceFinding, unknownName } from './journeyNames';
import type { Journey } from './schema';
import type { Scenario } from './scenario';
import type { Timeline } from './timeline';

export interface ScenarioReferenceFiles {
  /** The journey file as the message names it. */
  journey: string;
  /** The timeline file as the message names it. */
  timeline: string;
}

export function scenarioReferences(scenario: Scenario, journey: Journey, timeline: Timeline, files: ScenarioReferenceFiles): ReferenceFinding[] {
  const names = journeyNames(journey);
  const contacts = new Set(timeline.contacts.map((c) => c.id));
  for (const e of timeline.events) contacts.add(e.contact);
  const pointsOrEntries = new Set([...names.points, ...names.startingPoints]);
  const inJourney = `journey ${files.journey}`;
  const findings: ReferenceFinding[] = [];
  const add = (f: ReferenceFinding | undefined) => {
    if (f) findings.push(f);
  };
  scenario.expectations.forEach((e, i) => {
    const at = (key: string) => ['expectations', i, key];
    if ('contact' in e) add(unknownName('contact', e.contact, contacts, at('contact'), `timeline ${files.timeline}`));
    if ('point' in e && e.point !== undefined) add(unknownName('point', e.point, pointsOrEntries, at('point'), inJourney));
    if ('content' in e && e.content !== undefined) add(unknownName('content', e.content, names.content, at('content'), inJourney));
    // A branch the point does not have can never be taken: the expectation could only fail, for the wrong reason.
    if ('branch' in e && e.branch !== undefined && 'point' in e && e.point !== undefined) {
      const point = journey.points.find((p) => p.id === e.point);
      if (point) add(unknownName('branch', e.branch, new Set(successorsOf(point).map((s) => s.label)), at('branch'), `point "${e.point}" of ${inJourney}`));
    }
    if (e.type === 'comparedWith') e.onlyContacts?.forEach((c, k) => add(unknownName('contact', c, contacts, ['expectations', i, 'onlyContacts', k], `timeline ${files.timeline}`)));
  });
  return findings;
}
