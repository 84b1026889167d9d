// Checks every name a scenario's expectations give against the files the
// scenario replays: contacts against its timeline (its contacts and the
// contacts its events are for), points (or starting points, where a contact
// enters) and content against its journey. An unknown name is an error: an
// expectation about a contact, point or content that does not exist can
// only pass by accident (doesNotReceive of a misspelt content always
// passes) or fail with a misleading message ("was never at p_wait_clik").
// Pure; the runner locates each finding in the scenario text.
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
    if (e.type === 'comparedWith') e.onlyContacts?.forEach((c, k) => add(unknownName('contact', c, contacts, ['expectations', i, 'onlyContacts', k], `timeline ${files.timeline}`)));
  });
  return findings;
}
