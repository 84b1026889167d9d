// The README's file format reference is the one generated from the schema:
// it names every point type and trigger type, and is up to date.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withReference } from '../../src/cli/referenceCommand';
import { journeyFormatReference } from '../../src/core/formatReference';
import { POINT_TYPES, TRIGGER_TYPES } from '../../src/core/schema';

describe('file format reference', () => {
  // Generated inside each spec (not when the file loads), so that mutation testing can credit these specs with it.
  it('documents every point type and trigger type', () => {
    const reference = journeyFormatReference();
    for (const type of [...POINT_TYPES, ...TRIGGER_TYPES]) assert.ok(reference.includes(`\`${type}\``), `missing ${type}`);
  });

  it('is what the README shows (run `npm run docs` after a schema change)', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    assert.equal(withReference(readme, journeyFormatReference()), readme);
  });
});
