// Specification of src/core/journeyNames.ts: the names a journey defines or
// uses, by kind, wherever it declares or uses them; and the finding for a
// name a scenario or a timeline gives that the journey does not have: its
// kind, the file it should be in, the closest known name when it is a
// likely typo, else a few known names, located at the exact value.
import assert from 'node:assert/strict';
import { journeyNames, KIND_WORDS, locateFinding, unknownName } from '../../src/core/journeyNames';
import { parseJsonDocument } from '../../src/core/jsonDocument';
import { Journey } from '../../src/core/schema';

const base = { formatVersion: 1, id: 'j', name: 'J', kind: 'trigger' };
const sorted = (set: ReadonlySet<unknown>) => [...set].map(String).sort();

describe('the names a journey defines or uses (journeyNames.ts)', () => {
  it('a journey without declarations has no names but its points and starting points', () => {
    const names = journeyNames(Journey.parse({ ...base, startingPoints: [{ id: 'sp', trigger: { type: 'api' }, next: 'e' }], points: [{ id: 'e', type: 'end' }] }));
    assert.deepEqual(sorted(names.points), ['e']);
    assert.deepEqual(sorted(names.startingPoints), ['sp']);
    for (const kind of ['content', 'links', 'lists', 'segments', 'tags', 'forms', 'campaigns'] as const) assert.equal(names[kind].size, 0, kind);
    assert.equal(names.linksOf.size, 0);
  });

  it('declared names: content, lists, segments, tags, forms, campaigns; links by the content that declares them', () => {
    const names = journeyNames(
      Journey.parse({
        ...base,
        tags: ['vip'],
        lists: [{ id: 'news' }],
        segments: [{ id: 'top' }],
        forms: [{ id: 'signup' }],
        campaigns: [{ id: 'spring' }],
        content: [
          { id: 'mail', channel: 'email', status: 'ready', links: ['product', 'pricing'] },
          { id: 'plain', channel: 'email', status: 'ready' },
        ],
        startingPoints: [{ id: 'sp', trigger: { type: 'api' }, next: 'e' }],
        points: [{ id: 'e', type: 'end' }],
      }),
    );
    assert.deepEqual(sorted(names.content), ['mail', 'plain']);
    assert.deepEqual(sorted(names.lists), ['news']);
    assert.deepEqual(sorted(names.segments), ['top']);
    assert.deepEqual(sorted(names.tags), ['vip']);
    assert.deepEqual(sorted(names.forms), ['signup']);
    assert.deepEqual(sorted(names.campaigns), ['spring']);
    assert.deepEqual(sorted(names.links), ['pricing', 'product']);
    assert.deepEqual([...names.linksOf.keys()], ['mail'], 'only content that declares links');
    assert.deepEqual(sorted(names.linksOf.get('mail')!), ['pricing', 'product']);
  });

  it('used names: in triggers, filters, actions, awaited events, exit criteria, the segment entry and content lists', () => {
    const names = journeyNames(
      Journey.parse({
        ...base,
        kind: 'segment',
        segmentEntry: { segment: 'entry_segment' },
        content: [{ id: 'mail', channel: 'email', status: 'ready', list: 'content_list' }],
        startingPoints: [
          { id: 'sp', trigger: { type: 'tagAdded', tag: 'trigger_tag' }, filter: { type: 'all', of: [{ type: 'memberOf', list: 'filter_list' }, { type: 'not', filter: { type: 'inSegment', segment: 'filter_segment' } }] }, next: 'p1' },
          { id: 'sp2', trigger: { type: 'formSubmitted', form: 'trigger_form' }, next: 'p1' },
          { id: 'sp3', trigger: { type: 'campaignActivity', activity: 'opened', campaign: 'trigger_campaign' }, next: 'p1' },
        ],
        points: [
          { id: 'p1', type: 'subscribeList', list: 'action_list', next: 'p2' },
          { id: 'p2', type: 'waitForEvent', event: { type: 'emailClicked', point: 'p0', link: 'awaited_link' }, timeout: 'P1D', branches: { yes: 'p3', timeout: 'p3' } },
          { id: 'p3', type: 'updateField', field: 'score', value: 3, next: 'e' },
          { id: 'e', type: 'end' },
        ],
        settings: { exitCriteria: [{ id: 'x', when: 'condition', condition: { type: 'hasTag', tag: 'exit_tag' } }, { id: 'y', when: 'event', event: { type: 'formSubmitted', form: 'exit_form' } }] },
      }),
    );
    assert.deepEqual(sorted(names.segments), ['entry_segment', 'filter_segment']);
    assert.deepEqual(sorted(names.lists), ['action_list', 'content_list', 'filter_list']);
    assert.deepEqual(sorted(names.tags), ['exit_tag', 'trigger_tag']);
    assert.deepEqual(sorted(names.forms), ['exit_form', 'trigger_form']);
    assert.deepEqual(sorted(names.campaigns), ['trigger_campaign']);
    assert.deepEqual(sorted(names.links), ['awaited_link']);
  });

  it('a value that is not a string under a name key is not a name (field values, event properties)', () => {
    const names = journeyNames(
      Journey.parse({
        ...base,
        startingPoints: [{ id: 'sp', trigger: { type: 'customEvent', name: 'cart', properties: { tag: 5, list: true } }, next: 'e' }],
        points: [{ id: 'e', type: 'end' }],
      }),
    );
    assert.equal(names.tags.size, 0);
    assert.equal(names.lists.size, 0);
  });

  it('an unknown name is no finding when the journey has it', () => {
    assert.equal(unknownName('tag', 'vip', new Set(['vip']), ['tags', 0], 'journey j.journey.json'), undefined);
  });

  it('an unknown name close to a known one is a finding suggesting it', () => {
    assert.deepEqual(unknownName('point', 'p_sned', new Set(['p_send', 'p_end']), ['events', 2, 'point'], 'journey j.journey.json'), {
      path: ['events', 2, 'point'],
      severity: 'error',
      code: 'reference.unknown-point',
      message: 'There is no journey point "p_sned" in journey j.journey.json. Did you mean "p_send"?',
      kind: 'point',
      name: 'p_sned',
      suggestion: 'p_send',
    });
  });

  it('far from every known name: the finding lists up to six known names, and says when there are more', () => {
    const six = new Set(['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot']);
    const few = unknownName('list', 'zzzzzzzzzz', six, ['x'], 'the timeline', 'warning')!;
    assert.equal(few.message, 'There is no list "zzzzzzzzzz" in the timeline. Known: "alpha", "bravo", "charlie", "delta", "echo", "foxtrot".');
    assert.equal(few.severity, 'warning');
    assert.equal('suggestion' in few, false, 'no suggestion key at all');
    const seven = unknownName('list', 'zzzzzzzzzz', new Set([...six, 'golf']), ['x'], 'the timeline')!;
    assert.equal(seven.message, 'There is no list "zzzzzzzzzz" in the timeline. Known: "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", ....');
  });

  it('when the journey has no name of the kind, the finding says so', () => {
    const finding = unknownName('campaign', 'spring', new Set(), ['c'], 'journey j.journey.json')!;
    assert.equal(finding.message, 'There is no campaign "spring" in journey j.journey.json. It has no campaigns.');
    assert.equal(finding.code, 'reference.unknown-campaign');
  });

  it('a starting point\'s code is reference.unknown-starting-point; every kind has its words', () => {
    assert.equal(unknownName('startingPoint', 'sp_x', new Set(['sp_a']), [], 'journey j')!.code, 'reference.unknown-starting-point');
    assert.equal(unknownName('startingPoint', 'sp_x', new Set(['sp_a']), [], 'journey j')!.message.startsWith('There is no starting point "sp_x"'), true);
    assert.equal(KIND_WORDS.content, 'content item');
  });

  it('with onlyIfClose, a name far from every known one is no finding (it may be the contact\'s own data), a close one is', () => {
    assert.equal(unknownName('tag', 'gardening', new Set(['VIP']), ['t'], 'journey j', 'warning', true), undefined);
    assert.equal(unknownName('tag', 'VIPP', new Set(['VIP']), ['t'], 'journey j', 'warning', true)?.suggestion, 'VIP');
  });

  it('a finding becomes a diagnostic of rule "reference" at the exact value, or at the key when it is about a key', () => {
    const text = '{"contacts": {"c1": {"lists": {"newz": true}}}, "point": "p_sned"}';
    const doc = parseJsonDocument(text);
    const onValue = locateFinding(doc, unknownName('point', 'p_sned', new Set(['p_send']), ['point'], 'journey j')!);
    assert.deepEqual(onValue, {
      code: 'reference.unknown-point',
      rule: 'reference',
      severity: 'error',
      message: 'There is no journey point "p_sned" in journey j. Did you mean "p_send"?',
      offset: text.indexOf('"p_sned"'),
      length: '"p_sned"'.length,
      path: ['point'],
      data: { kind: 'point', name: 'p_sned', suggestion: 'p_send' },
    });
    const finding = { ...unknownName('list', 'newz', new Set(['news']), ['contacts', 'c1', 'lists', 'newz'], 'journey j', 'warning')!, onKey: true };
    const onKey = locateFinding(doc, finding);
    assert.equal(text.slice(onKey.offset, onKey.offset + onKey.length), '"newz"');
    assert.equal(onKey.offset, text.indexOf('"newz"'));
    const far = locateFinding(doc, unknownName('list', 'zzzzzzzz', new Set(['news']), ['point'], 'journey j')!);
    assert.deepEqual(far.data, { kind: 'list', name: 'zzzzzzzz' });
  });
});
