// Specification of "New journey" templates: every seed sample becomes a new,
// valid draft journey with the chosen id and name, formatting kept.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyJourneyText, instantiateTemplate, JOURNEY_TEMPLATES, journeyBaseName, journeyFileName, journeyIdFromFileName, transliterate, withJourneyExtension } from '../../src/core/journeyTemplate';
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

describe('journey templates: names, files and the new draft, case by case', () => {
  it('takes the file name after the last folder separator, also when a folder\'s name holds a line break', () => {
    assert.equal(journeyBaseName('/ws/new\nfolder/VIP.journey.json'), 'VIP');
    assert.equal(journeyBaseName('new\nfolder\\VIP.journey.json'), 'VIP');
    assert.equal(journeyIdFromFileName('/ws/new\nfolder/VIP Welcome.journey.json'), 'vip-welcome');
  });

  it('drops a ".journey" ending without ".json", and adds the ending to a name without a folder', () => {
    assert.equal(withJourneyExtension('/ws/cart-reminder.journey'), '/ws/cart-reminder.journey.json');
    assert.equal(withJourneyExtension('cart-reminder.json'), 'cart-reminder.journey.json');
    assert.equal(withJourneyExtension('C:\\ws\\cart-reminder'), 'C:\\ws\\cart-reminder.journey.json');
  });

  it('an id ends with a letter or digit: every trailing dash and dot is dropped', () => {
    assert.equal(journeyIdFromFileName('Sale ..journey.json'), 'sale');
    assert.equal(journeyIdFromFileName('Sale!-.-'), 'sale');
  });

  it('a template that is published becomes a draft of version 1 without its publication and $schema; one without them gets none', () => {
    const published = '{\n  "$schema": "../dist/journey.schema.json",\n  "id": "old",\n  "name": "Old",\n  "status": "published",\n  "version": 3,\n  "publication": { "version": 3 }\n}\n';
    const made = JSON.parse(instantiateTemplate(published, { id: 'my', name: 'My' }));
    assert.deepEqual(made, { id: 'my', name: 'My', status: 'draft', version: 1 });
    const bare = JSON.parse(instantiateTemplate('{ "id": "old", "name": "Old" }', { id: 'my', name: 'My' }));
    assert.deepEqual(bare, { id: 'my', name: 'My' });
  });

  it('writes a property the template lacks in its formatting (two spaces, one per line), and ends the text with exactly one line break', () => {
    assert.equal(instantiateTemplate('{\n  "formatVersion": 1,\n  "name": "Old",\n  "points": []\n}', { id: 'my', name: 'My' }), '{\n  "formatVersion": 1,\n  "name": "My",\n  "points": [],\n  "id": "my"\n}\n');
    assert.equal(instantiateTemplate('{\n  "id": "old",\n  "name": "Old"\n}\n', { id: 'my', name: 'My' }), '{\n  "id": "my",\n  "name": "My"\n}\n');
  });

  it('the empty journey: a draft trigger journey in the given zone, never re-entered, from "Joins the audience" straight to "Done"', () => {
    const text = emptyJourneyText({ id: 'e', name: 'Empty', timeZone: 'Europe/Berlin' });
    assert.ok(text.endsWith('}\n') && text.includes('\n  "id": "e",\n'), 'two-space JSON with a final line break');
    assert.deepEqual(JSON.parse(text), {
      formatVersion: 1,
      id: 'e',
      name: 'Empty',
      kind: 'trigger',
      status: 'draft',
      settings: { timeZone: 'Europe/Berlin', reEntry: { mode: 'never' } },
      startingPoints: [{ id: 'start', name: 'Joins the audience', trigger: { type: 'audienceJoined' }, next: 'done' }],
      points: [{ id: 'done', type: 'end', title: 'Done' }],
    });
  });
});
