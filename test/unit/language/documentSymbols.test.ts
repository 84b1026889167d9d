// Specification of the outline: starting points and points, each named by
// its id with its type and summary, spanning its object, selecting its id.
import assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver';
import { documentSymbols } from '../../../language/documentSymbols';
import { analyze, sample, WELCOME } from './support';

describe('document symbols (outline)', () => {
  it('groups the starting points and the points, with their types, summaries and ranges', () => {
    const analysis = analyze(WELCOME);
    const [starts, points, ...rest] = documentSymbols(analysis);
    assert.deepEqual(rest, []);
    assert.equal(starts?.name, 'Starting points');
    assert.deepEqual(starts?.children?.map((s) => [s.name, s.detail, s.kind]), [['sp_vip', "Starting point · Tag 'VIP' added", SymbolKind.Event]]);
    assert.deepEqual(points?.children?.map((s) => [s.name, s.detail]), [
      ['p_email', "Send email · Email 'hello'"],
      ['p_wait_open', "Wait for event · Wait for open of 'p_email' · 2 days"],
      ['p_done', 'End · Journey complete'],
      ['p_gave_up', 'End · Journey complete'],
    ]);
    const wait = points!.children![1]!;
    const text = (r: typeof wait.range) => analysis.text.slice(analysis.offsetAt(r.start), analysis.offsetAt(r.end));
    assert.match(text(wait.range), /^\{\n\s+"id": "p_wait_open",[\s\S]*"timeout": "p_gave_up" \}\n\s+\}$/);
    assert.equal(text(wait.selectionRange), '"p_wait_open"');
  });

  it('lists every point of a sample in document order', () => {
    const text = sample('birthday-german.journey.json');
    const [, points] = documentSymbols(analyze(text));
    const ids = [...text.matchAll(/"id": "(p_[^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(points?.children?.map((p) => p.name), ids);
  });

  it('still outlines a point whose type is misspelt', () => {
    const [, points] = documentSymbols(analyze(sample('broken', 'unknown-point-type.journey.json')));
    assert.ok(points?.children?.some((p) => p.name === 'p_send_reminder' && p.detail === 'Unknown type "sendEmial"'));
  });

  it('gives no symbols for text that is not a journey object', () => {
    assert.deepEqual(documentSymbols(analyze('[1, 2]')), []);
    assert.deepEqual(documentSymbols(analyze('')), []);
  });
});
