// Specification of the per-version analysis: every request about one
// version of a document shares one validation; a new version, or new
// validation options, validates again; an analysis keeps the text it was
// made from even though the document object changes in place.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../../language/codeActions';
import { journeyCompletion } from '../../../language/completion';
import { AnalysisCache } from '../../../language/documentAnalysis';
import { documentSymbols } from '../../../language/documentSymbols';
import { journeyHover } from '../../../language/hover';
import { definition, references } from '../../../language/navigation';
import { validateJourneyText, type ValidationOptions } from '../../../src/core/validate';
import { positionOf, URI, WELCOME } from './support';

function countingCache() {
  const seen: { text: string; options: ValidationOptions }[] = [];
  const cache = new AnalysisCache((text, options) => {
    seen.push({ text, options });
    return validateJourneyText(text, options);
  });
  return { cache, seen };
}

describe('analysis per document version', () => {
  it('validates a version once, whatever is asked about it', () => {
    const { cache, seen } = countingCache();
    const document = TextDocument.create(URI, 'journey-json', 1, WELCOME);
    const at = positionOf(WELCOME, '"p_done"', 2);
    journeyCompletion(cache.get(document), at, { snippets: true });
    journeyHover(cache.get(document), at);
    definition(cache.get(document), at);
    references(cache.get(document), at, true);
    documentSymbols(cache.get(document));
    codeActions(cache.get(document), { textDocument: { uri: URI }, range: { start: at, end: at }, context: { diagnostics: [] } }, { versioned: true });
    assert.equal(seen.length, 1);
    assert.equal(cache.validations, 1);
    assert.equal(cache.peek(URI, 1), cache.get(document));
  });

  it('validates each new version, and keeps each analysis on the text it validated', () => {
    const { cache, seen } = countingCache();
    const document = TextDocument.create(URI, 'journey-json', 1, WELCOME);
    const first = cache.get(document);
    TextDocument.update(document, [{ text: `\n\n${WELCOME}` }], 2);
    const second = cache.get(document);
    assert.equal(seen.length, 2);
    assert.notEqual(first, second);
    assert.equal(first.text, WELCOME);
    assert.equal(first.positionAt(WELCOME.indexOf('"points"')).line, second.positionAt(WELCOME.indexOf('"points"') + 2).line - 2);
    assert.equal(cache.peek(URI, 1), undefined);
  });

  it('validates again with new options (the default plan of the settings, R1)', () => {
    const { cache, seen } = countingCache();
    const document = TextDocument.create(URI, 'journey-json', 1, WELCOME);
    cache.get(document);
    cache.setOptions({ defaultPlan: 'free' });
    cache.get(document);
    assert.deepEqual(seen.map((s) => s.options), [{}, { defaultPlan: 'free' }]);
  });

  it('forgets a closed document', () => {
    const { cache, seen } = countingCache();
    const document = TextDocument.create(URI, 'journey-json', 1, WELCOME);
    cache.get(document);
    cache.delete(URI);
    cache.get(document);
    assert.equal(seen.length, 2);
  });
});
