// R22: a published version is frozen: its logic must still hash to the hash
// recorded when it was published (journeyHash.ts), and a journey marked
// published carries its publication record.
import assert from 'node:assert/strict';
import { canonicalJson, fnv1a64Hex, journeyLogicHash } from '../../../src/core/journeyHash';
import type { PublishedVersion } from '../../../src/core/validate';
import { baseJourney, check, expectNone, expectOne, type JourneyObject, spanned } from './helpers';

const JOURNEY = baseJourney({
  status: 'published',
  version: 2,
  points: [
    { id: 'p1', type: 'wait', title: 'Wait a day', duration: 'P1D', next: 'p2' },
    { id: 'p2', type: 'end' },
  ],
});

const published = (journey: JourneyObject, hash = journeyLogicHash(journey)): JourneyObject => ({
  ...journey,
  publication: { version: 2, publishedAt: '2026-02-01T09:00:00Z', hash },
});

describe('R22 logic hash', () => {
  it('R22: is 64-bit FNV-1a over the UTF-8 of a canonical JSON', () => {
    assert.equal(fnv1a64Hex(''), 'cbf29ce484222325');
    assert.equal(fnv1a64Hex('a'), 'af63dc4c8601ec8c');
    assert.equal(fnv1a64Hex('foobar'), '85944171f73967e8');
    assert.equal(canonicalJson({ b: [1, { d: 'x', c: null }], a: 'ü', u: undefined }), '{"a":"ü","b":[1,{"c":null,"d":"x"}]}');
    assert.match(journeyLogicHash(JOURNEY), /^fnv1a64:[0-9a-f]{16}$/);
  });

  it('R22: ignores key order, layout, status, version, publication, description, point titles and starting point names', () => {
    const hash = journeyLogicHash(JOURNEY);
    const reordered = Object.fromEntries(Object.entries(JOURNEY).reverse());
    assert.equal(journeyLogicHash(reordered), hash);
    const decorated = {
      ...JOURNEY,
      $schema: '../dist/journey.schema.json',
      layout: { p1: { x: 1, y: 2 } },
      status: 'draft',
      version: 7,
      description: 'changed',
      startingPoints: [{ id: 'start', name: 'Renamed', trigger: { type: 'tagAdded', tag: 'VIP' }, next: 'p1' }],
      points: [{ id: 'p1', type: 'wait', title: 'Retitled', duration: 'P1D', next: 'p2' }, { id: 'p2', type: 'end' }],
    };
    assert.equal(journeyLogicHash(published(decorated, 'fnv1a64:0000000000000000')), hash);
  });

  it('R22: changes with the logic', () => {
    const hash = journeyLogicHash(JOURNEY);
    assert.notEqual(journeyLogicHash({ ...JOURNEY, points: [{ id: 'p1', type: 'wait', duration: 'P2D', next: 'p2' }, { id: 'p2', type: 'end' }] }), hash);
    assert.notEqual(journeyLogicHash({ ...JOURNEY, name: 'Other' }), hash);
    assert.notEqual(journeyLogicHash({ ...JOURNEY, settings: { reEntry: { mode: 'never' } } }), hash);
  });
});

describe('R22 frozen published versions', () => {
  it('R22: a published version whose logic is unchanged raises nothing, even with a new layout', () => {
    expectNone(check({ ...published(JOURNEY), layout: { p1: { x: 10, y: 20 } } }));
  });

  it('R22: without the stored published source, an edit of the published logic is an error on the "publication" key, offering a new version', () => {
    const edited = { ...published(JOURNEY), points: [{ id: 'p1', type: 'wait', duration: 'P3D', next: 'p2' }, { id: 'p2', type: 'end' }] };
    const d = expectOne(check(edited), { code: 'R22.published-version-edited', rule: 'R22', severity: 'error', spanned: '"publication"' });
    assert.match(d.message, /^This version was published and is frozen \(R22\): edits need a new version\./);
    assert.equal(d.data?.['fix'], 'createNewVersion');
    assert.equal(d.data?.['version'], 2);
    assert.equal(d.data?.['currentHash'], journeyLogicHash(edited));
  });

  it('R22: status published without a publication record is an error on the status', () => {
    const d = expectOne(check(JOURNEY), { code: 'R22.published-without-publication', rule: 'R22', severity: 'error', spanned: '"published"' });
    assert.deepEqual(d.path, ['status']);
    expectNone(check({ ...JOURNEY, status: 'readyToPublish' }));
  });

  it('R22: a publication of another version than the journey is a warning on its version', () => {
    expectOne(check({ ...published(JOURNEY), version: 3 }), { code: 'R22.publication-version-mismatch', rule: 'R22', severity: 'warning', spanned: '2' });
  });
});

describe('R22 edits located against the stored published source (published/<id>/<id>.v<N>.journey.json)', () => {
  const POINTS = [
    { id: 'p1', type: 'wait', title: 'Wait a day', duration: 'P1D', next: 'p2' },
    { id: 'p2', type: 'end' },
  ];
  const PUBLISHED = published(JOURNEY);
  const storedText = JSON.stringify(PUBLISHED, null, 2);
  /** What publishing kept beside the journey: version 2, as published. */
  const kept = (versions: number[] = [2], text = storedText) => ({
    publishedVersion: (id: string, version: number): PublishedVersion | undefined => (id === 'j' ? { versions, ...(versions.includes(version) ? { text, location: `published/j/j.v${version}.journey.json` } : {}) } : undefined),
  });
  const r22 = (c: ReturnType<typeof check>) => c.diagnostics.filter((d) => d.rule === 'R22');

  it('R22: a changed value is an error at that value, naming what was published, and not at "publication"', () => {
    const c = check({ ...PUBLISHED, points: [{ ...POINTS[0], duration: 'P3D' }, POINTS[1]] }, kept());
    const d = expectOne(c, { code: 'R22.published-version-edited', rule: 'R22', severity: 'error', spanned: '"P3D"' });
    assert.deepEqual(d.path, ['points', 0, 'duration']);
    assert.match(d.message, /^Version 2 was published and is frozen \(R22\): this was "P1D" in the published version\./);
    assert.match(d.message, /as version 3\.$/);
    assert.equal(d.data?.['fix'], 'createNewVersion');
  });

  it('R22: each of several edits is reported at its own place: an added point at its id, a removed starting point at the list, an added property at its key', () => {
    const edited = {
      ...PUBLISHED,
      startingPoints: [],
      points: [{ ...POINTS[0], next: 'p3' }, { id: 'p3', type: 'wait', duration: 'P2D', next: 'p2' }, { ...POINTS[1] }],
      settings: { reEntry: { mode: 'never' } },
    };
    const c = check(edited, { publishedVersion: kept().publishedVersion });
    const places = r22(c).map((d) => `${d.code} ${spanned(c.text, d)}`).sort();
    assert.deepEqual(places, [
      'R22.published-version-edited "p3"', // points[0].next changed
      'R22.published-version-edited "p3"', // the inserted point p3 (at its id)
      'R22.published-version-edited "settings"',
      'R22.published-version-edited "startingPoints"',
    ]);
    const removed = r22(c).find((d) => spanned(c.text, d) === '"startingPoints"')!;
    assert.match(removed.message, /"start" was removed from here/);
    const inserted = r22(c).find((d) => d.path.join('.') === 'points.1')!;
    assert.match(inserted.message, /this was added after it was published/);
  });

  it('R22: a point inserted before others flags that point only (items are matched by id, not by position)', () => {
    const c = check({ ...PUBLISHED, points: [{ id: 'p0', type: 'end' }, ...POINTS] }, kept());
    const edits = r22(c);
    assert.equal(edits.length, 1, JSON.stringify(edits));
    assert.equal(spanned(c.text, edits[0]!), '"p0"');
  });

  it('R22: labels, layout and reordered keys are not edits of the logic, so nothing is reported', () => {
    expectNone(check({ layout: { p1: { x: 3, y: 4 } }, ...PUBLISHED, points: [{ ...POINTS[0], title: 'Another title' }, POINTS[1]] }, kept()));
  });

  it('R22: a stored source that is not the version that was published (another logic hash) is not trusted: the error stays on "publication"', () => {
    const other = JSON.stringify({ ...PUBLISHED, name: 'Something else' });
    const c = check({ ...PUBLISHED, points: [{ ...POINTS[0], duration: 'P3D' }, POINTS[1]] }, kept([2], other));
    expectOne(c, { code: 'R22.published-version-edited', rule: 'R22', severity: 'error', spanned: '"publication"' });
  });

  it('R22: more edits than are shown one by one end with one diagnostic saying so on "publication"', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `x${i}`, type: 'end' }));
    const c = check({ ...PUBLISHED, points: [...POINTS, ...many] }, kept());
    const edits = r22(c);
    assert.equal(edits.length, 21);
    assert.match(spanned(c.text, edits[20]!), /^"publication"$/);
    assert.match(edits[20]!.message, /more edits than the 20 shown/);
  });

  it('R22: a removed publication record (status set back to draft by hand) while version 2 is kept as published is an error on the version, offering the next free version', () => {
    const { publication: _removed, ...unpublished } = PUBLISHED;
    const c = check({ ...unpublished, status: 'draft' }, kept([1, 2]));
    const d = expectOne(c, { code: 'R22.publication-removed', rule: 'R22', severity: 'error', spanned: '2' });
    assert.deepEqual(d.path, ['version']);
    assert.match(d.message, /^Version 2 of "j" was published \(its source is kept in published\/j\/j\.v2\.journey\.json\) and is frozen \(R22\), but this file has no publication record/);
    assert.deepEqual({ fix: d.data?.['fix'], version: d.data?.['version'] }, { fix: 'setVersion', version: 3 });
    assert.equal(r22(c).length, 1, 'the logic is unchanged: no edit to locate');
  });

  it('R22: a removed publication record with an edit reports the edit at its place too', () => {
    const { publication: _removed, ...unpublished } = PUBLISHED;
    const c = check({ ...unpublished, status: 'draft', points: [{ ...POINTS[0], duration: 'PT5M' }, POINTS[1]] }, kept());
    expectOne(c, { code: 'R22.publication-removed', rule: 'R22', severity: 'error', spanned: '2' });
    expectOne(c, { code: 'R22.published-version-edited', rule: 'R22', severity: 'error', spanned: '"PT5M"' });
  });

  it('R22: a draft of a version that was never published (the next version after "Edit as new version") is not frozen', () => {
    const { publication: _removed, ...unpublished } = PUBLISHED;
    expectNone(check({ ...unpublished, status: 'draft', version: 3 }, kept([1, 2])));
    expectNone(check({ ...unpublished, status: 'draft' }, { publishedVersion: () => undefined }));
  });
});
