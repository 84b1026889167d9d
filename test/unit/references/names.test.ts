// Specification of the name checks of scenarios and timelines: every
// contact, point, content item, link and starting point a scenario or a
// timeline names must exist in its journey (contacts: in its timeline), and
// an unknown one is a finding at the exact string, saying what kind of name
// it is, in which file it is missing, and the closest known name.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { locateFinding, type ReferenceFinding } from '../../../src/core/journeyNames';
import { parseJsonDocument } from '../../../src/core/jsonDocument';
import { Scenario } from '../../../src/core/scenario';
import { scenarioReferences } from '../../../src/core/scenarioReferences';
import { checkScenarioFile, checkTimelineFile, type ScenarioFiles } from '../../../src/core/scenarioRunner';
import { Journey } from '../../../src/core/schema';
import { Timeline } from '../../../src/core/timeline';
import { timelineReferences } from '../../../src/core/timelineReferences';

const journey = Journey.parse({
  formatVersion: 1,
  id: 'j',
  name: 'Launch',
  kind: 'trigger',
  tags: ['VIP'],
  lists: [{ id: 'product_news' }],
  segments: [{ id: 'top_customers' }],
  forms: [{ id: 'signup_form' }],
  campaigns: [{ id: 'spring_sale' }],
  content: [
    { id: 'announcement_email', channel: 'email', status: 'ready', links: ['product', 'pricing'] },
    { id: 'launch_sms', channel: 'sms', status: 'ready' },
  ],
  startingPoints: [
    { id: 'sp_vip', trigger: { type: 'tagAdded', tag: 'VIP' }, next: 'p_send' },
    { id: 'sp_api', trigger: { type: 'api' }, next: 'p_send' },
  ],
  points: [
    { id: 'p_send', type: 'sendEmail', content: 'announcement_email', next: 'p_wait_click' },
    { id: 'p_wait_click', type: 'waitForEvent', event: { type: 'emailClicked', point: 'p_send', link: 'product' }, timeout: 'P2D', branches: { yes: 'p_sms', timeout: 'p_end' } },
    { id: 'p_sms', type: 'sendSms', content: 'launch_sms', next: 'p_end' },
    { id: 'p_end', type: 'end' },
  ],
});

const at = '2026-03-01T09:00:00Z';
const timelineOf = (events: object[], contacts: object[] = [{ id: 'c_ala' }, { id: 'c_bo' }]) => ({ formatVersion: 1, contacts, events });

/** The one finding of a timeline's names, with the text its span covers. */
function timelineFinding(value: object): { finding: ReferenceFinding; spanned: string } {
  const text = JSON.stringify(value, null, 2);
  const findings = timelineReferences(Timeline.parse(value), journey, 'launch.journey.json');
  assert.equal(findings.length, 1, JSON.stringify(findings, null, 1));
  const d = locateFinding(parseJsonDocument(text), findings[0]!);
  return { finding: findings[0]!, spanned: text.slice(d.offset, d.offset + d.length) };
}

const none = (value: object) => assert.deepEqual(timelineReferences(Timeline.parse(value), journey, 'launch.journey.json'), []);

describe('names a timeline gives', () => {
  it('an emailOpened/emailClicked event naming unknown content is an error at the name, with the closest one', () => {
    const { finding, spanned } = timelineFinding(timelineOf([{ at, contact: 'c_ala', type: 'emailOpened', content: 'announcment_email' }]));
    assert.equal(spanned, '"announcment_email"');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.code, 'reference.unknown-content');
    assert.equal(finding.message, 'There is no content item "announcment_email" in journey launch.journey.json. Did you mean "announcement_email"?');
  });

  it('an event naming an unknown point is an error', () => {
    const { finding, spanned } = timelineFinding(timelineOf([{ at, contact: 'c_ala', type: 'emailOpened', point: 'p_sned' }]));
    assert.equal(spanned, '"p_sned"');
    assert.deepEqual([finding.severity, finding.code, finding.suggestion], ['error', 'reference.unknown-point', 'p_send']);
  });

  it('a click on a link the clicked email does not have is an error, checked against the links of the point\'s content', () => {
    const { finding, spanned } = timelineFinding(timelineOf([{ at, contact: 'c_ala', type: 'emailClicked', point: 'p_send', link: 'prodcut' }]));
    assert.equal(spanned, '"prodcut"');
    assert.equal(finding.code, 'reference.unknown-link');
    assert.match(finding.message, /There is no link "prodcut" in content item "announcement_email" of journey launch\.journey\.json\. Did you mean "product"\?/);
    none(timelineOf([{ at, contact: 'c_ala', type: 'emailClicked', point: 'p_send', link: 'pricing' }]));
    // Without content or point, any link the journey names will do.
    assert.equal(timelineFinding(timelineOf([{ at, contact: 'c_ala', type: 'emailClicked', link: 'nowhere' }])).finding.code, 'reference.unknown-link');
  });

  it('an apiEntry naming an unknown starting point is an error', () => {
    const { finding, spanned } = timelineFinding(timelineOf([{ at, contact: 'c_ala', type: 'apiEntry', startingPoint: 'sp_apii' }]));
    assert.equal(spanned, '"sp_apii"');
    assert.deepEqual([finding.severity, finding.code, finding.suggestion], ['error', 'reference.unknown-starting-point', 'sp_api']);
  });

  it('contact data close to a name the journey uses is a warning (likely typo): tags, lists, segments, forms, campaigns', () => {
    const cases: [object, string, string][] = [
      [timelineOf([{ at, contact: 'c_ala', type: 'tagAdded', tag: 'VIPP' }]), 'tag', '"VIPP"'],
      [timelineOf([{ at, contact: 'c_ala', type: 'subscribed', list: 'product_new' }]), 'list', '"product_new"'],
      [timelineOf([{ at, contact: 'c_ala', type: 'segmentJoined', segment: 'top_customer' }]), 'segment', '"top_customer"'],
      [timelineOf([{ at, contact: 'c_ala', type: 'formSubmitted', form: 'signup_from' }]), 'form', '"signup_from"'],
      [timelineOf([{ at, contact: 'c_ala', type: 'campaignActivity', campaign: 'spring_sal', activity: 'opened' }]), 'campaign', '"spring_sal"'],
      [timelineOf([], [{ id: 'c_ala', tags: ['VIPP'] }]), 'tag', '"VIPP"'],
      [timelineOf([], [{ id: 'c_ala', lists: { product_new: 'subscribed' } }]), 'list', '"product_new"'],
      [timelineOf([], [{ id: 'c_ala', segments: ['top_customer'] }]), 'segment', '"top_customer"'],
    ];
    for (const [value, kind, spanned] of cases) {
      const found = timelineFinding(value);
      assert.deepEqual([found.finding.severity, found.finding.code, found.spanned], ['warning', `reference.unknown-${kind}`, spanned]);
    }
  });

  it('contact data far from every name the journey uses is the contact\'s own business: no finding', () => {
    none(timelineOf([{ at, contact: 'c_ala', type: 'tagAdded', tag: 'Newsletter reader' }], [{ id: 'c_ala', tags: ['Gardening'], lists: { weekly_digest: 'subscribed' } }]));
  });

  it('an event for a contact missing from contacts but close to one is a warning', () => {
    const { finding, spanned } = timelineFinding(timelineOf([{ at, contact: 'c_aal', type: 'tagAdded', tag: 'VIP' }]));
    assert.deepEqual([finding.severity, finding.code, spanned], ['warning', 'reference.unknown-contact', '"c_aal"']);
    assert.equal(finding.message, 'There is no contact "c_aal" in the contacts of this timeline. Did you mean "c_ala"?');
  });

  it('an event for a contact far from every listed one is a new contact the replay adds: no finding', () => {
    none(timelineOf([{ at, contact: 'newcomer_from_the_crm', type: 'tagAdded', tag: 'VIP' }]));
  });

  it('events naming only what the journey has give no finding: an open, a click without a link, an API entry without a starting point', () => {
    none(timelineOf([{ at, contact: 'c_ala', type: 'emailOpened', content: 'announcement_email', point: 'p_send' }]));
    none(timelineOf([{ at, contact: 'c_ala', type: 'emailClicked', content: 'announcement_email', point: 'p_send' }]));
    none(timelineOf([{ at, contact: 'c_ala', type: 'apiEntry' }]));
  });

  it('R11: a journey that names no link awaits no particular link: a click on any link is no finding', () => {
    const linkless = Journey.parse(JSON.parse(JSON.stringify({ ...journey, content: journey.content!.map(({ links: _links, ...c }) => c) }).replace(',"link":"product"', '')));
    assert.ok(!JSON.stringify(linkless).includes('"link'), 'no link anywhere');
    const value = timelineOf([{ at, contact: 'c_ala', type: 'emailClicked', point: 'p_send', link: 'anything' }]);
    assert.deepEqual(timelineReferences(Timeline.parse(value), linkless, 'launch.journey.json'), []);
  });

  it('a likely typo is a warning on every kind of event that carries contact data: tag removed, audience joined, unsubscribed, segment left', () => {
    const cases: [object, string][] = [
      [{ at, contact: 'c_ala', type: 'tagRemoved', tag: 'VIPP' }, 'tag'],
      [{ at, contact: 'c_ala', type: 'audienceJoined', list: 'product_new' }, 'list'],
      [{ at, contact: 'c_ala', type: 'unsubscribed', list: 'product_new' }, 'list'],
      [{ at, contact: 'c_ala', type: 'segmentLeft', segment: 'top_customer' }, 'segment'],
    ];
    for (const [event, kind] of cases) assert.deepEqual([timelineFinding(timelineOf([event])).finding.code], [`reference.unknown-${kind}`], JSON.stringify(event));
  });
});

describe('names a scenario gives', () => {
  const timeline = Timeline.parse(timelineOf([{ at, contact: 'c_ala', type: 'tagAdded', tag: 'VIP' }, { at, contact: 'c_extra', type: 'tagAdded', tag: 'VIP' }]));
  const files = { journey: 'launch.journey.json', timeline: 'launch.timeline.json' };
  function scenarioFinding(expectation: object): { finding: ReferenceFinding; spanned: string } {
    const value = { formatVersion: 1, name: 's', journey: 'launch.journey.json', timeline: 'launch.timeline.json', expectations: [expectation] };
    const text = JSON.stringify(value, null, 2);
    const findings = scenarioReferences(Scenario.parse(value), journey, timeline, files);
    assert.equal(findings.length, 1, JSON.stringify(findings, null, 1));
    const d = locateFinding(parseJsonDocument(text), findings[0]!);
    return { finding: findings[0]!, spanned: text.slice(d.offset, d.offset + d.length) };
  }

  it('doesNotReceive of misspelt content is an error, not a pass', () => {
    const { finding, spanned } = scenarioFinding({ type: 'doesNotReceive', contact: 'c_ala', content: 'launch_smss' });
    assert.equal(spanned, '"launch_smss"');
    assert.equal(finding.message, 'There is no content item "launch_smss" in journey launch.journey.json. Did you mean "launch_sms"?');
  });

  it('a misspelt point is "no such point", not a behaviour failure', () => {
    const { finding, spanned } = scenarioFinding({ type: 'passes', contact: 'c_ala', point: 'p_wait_clik' });
    assert.equal(spanned, '"p_wait_clik"');
    assert.deepEqual([finding.severity, finding.code, finding.suggestion], ['error', 'reference.unknown-point', 'p_wait_click']);
    // A starting point is where a contact enters: endsAt/passes may name one.
    assert.deepEqual(scenarioReferences(Scenario.parse({ formatVersion: 1, name: 's', journey: 'j', timeline: 't', expectations: [{ type: 'passes', contact: 'c_ala', point: 'sp_vip' }] }), journey, timeline, files), []);
  });

  it('a misspelt contact is checked against the timeline (its contacts and the contacts of its events)', () => {
    const { finding, spanned } = scenarioFinding({ type: 'neverEnters', contact: 'c_alla' });
    assert.equal(spanned, '"c_alla"');
    assert.equal(finding.message, 'There is no contact "c_alla" in timeline launch.timeline.json. Did you mean "c_ala"?');
    assert.deepEqual(scenarioReferences(Scenario.parse({ formatVersion: 1, name: 's', journey: 'j', timeline: 't', expectations: [{ type: 'neverEnters', contact: 'c_extra' }] }), journey, timeline, files), []);
  });

  it('a contact in onlyContacts of a comparison that the timeline lacks is an error at that contact', () => {
    const { finding, spanned } = scenarioFinding({ type: 'comparedWith', with: 1, onlyContacts: ['c_ala', 'c_alla'] });
    assert.equal(spanned, '"c_alla"');
    assert.deepEqual([finding.severity, finding.code, finding.path], ['error', 'reference.unknown-contact', ['expectations', 0, 'onlyContacts', 1]]);
    assert.equal(finding.message, 'There is no contact "c_alla" in timeline launch.timeline.json. Did you mean "c_ala"?');
  });

  it('an optional name left undefined (as code building a scenario may leave it) is not a name to check', () => {
    const scenario: Scenario = {
      formatVersion: 1,
      name: 's',
      journey: 'j',
      timeline: 't',
      expectations: [
        { type: 'endsAt', contact: 'c_ala', point: undefined },
        { type: 'suppressed', contact: 'c_ala', content: undefined, reason: 'frequency' },
        { type: 'passes', contact: 'c_ala', point: 'p_wait_click', branch: undefined },
      ],
    };
    assert.deepEqual(scenarioReferences(scenario, journey, timeline, files), []);
  });

  it('every expectation kind that names a contact, point or content is checked', () => {
    const kinds: object[] = [
      { type: 'endsAt', contact: 'c_ala', point: 'p_nope' },
      { type: 'receives', contact: 'c_ala', content: 'nope' },
      { type: 'suppressed', contact: 'c_ala', content: 'nope', reason: 'frequency' },
      { type: 'exits', contact: 'nobody' },
    ];
    for (const e of kinds) assert.equal(scenarioFinding(e).finding.severity, 'error');
  });
});

describe('names in the samples', () => {
  const folder = resolve(__dirname, '../../../samples');
  const files: ScenarioFiles = { readText: (path) => readFile(path, 'utf8'), resolve: (from, rel) => resolve(dirname(from), rel) };
  for (const name of readdirSync(folder).filter((f) => /\.(timeline|scenario)\.json$/.test(f))) {
    it(`${name} names only what its journey has (no error, no warning)`, async () => {
      const file = join(folder, name);
      const problems = name.endsWith('.timeline.json') ? await checkTimelineFile(file, files, { withWarnings: true }) : await checkScenarioFile(file, files, { withWarnings: true });
      assert.deepEqual(problems.map((p) => p.diagnostic.message), []);
    });
  }
});

describe('schema problems of scenarios and timelines', () => {
  const folder = resolve(__dirname, '../../../samples');
  const memory = (texts: Record<string, string>): ScenarioFiles => ({
    readText: async (path) => texts[path] ?? readFile(path, 'utf8'),
    resolve: (from, rel) => resolve(dirname(from), rel),
  });

  it('name the file they are in: a scenario or a timeline, not "the journey"', async () => {
    const scenario = join(folder, 'probe.scenario.json');
    const timeline = join(folder, 'probe.timeline.json');
    const files = memory({
      [scenario]: JSON.stringify({ name: 's', journey: 'preference-center.journey.json', timeline: 'preference-center.timeline.json', expectations: [] }),
      [timeline]: JSON.stringify({ contacts: [], events: [] }),
    });
    const scenarioProblems = await checkScenarioFile(scenario, files, {});
    assert.ok(scenarioProblems.length > 0);
    assert.match(scenarioProblems[0]!.diagnostic.message, /Missing property "formatVersion" in the scenario/);
    const timelineProblems = await checkTimelineFile(timeline, files, {});
    assert.ok(timelineProblems.length > 0);
    assert.match(timelineProblems[0]!.diagnostic.message, /Missing property "formatVersion" in the timeline/);
  });
});
