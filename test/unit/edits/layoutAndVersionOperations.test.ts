// Specification of pinned map positions (kept in `layout` by node id) and of
// R22's "edit as new version" of a published journey.
import assert from 'node:assert/strict';
import type { JourneyOperation } from '../../../src/core/edits/journeyOperation';
import { edited, refusal, replaced, WELCOME } from './fixtures';

const PUBLISHED = WELCOME.replace(
  '"kind": "trigger",',
  '"kind": "trigger",\n  "status": "published",\n  "version": 3,\n  "publication": { "version": 3, "publishedAt": "2026-02-01T09:00:00Z", "hash": "fnv1a64:0123456789abcdef" },',
);

describe('edits: pinned positions', () => {
  it('pins a position in a new layout object at the end of the journey, rounded to whole pixels', () => {
    assert.equal(
      edited(WELCOME, { op: 'pinPositions', positions: [{ id: 'p_email', x: 10.4, y: 20.6 }] }),
      replaced(WELCOME, [`    }\n  ]\n}\n`, `    }\n  ],\n  "layout": {\n    "p_email": {\n      "x": 10,\n      "y": 21\n    }\n  }\n}\n`]),
    );
  });

  it('moves a pinned position and pins more without touching the others', () => {
    const one = edited(WELCOME, { op: 'pinPositions', positions: [{ id: 'p_email', x: 10, y: 20 }] });
    const moved = edited(one, { op: 'pinPositions', positions: [{ id: 'p_email', x: 15, y: 20 }, { id: 'sp_vip', x: 0, y: 0 }] });
    assert.equal(moved, replaced(one, [`      "x": 10,`, `      "x": 15,`], [`      "y": 20\n    }\n  }`, `      "y": 20\n    },\n    "sp_vip": {\n      "x": 0,\n      "y": 0\n    }\n  }`]));
  });

  it('unpins one position, and resets the layout by removing the object', () => {
    const two = edited(WELCOME, { op: 'pinPositions', positions: [{ id: 'p_email', x: 10, y: 20 }, { id: 'p_end', x: 5, y: 5 }] });
    assert.equal(edited(two, { op: 'unpinPositions', ids: ['p_end'] }), edited(WELCOME, { op: 'pinPositions', positions: [{ id: 'p_email', x: 10, y: 20 }] }));
    assert.equal(edited(two, { op: 'unpinPositions' }), WELCOME);
    assert.match(refusal(WELCOME, { op: 'unpinPositions' }), /No point is pinned/);
  });

  it('pins only nodes that exist', () => {
    assert.match(refusal(WELCOME, { op: 'pinPositions', positions: [{ id: 'ghost', x: 0, y: 0 }] }), /no point "ghost"/);
  });
});

describe('edits: published journeys (R22)', () => {
  it('R22: refuses every edit of a published version', () => {
    const ops: JourneyOperation[] = [
      { op: 'insertPoint', from: 'p_email', slot: 'next', pointType: 'wait' },
      { op: 'setFields', target: { kind: 'journey' }, changes: [{ path: ['name'], value: 'x' }] },
      { op: 'pinPositions', positions: [{ id: 'p_email', x: 0, y: 0 }] },
    ];
    for (const op of ops) {
      assert.match(refusal(PUBLISHED, op), /published and frozen \(R22\)/);
    }
  });

  it('R22: "edit as new version" bumps the version, sets status draft and removes the publication in one edit', () => {
    assert.equal(
      edited(PUBLISHED, { op: 'editAsNewVersion' }),
      replaced(PUBLISHED, [
        `  "status": "published",\n  "version": 3,\n  "publication": { "version": 3, "publishedAt": "2026-02-01T09:00:00Z", "hash": "fnv1a64:0123456789abcdef" },\n`,
        `  "status": "draft",\n  "version": 4,\n`,
      ]),
    );
  });

  it('R22: adds the version and status when the published file had none', () => {
    const bare = WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "publication": { "version": 1, "publishedAt": "2026-02-01T09:00:00Z", "hash": "fnv1a64:0123456789abcdef" },');
    assert.equal(edited(bare, { op: 'editAsNewVersion' }), replaced(WELCOME, [`"kind": "trigger",\n`, `"kind": "trigger",\n  "status": "draft",\n  "version": 2,\n`]));
  });

  it('R22: a draft has nothing to unfreeze', () => {
    assert.match(refusal(WELCOME, { op: 'editAsNewVersion' }), /not published/);
  });
});
