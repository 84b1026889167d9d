// R22: a published version is frozen: its logic must still hash to the hash
// recorded when it was published (journeyHash.ts), and a journey marked
// published carries its publication record.
import assert from 'node:assert/strict';
import { canonicalJson, fnv1a64Hex, journeyLogicHash } from '../../../src/core/journeyHash';
import { baseJourney, check, expectNone, expectOne, type JourneyObject } from './helpers';

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

  it('R22: an edit of the published logic is an error on the "publication" key, offering a new version', () => {
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
