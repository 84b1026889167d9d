// R22: more on frozen published versions: how each kind of edit is told
// (removed items, reordered items), the next free version number, where the
// publication-removed error sits, and stored sources that cannot be read.
import assert from 'node:assert/strict';
import { journeyLogicHash } from '../../../src/core/journeyHash';
import type { PublishedVersion } from '../../../src/core/validate';
import { baseJourney, check, expectNone, expectOne, type JourneyObject, spanned } from './helpers';

const POINTS = [
  { id: 'p1', type: 'wait', duration: 'P1D', next: 'p2' },
  { id: 'p2', type: 'end' },
];
const JOURNEY = baseJourney({ status: 'published', version: 2, points: POINTS });
const published = (journey: JourneyObject, version = 2): JourneyObject => ({ ...journey, publication: { version, publishedAt: '2026-02-01T09:00:00Z', hash: journeyLogicHash(journey) } });
const PUBLISHED = published(JOURNEY);

/** Publishing kept `text` as version(s) `versions` of journey "j". */
const kept = (text: string, versions: number[] = [2], location?: string) => ({
  publishedVersion: (id: string, version: number): PublishedVersion | undefined => (id === 'j' && versions.includes(version) ? { versions, text, ...(location ? { location } : {}) } : undefined),
});
const r22 = (c: ReturnType<typeof check>) => c.diagnostics.filter((d) => d.rule === 'R22');

describe('R22 how edits of a frozen version are told', () => {
  it('R22: removed list items are counted ("1 item", "2 items"), a removed property is named', () => {
    const withTags = published({ ...JOURNEY, tags: ['a', 'b', 'c'] });
    const stored = JSON.stringify(withTags);
    const one = check({ ...withTags, tags: ['a', 'b'] }, kept(stored));
    const d1 = expectOne(one, { code: 'R22.published-version-edited', rule: 'R22', severity: 'error', spanned: '"tags"' });
    assert.equal(d1.message, 'Version 2 was published and is frozen (R22): 1 item was removed from here after it was published. Undo the edit, or use "Edit as new version" to continue the edits as version 3.');
    const two = check({ ...withTags, tags: ['a'] }, kept(stored));
    assert.match(expectOne(two, { code: 'R22.published-version-edited', rule: 'R22', severity: 'error', spanned: '"tags"' }).message, /: 2 items was removed from here after/);
    const prop = check({ ...withTags, tags: undefined }, kept(stored));
    assert.match(r22(prop)[0]!.message, /: "tags" was removed from here after it was published\./);
  });

  it('R22: removed ids are quoted, also ones that contain a count; twelve removed items are counted', () => {
    for (const id of ['x 1 item', '2 items old']) {
      const journey = published({ ...JOURNEY, startingPoints: [{ id: 'start', trigger: { type: 'tagAdded', tag: 'VIP' }, next: 'p1' }, { id, trigger: { type: 'api' }, next: 'p1' }] });
      const c = check({ ...journey, startingPoints: [(journey['startingPoints'] as JourneyObject[])[0]] }, kept(JSON.stringify(journey)));
      const d = r22(c).find((x) => x.code === 'R22.published-version-edited')!;
      assert.ok(d.message.includes(`: "${id}" was removed from here`), d.message);
    }
    const tags = Array.from({ length: 13 }, (_, i) => `t${i}`);
    const withTags = published({ ...JOURNEY, tags });
    const c = check({ ...withTags, tags: ['t0'] }, kept(JSON.stringify(withTags)));
    assert.match(r22(c)[0]!.message, /: 12 items was removed from here/);
  });

  it('R22: items put in another order are told as such, at the list', () => {
    const c = check({ ...PUBLISHED, points: [POINTS[1], POINTS[0]] }, kept(JSON.stringify(PUBLISHED)));
    const d = expectOne(c, { code: 'R22.published-version-edited', rule: 'R22', severity: 'error', spanned: '"points"' });
    assert.match(d.message, /: the order of these items changed after it was published\./);
    assert.equal(d.data?.['change'], 'reordered');
  });

  it('R22: exactly as many edits as are shown one by one need no closing diagnostic', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ id: `x${i}`, type: 'end' }));
    const c = check({ ...PUBLISHED, points: [...POINTS, ...many] }, kept(JSON.stringify(PUBLISHED)));
    assert.equal(r22(c).length, 20);
    assert.ok(r22(c).every((d) => d.path[0] === 'points'));
  });

  it('R22: the next version follows the higher of the journey version and the published one', () => {
    const edited = { ...PUBLISHED, version: 5, points: [{ ...POINTS[0], duration: 'P2D' }, POINTS[1]] };
    const d = expectOne(check(edited), { code: 'R22.published-version-edited', rule: 'R22', severity: 'error', spanned: '"publication"' });
    assert.match(d.message, /continue them as version 6\.$/);
    const low = expectOne(check({ ...edited, version: 1 }), { code: 'R22.published-version-edited', rule: 'R22', severity: 'error', spanned: '"publication"' });
    assert.match(low.message, /continue them as version 3\.$/);
    const { version: _v, ...noVersion } = edited;
    const none = expectOne(check(noVersion), { code: 'R22.published-version-edited', rule: 'R22', severity: 'error', spanned: '"publication"' });
    assert.match(none.message, /continue them as version 3\.$/);
  });

  it('R22: a publication of another version says both numbers; a journey without a version has no mismatch', () => {
    const d = expectOne(check({ ...PUBLISHED, version: 3 }), { code: 'R22.publication-version-mismatch', rule: 'R22', severity: 'warning', spanned: '2' });
    assert.deepEqual(d.data, { version: 3, publishedVersion: 2 });
    assert.match(d.message, /^The publication records version 2 but the journey is version 3: /);
    const { version: _v, ...noVersion } = PUBLISHED;
    expectNone(check(noVersion), 'R22.publication-version-mismatch');
  });

  it('R22: a stored source that is not JSON is not trusted: the edit is reported on "publication"', () => {
    const c = check({ ...PUBLISHED, points: [{ ...POINTS[0], duration: 'P3D' }, POINTS[1]] }, kept('{ not json'));
    expectOne(c, { code: 'R22.published-version-edited', rule: 'R22', severity: 'error', spanned: '"publication"' });
    assert.equal(r22(c).length, 1);
  });
});

describe('R22 a publication record removed by hand', () => {
  const { publication: _removed, ...UNPUBLISHED } = PUBLISHED;
  const stored = JSON.stringify(PUBLISHED);

  it('R22: the message names where the source is kept, as given, else the usual place', () => {
    const at = expectOne(check({ ...UNPUBLISHED, status: 'draft' }, kept(stored, [2], 'archive/j-2.json')), { code: 'R22.publication-removed', rule: 'R22', severity: 'error', spanned: '2' });
    assert.match(at.message, /its source is kept in archive\/j-2\.json\)/);
    const usual = expectOne(check({ ...UNPUBLISHED, status: 'draft' }, kept(stored)), { code: 'R22.publication-removed', rule: 'R22', severity: 'error', spanned: '2' });
    assert.match(usual.message, /its source is kept in published\/j\/j\.v2\.journey\.json\)/);
    assert.match(usual.message, /continue as a new version \(set "version" to 3\), or restore the file from the published version\.$/);
  });

  it('R22: without a version the journey is version 1, and the error sits on its id', () => {
    const { version: _v, ...noVersion } = UNPUBLISHED;
    const c = check({ ...noVersion, status: 'draft' }, kept(stored, [1]));
    const d = expectOne(c, { code: 'R22.publication-removed', rule: 'R22', severity: 'error', spanned: '"j"' });
    assert.deepEqual(d.path, ['id']);
    assert.match(d.message, /^Version 1 of "j" was published/);
    assert.deepEqual(d.data, { fix: 'setVersion', version: 2 });
  });

  it('R22: its edits carry the fix to set the next version', () => {
    const c = check({ ...UNPUBLISHED, status: 'draft', points: [{ ...POINTS[0], duration: 'PT5M' }, POINTS[1]] }, kept(stored, [1, 2, 4]));
    const edit = expectOne(c, { code: 'R22.published-version-edited', rule: 'R22', severity: 'error', spanned: '"PT5M"' });
    assert.deepEqual(edit.data, { fix: 'setVersion', version: 5, change: 'changed' });
  });

  it('R22: more edits than shown end with one diagnostic on the version', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ id: `x${i}`, type: 'end' }));
    const c = check({ ...UNPUBLISHED, status: 'draft', points: [...POINTS, ...many] }, kept(stored));
    const edits = c.diagnostics.filter((d) => d.code === 'R22.published-version-edited');
    assert.equal(edits.length, 21);
    const last = edits[20]!;
    assert.equal(spanned(c.text, last), '"version"');
    assert.equal(last.severity, 'error');
    assert.match(last.message, /^Version 2 was published and is frozen \(R22\): it has more edits than the 20 shown\. Undo them, or use "Edit as new version" to continue them as version 3\.$/);
  });

  it('R22: a stored source that is not JSON still says the version was published, and locates nothing else', () => {
    const c = check({ ...UNPUBLISHED, status: 'draft', points: [{ ...POINTS[0], duration: 'PT5M' }, POINTS[1]] }, kept('{ not json'));
    expectOne(c, { code: 'R22.publication-removed', rule: 'R22', severity: 'error', spanned: '2' });
    assert.equal(r22(c).length, 1);
  });
});
