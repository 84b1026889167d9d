// Specification of companionKindOf (src/core/companionNames.ts): a file is a
// timeline or a scenario by the end of its name, in any letter case; a name
// that only contains the suffix is neither.
import assert from 'node:assert/strict';
import { companionKindOf } from '../../src/core/companionNames';

describe('companion files by name (companionKindOf)', () => {
  it('a name ending in .timeline.json is a timeline, in .scenario.json a scenario, as a path or a URI, in any case', () => {
    assert.equal(companionKindOf('samples/launch.timeline.json'), 'timeline');
    assert.equal(companionKindOf('file:///w/LAUNCH.TIMELINE.JSON'), 'timeline');
    assert.equal(companionKindOf('samples/launch.scenario.json'), 'scenario');
    assert.equal(companionKindOf('file:///w/Launch.Scenario.Json'), 'scenario');
  });

  it('a name that only contains the suffix, or another file, is neither', () => {
    for (const file of ['a.timeline.json.bak', 'a.timeline.jsonc', 'a.scenario.json~', 'old.scenario.json/notes.txt', 'a.journey.json', 'timeline.json.md']) {
      assert.equal(companionKindOf(file), undefined, file);
    }
  });
});
