// Specification of adding and removing starting points within R1: at least
// one, at most the plan's or the file's limit, the reason given on refusal.
import assert from 'node:assert/strict';
import { startingPointLimit } from '../../../src/core/edits/startingPointLimit';
import { edited, refusal, replaced, WELCOME } from './fixtures';

const withSettings = (settings: string) => WELCOME.replace('"kind": "trigger",', `"kind": "trigger",\n  "settings": ${settings},`);

describe('edits: starting points (R1, R2)', () => {
  it('R1: adds a starting point with a default trigger, leading where the first one leads', () => {
    assert.equal(
      edited(WELCOME, { op: 'addStartingPoint', triggerType: 'formSubmitted' }),
      replaced(WELCOME, [
        `      "next": "p_email"\n    }\n  ],`,
        `      "next": "p_email"\n    },\n    {\n      "id": "sp_form_submitted",\n      "trigger": {\n        "type": "formSubmitted",\n        "form": "signup"\n      },\n      "next": "p_email"\n    }\n  ],`,
      ]),
    );
  });

  it('R2: every trigger type can start a new starting point, using the journey\'s declarations', () => {
    const text = edited(WELCOME, { op: 'addStartingPoint', triggerType: 'tagRemoved', next: 'p_check' });
    assert.match(text, /"id": "sp_tag_removed",\n {6}"trigger": \{\n {8}"type": "tagRemoved",\n {8}"tag": "VIP"\n {6}\},\n {6}"next": "p_check"/);
  });

  it('R1: refuses a fourth starting point on the Standard plan and says why', () => {
    let text = withSettings('{ "plan": "standard" }');
    text = edited(text, { op: 'addStartingPoint', triggerType: 'api' });
    text = edited(text, { op: 'addStartingPoint', triggerType: 'api' });
    assert.equal(refusal(text, { op: 'addStartingPoint', triggerType: 'api' }), 'The Standard plan allows up to 3 starting points; this journey has 3. (R1)');
  });

  it('R1: the Free plan allows one starting point', () => {
    assert.equal(refusal(withSettings('{ "plan": "free" }'), { op: 'addStartingPoint', triggerType: 'api' }), 'The Free plan allows 1 starting point; this journey has 1. (R1)');
  });

  it('R1: an explicit limit in the file overrides the plan', () => {
    const text = withSettings('{ "plan": "free", "limits": { "startingPoints": 2 } }');
    const added = edited(text, { op: 'addStartingPoint', triggerType: 'api' });
    assert.match(refusal(added, { op: 'addStartingPoint', triggerType: 'api' }), /^The explicit limit settings\.limits\.startingPoints allows up to 2 starting points; this journey has 2/);
  });

  it('R1: without a declared plan the default plan decides, and the reason says so', () => {
    assert.deepEqual(startingPointLimit(JSON.parse(WELCOME), 'essentials'), { max: 1, reason: 'The Essentials plan (assumed: the journey declares no platform or settings.plan) allows 1 starting point' });
    assert.equal(startingPointLimit(JSON.parse(WELCOME)).max, 3);
  });

  it('R1: a platform without a plan limits nothing, so starting points can be added freely', () => {
    let text = WELCOME.replace('"kind": "trigger",', '"kind": "trigger",\n  "platform": "mailup",');
    assert.equal(startingPointLimit(JSON.parse(text)).max, null);
    for (let i = 0; i < 4; i++) text = edited(text, { op: 'addStartingPoint', triggerType: 'api' });
    assert.equal(JSON.parse(text).startingPoints.length, 5);
  });

  it('R1: reads the limits of a document that does not fit the schema', () => {
    assert.deepEqual(startingPointLimit({ settings: { plan: 'nonsense', limits: { startingPoints: -2 } } }, 'free'), { max: 1, reason: 'The Free plan (assumed: the journey declares no platform or settings.plan) allows 1 starting point' });
    assert.equal(startingPointLimit(undefined).max, 3);
  });

  it('R1: removes a starting point but never the last one', () => {
    const two = edited(WELCOME, { op: 'addStartingPoint', triggerType: 'api' });
    assert.equal(edited(two, { op: 'removeStartingPoint', id: 'sp_api' }), WELCOME);
    assert.equal(refusal(WELCOME, { op: 'removeStartingPoint', id: 'sp_vip' }), '"sp_vip" is the only starting point; a journey needs at least one (R1).');
  });
});
