// Specification of src/core/timeZones.ts (R10): which names are IANA time
// zones, and the real zone a wrong name most likely meant. The answers are
// cached per name; the specs ask names in spellings not asked before in the
// process (Intl reads zone names without regard to case), so what they check
// is the answer itself, not a remembered one.
import assert from 'node:assert/strict';
import { closestTimeZone, isIanaTimeZone, knownTimeZones } from '../../src/core/timeZones';

let asked = 0;
/** `name` in a letter case not used before by these specs (the n-th casing of its letters). */
function freshCasing(name: string): string {
  const n = asked++;
  let bit = 0;
  return [...name].map((c) => (/[a-z]/i.test(c) ? ((n >> bit++) & 1 ? c.toUpperCase() : c.toLowerCase()) : c)).join('');
}
/** A name not asked before: `stem` followed by a new number. */
const freshName = (stem: string) => `${stem}${asked++}`;

describe('R10 IANA time zone names (timeZones.ts)', () => {
  it('R10: the known zones are the canonical names this runtime lists, plus UTC', () => {
    const zones = knownTimeZones();
    assert.ok(zones.has('UTC'));
    for (const zone of Intl.supportedValuesOf('timeZone')) assert.ok(zones.has(zone), zone);
    assert.equal(zones.size, new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]).size);
    assert.equal(knownTimeZones(), zones, 'one set, built once');
  });

  it('R10: a listed zone and UTC are IANA zones', () => {
    for (const name of ['Europe/Berlin', 'America/New_York', 'UTC', 'America/Argentina/Salta']) assert.equal(isIanaTimeZone(name), true, name);
  });

  it('R10: an alias Intl accepts is an IANA zone, asked the first time or again', () => {
    for (const alias of ['US/Eastern', 'Asia/Katmandu', 'Etc/GMT+7', 'Europe/Kiev']) {
      const name = freshCasing(alias);
      assert.equal(isIanaTimeZone(name), true, `${name} asked first`);
      assert.equal(isIanaTimeZone(name), true, `${name} asked again`);
    }
  });

  it('R10: a name that is no zone is not one, asked the first time or again', () => {
    for (const name of [freshName('Mars/Olympus_Mons_'), freshName('Europe/Berln'), freshName('Nowhere')]) {
      assert.equal(isIanaTimeZone(name), false, `${name} asked first`);
      assert.equal(isIanaTimeZone(name), false, `${name} asked again`);
    }
  });

  it('R10: an offset is not an IANA zone (it has no daylight saving rules), nor is text that does not begin with a letter', () => {
    for (const name of ['+01:00', '-05:00', 'Z', freshName('+0'), freshName('1Europe/Berlin'), freshName('/Europe/Berlin'), freshName(' ')]) {
      assert.equal(isIanaTimeZone(name), false, name);
      assert.equal(isIanaTimeZone(name), false, `${name} asked again`);
    }
  });

  it('R10: a close misspelling suggests the zone it misspells', () => {
    assert.equal(closestTimeZone('Europe/Berln'), 'Europe/Berlin');
    assert.equal(closestTimeZone('Europe/Pari'), 'Europe/Paris');
    assert.equal(closestTimeZone('UTX'), 'UTC');
  });

  it('R10: a zone in the wrong letter case suggests its right spelling', () => {
    assert.equal(closestTimeZone('EUROPE/BERLIN'), 'Europe/Berlin');
    assert.equal(closestTimeZone('utc'), 'UTC');
  });

  it('R10: a city without its region suggests its zone, whatever its case, spaces or surrounding blanks', () => {
    assert.equal(closestTimeZone('Berlin'), 'Europe/Berlin');
    assert.equal(closestTimeZone('new york'), 'America/New_York');
    assert.equal(closestTimeZone('New  York'), 'America/New_York');
    assert.equal(closestTimeZone('  Berlin '), 'Europe/Berlin');
    assert.equal(closestTimeZone('los angeles'), 'America/Los_Angeles');
  });

  it('R10: a zone named without its region (the first part of a three-part name) suggests its zone', () => {
    assert.equal(closestTimeZone('Indiana/Knox'), 'America/Indiana/Knox');
    assert.equal(closestTimeZone('argentina/salta'), 'America/Argentina/Salta');
  });

  it('R10: a city is the whole last part of a zone name: a piece of one suggests nothing', () => {
    assert.equal(closestTimeZone('ork'), undefined);
    assert.equal(closestTimeZone('eles'), undefined);
  });

  it('R10: nothing close gives no suggestion', () => {
    assert.equal(closestTimeZone('Mars/Olympus_Mons'), undefined);
    assert.equal(closestTimeZone(''), undefined);
    assert.equal(closestTimeZone('   '), undefined);
  });
});
