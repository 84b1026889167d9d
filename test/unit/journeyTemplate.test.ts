// Specification of "New journey" templates: every seed sample becomes a new,
// valid draft journey with the chosen id and name, formatting kept.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyJourneyText, instantiateTemplate, JOURNEY_TEMPLATES, journeyFileName, journeyIdFromFileName, transliterate, withJourneyExtension } from '../../src/core/journeyTemplate';
import { validateJourneyText } from '../../src/core/validate';

const SAMPLES = join(__dirname, '../../samples');

describe('journey templates', () => {
  it('derives an id from the file name', () => {
    assert.equal(journeyIdFromFileName('/ws/VIP Welcome 2.journey.json'), 'vip-welcome-2');
    assert.equal(journeyIdFromFileName('2026 launch.journey.json'), 'launch');
    assert.equal(journeyIdFromFileName('***.journey.json'), 'journey');
  });

  it('spells a name in ASCII for its id and file: accents dropped, ß as ss', () => {
    assert.equal(transliterate('Geburtstagsgrüße'), 'Geburtstagsgrusse');
    assert.equal(transliterate('Łódź, Æsir, Straße, ŠVENTĖ'), 'Lodz, AEsir, Strasse, SVENTE');
    assert.equal(journeyFileName('Geburtstagsgrüße'), 'geburtstagsgrusse.journey.json');
    assert.equal(journeyIdFromFileName('Geburtstagsgrüße (Kopie)'), 'geburtstagsgrusse-kopie');
  });

  it('keeps exactly one .journey.json ending, whatever a save dialog made of the default name', () => {
    assert.equal(withJourneyExtension('/ws/cart-reminder.journey.json.journey.json'), '/ws/cart-reminder.journey.json');
    assert.equal(withJourneyExtension('/ws/cart-reminder.journey.json'), '/ws/cart-reminder.journey.json');
    assert.equal(withJourneyExtension('/ws/cart-reminder.json'), '/ws/cart-reminder.journey.json');
    assert.equal(withJourneyExtension('/ws/cart-reminder'), '/ws/cart-reminder.journey.json');
    assert.equal(journeyIdFromFileName('/ws/cart-reminder.journey.json.journey.json'), 'cart-reminder');
  });

  it('offers the product\'s own templates, each a sample journey described for a marketer', () => {
    assert.deepEqual(
      JOURNEY_TEMPLATES.map((t) => `${t.key}.journey.json`).sort(),
      readdirSync(SAMPLES).filter((f) => f.endsWith('.journey.json')).sort(),
    );
    for (const t of JOURNEY_TEMPLATES) {
      assert.doesNotMatch(`${t.label} ${t.detail}`, /\bseed\b|\bR\d+\b/i, `${t.key} speaks to a marketer, not of seeds or rule ids`);
      assert.ok(t.detail.length > 20, t.key);
    }
  });

  for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith('.journey.json'))) {
    it(`turns the sample ${file} into a valid draft with the new id and name`, () => {
      const template = readFileSync(join(SAMPLES, file), 'utf8');
      const text = instantiateTemplate(template, { id: 'my-journey', name: 'My journey' });
      const { journey, diagnostics } = validateJourneyText(text);
      assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
      assert.equal(journey?.id, 'my-journey');
      assert.equal(journey?.name, 'My journey');
      assert.equal(journey?.publication, undefined);
      assert.notEqual(journey?.status, 'published');
      assert.equal('$schema' in (journey ?? {}), false);
      // formatting kept: the points array is still laid out as in the sample
      const pointsIndent = (s: string) => /\n( *)"points"/.exec(s)?.[1];
      assert.equal(pointsIndent(text), pointsIndent(template));
    });
  }

  it('writes an empty journey that validates', () => {
    const { journey, diagnostics } = validateJourneyText(emptyJourneyText({ id: 'e', name: 'Empty', timeZone: 'Europe/Berlin' }));
    assert.deepEqual(diagnostics, []);
    assert.equal(journey?.settings?.timeZone, 'Europe/Berlin');
  });
});
