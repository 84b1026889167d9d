// Specification (issue #14): a journey's problems are reported at once, not
// in waves. With a schema problem present (a wait of "3 days"), the rules
// still check what that problem leaves well-formed: the R1 starting-point
// limit shows beside it. Findings about the stand-in of the broken part
// are never reported; a document whose broken part cannot be stood in for
// (an unknown point type) gets its schema problems only, as before.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateJourneyText } from '../../src/core/validate';

const VIP = readFileSync(join(__dirname, '../../samples/mailchimp-vip-welcome.journey.json'), 'utf8');
const withThreeDays = (text: string) => text.replace('"duration": "P3D"', '"duration": "3 days"');
const FOURTH_START = `{ "id": "sp_api", "trigger": { "type": "api" }, "next": "p_send_welcome" },\n    {\n      "id": "sp_tag_vip",`;
const withFourthStart = (text: string) => text.replace(`{\n      "id": "sp_tag_vip",`, `${FOURTH_START}`);
const codes = (text: string) => validateJourneyText(text).diagnostics.map((d) => d.code);

describe('validation reports every problem the document allows at once (issue #14)', () => {
  it('R1: the starting-point limit error shows beside a schema error ("duration": "3 days")', () => {
    const text = withThreeDays(withFourthStart(VIP));
    const found = codes(text);
    assert.ok(found.some((c) => c.startsWith('schema.')), `the schema error: ${found.join(', ')}`);
    assert.ok(found.includes('R1.too-many-starting-points'), `the R1 error too: ${found.join(', ')}`);
    const r1 = validateJourneyText(text).diagnostics.find((d) => d.code === 'R1.too-many-starting-points')!;
    assert.equal(text.slice(r1.offset, r1.offset + r1.length).includes('sp_'), true, 'located at a starting point of the document');
  });

  it('reports nothing about the stand-in of the broken part: "3 days" alone is the one problem of the seed journey', () => {
    const diagnostics = validateJourneyText(withThreeDays(VIP)).diagnostics;
    assert.deepEqual(diagnostics.map((d) => d.path.join('.')), ['points.2.duration']);
  });

  it('R4: a rule finding elsewhere still shows beside the schema error (an edge to a missing point)', () => {
    const text = withThreeDays(VIP).replace('"next": "p_end_engaged"', '"next": "p_nowhere"');
    const found = validateJourneyText(text).diagnostics;
    assert.ok(found.some((d) => d.rule === 'R4' && d.path.join('.') === 'points.7.next'), found.map((d) => `${d.code} ${d.path.join('.')}`).join('; '));
  });

  it('keeps to the schema\'s problems when the broken part cannot be stood in for (an unknown point type)', () => {
    const text = withFourthStart(VIP).replace('"type": "wait"', '"type": "pause"');
    const found = codes(text);
    assert.ok(found.every((c) => c.startsWith('schema.')), found.join(', '));
  });

  it('a valid journey is checked as before: the same findings, and the typed journey is there', () => {
    const result = validateJourneyText(withFourthStart(VIP));
    assert.ok(result.journey);
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['R1.too-many-starting-points']);
    assert.equal(validateJourneyText(withThreeDays(VIP)).journey, undefined, 'a journey with a schema problem is never handed on as valid');
  });
});
