// Specification of the map's structural edits of journey points: each
// produces exactly the stated text, in the document's own formatting, and
// nothing else changes.
import assert from 'node:assert/strict';
import { journeyEditFor } from '../../../src/core/edits/journeyEdit';
import { POINT_TYPES } from '../../../src/core/schema';
import { validateJourneyText } from '../../../src/core/validate';
import { edited, NOW, refusal, replaced, WELCOME } from './fixtures';

describe('edits: journey points (R4)', () => {
  describe('insertPoint ("+" on an edge)', () => {
    it('puts a new wait between a point and its successor, right after the point in the file', () => {
      assert.equal(
        edited(WELCOME, { op: 'insertPoint', from: 'p_email', slot: 'next', pointType: 'wait' }),
        replaced(WELCOME, [
          `      "next": "p_check"\n    },`,
          `      "next": "p_wait"\n    },\n    {\n      "id": "p_wait",\n      "type": "wait",\n      "duration": "P1D",\n      "next": "p_check"\n    },`,
        ]),
      );
    });

    it('inserts on one branch of an if/else and leaves the other branch alone', () => {
      assert.equal(
        edited(WELCOME, { op: 'insertPoint', from: 'p_check', slot: 'no', pointType: 'sendEmail' }),
        replaced(
          WELCOME,
          [`{ "yes": "p_end", "no": "p_end" }`, `{ "yes": "p_end", "no": "p_send_email" }`],
          [
            `      "branches": { "yes": "p_end", "no": "p_send_email" }\n    },`,
            `      "branches": { "yes": "p_end", "no": "p_send_email" }\n    },\n    {\n      "id": "p_send_email",\n      "type": "sendEmail",\n      "content": "hello",\n      "next": "p_end"\n    },`,
          ],
        ),
      );
    });

    it('inserts after a starting point before its first point, with every branch of a split leading on (R13)', () => {
      const text = edited(WELCOME, { op: 'insertPoint', from: 'sp_vip', slot: 'next', pointType: 'split' });
      assert.equal(
        text,
        replaced(
          WELCOME,
          [`      "next": "p_email"\n    }\n  ],`, `      "next": "p_split"\n    }\n  ],`],
          [
            `  "points": [\n`,
            `  "points": [\n    {\n      "id": "p_split",\n      "type": "split",\n      "branches": [\n        {\n          "percent": 50,\n          "next": "p_email"\n        },\n        {\n          "percent": 50,\n          "next": "p_email"\n        }\n      ]\n    },\n`,
          ],
        ),
      );
    });

    it('offers every point type of the palette, each inserted point fitting the schema with its edges resolved', () => {
      for (const pointType of POINT_TYPES) {
        const text = edited(WELCOME, { op: 'insertPoint', from: 'p_email', slot: 'next', pointType });
        const result = validateJourneyText(text);
        assert.ok(result.journey, `${pointType}: ${JSON.stringify(result.diagnostics.map((d) => d.message))}`);
        const inserted = result.journey.points.find((p) => p.type === pointType && !['p_email', 'p_check', 'p_end'].includes(p.id));
        assert.ok(inserted, `a new ${pointType} point is in the journey`);
        const email = result.journey.points.find((p) => p.id === 'p_email');
        assert.ok(email?.type === 'sendEmail');
        assert.equal(email.next, inserted.id, `${pointType}: the edge now leads to the new point`);
        const unresolved = result.diagnostics.filter((d) => d.code === 'R4.dangling-reference');
        assert.deepEqual(unresolved, [], `${pointType}: its successors resolve`);
      }
    });

    it('gives the new point an id no node has yet', () => {
      const once = edited(WELCOME, { op: 'insertPoint', from: 'p_email', slot: 'next', pointType: 'wait' });
      const twice = edited(once, { op: 'insertPoint', from: 'p_wait', slot: 'next', pointType: 'wait' });
      assert.match(twice, /"id": "p_wait_2"/);
      assert.match(twice, /"next": "p_wait_2"/);
    });

    it('refuses an edge that does not exist', () => {
      assert.match(refusal(WELCOME, { op: 'insertPoint', from: 'p_email', slot: 'yes', pointType: 'wait' }), /"p_email" has no "yes" branch/);
      assert.match(refusal(WELCOME, { op: 'insertPoint', from: 'p_nowhere', slot: 'next', pointType: 'wait' }), /no point "p_nowhere"/);
    });
  });

  describe('deletePoint', () => {
    it('reconnects the edges that led to a point to its only successor', () => {
      assert.equal(
        edited(WELCOME, { op: 'deletePoint', id: 'p_email' }),
        replaced(
          WELCOME,
          [`      "next": "p_email"\n    }\n  ],`, `      "next": "p_check"\n    }\n  ],`],
          [`    {\n      "id": "p_email",\n      "type": "sendEmail",\n      "content": "hello",\n      "next": "p_check"\n    },\n`, ''],
        ),
      );
    });

    it('asks where the edges go when the point ends its path, and reconnects them to the chosen point', () => {
      assert.match(refusal(WELCOME, { op: 'deletePoint', id: 'p_end' }), /"p_end" ends its path: choose the point the 2 edges leading to it should go to/);
      assert.equal(
        edited(WELCOME, { op: 'deletePoint', id: 'p_end', reconnectTo: 'p_email' }),
        replaced(
          WELCOME,
          [`{ "yes": "p_end", "no": "p_end" }\n    },\n    {\n      "id": "p_end",\n      "type": "end"\n    }\n`, `{ "yes": "p_email", "no": "p_email" }\n    }\n`],
        ),
      );
    });

    it('asks which branch to follow when the point has several successors', () => {
      const branching = edited(WELCOME, { op: 'insertPoint', from: 'p_check', slot: 'no', pointType: 'sendEmail' });
      assert.match(refusal(branching, { op: 'deletePoint', id: 'p_check' }), /has 2 different successors: choose/);
      const text = edited(branching, { op: 'deletePoint', id: 'p_check', reconnectTo: 'p_send_email' });
      assert.doesNotMatch(text, /p_check/);
      assert.match(text, /"content": "hello",\n {6}"next": "p_send_email"/);
    });

    it('removes the point\'s pinned position with it', () => {
      const pinned = edited(WELCOME, { op: 'pinPositions', positions: [{ id: 'p_email', x: 10, y: 20 }] });
      assert.equal(edited(pinned, { op: 'deletePoint', id: 'p_email' }), edited(WELCOME, { op: 'deletePoint', id: 'p_email' }));
    });
  });

  describe('connect', () => {
    it('points one successor reference at another point', () => {
      assert.equal(
        edited(WELCOME, { op: 'connect', from: 'p_check', slot: 'yes', to: 'p_email' }),
        replaced(WELCOME, [`{ "yes": "p_end", "no": "p_end" }`, `{ "yes": "p_email", "no": "p_end" }`]),
      );
    });

    it('reconnects a starting point to another first point', () => {
      assert.equal(
        edited(WELCOME, { op: 'connect', from: 'sp_vip', slot: 'next', to: 'p_check' }),
        replaced(WELCOME, [`      "next": "p_email"\n    }\n  ],`, `      "next": "p_check"\n    }\n  ],`]),
      );
    });

    it('refuses a target that is not a journey point, and a point leading to itself', () => {
      assert.match(refusal(WELCOME, { op: 'connect', from: 'p_check', slot: 'yes', to: 'sp_vip' }), /no journey point "sp_vip"/);
      assert.match(refusal(WELCOME, { op: 'connect', from: 'p_email', slot: 'next', to: 'p_email' }), /cannot lead to itself/);
    });
  });

  describe('changePointType', () => {
    it('turns an end into an action that leads to a new end', () => {
      assert.equal(
        edited(WELCOME, { op: 'changePointType', id: 'p_end', pointType: 'addTag' }),
        replaced(WELCOME, [
          `      "id": "p_end",\n      "type": "end"\n    }`,
          `      "id": "p_end",\n      "type": "addTag",\n      "tag": "VIP",\n      "next": "p_end_2"\n    },\n    {\n      "id": "p_end_2",\n      "type": "end"\n    }`,
        ]),
      );
    });

    it('keeps the id, the title and the first successor', () => {
      const titled = edited(WELCOME, { op: 'setFields', target: { kind: 'point', id: 'p_email' }, changes: [{ path: ['title'], value: 'Say hello' }] });
      const text = edited(titled, { op: 'changePointType', id: 'p_email', pointType: 'wait' });
      assert.match(text, /"id": "p_email",\n {6}"type": "wait",\n {6}"title": "Say hello",\n {6}"duration": "P1D",\n {6}"next": "p_check"/);
    });
  });

  it('never edits text that is not JSON', () => {
    const broken = WELCOME.replace('"kind": "trigger",', '"kind": "trigger"');
    const outcome = journeyEditFor(broken, { op: 'insertPoint', from: 'p_email', slot: 'next', pointType: 'wait' }, { now: NOW });
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.error, /not valid JSON/);
  });
});
