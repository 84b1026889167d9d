// Specification of the outline: settings, declarations, content, starting
// points and points in document order, each named by its id with what it
// is, spanning its object, selecting its id.
import assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver';
import { documentSymbols } from '../../../language/documentSymbols';
import { analyze, sample, WELCOME } from './support';

describe('document symbols (outline)', () => {
  it('groups the starting points and the points, with their types, summaries and ranges', () => {
    const analysis = analyze(WELCOME);
    const symbols = documentSymbols(analysis);
    const starts = symbols.find((s) => s.name === 'Starting points');
    const points = symbols.find((s) => s.name === 'Points');
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
    const points = documentSymbols(analyze(text)).find((s) => s.name === 'Points');
    const ids = [...text.matchAll(/"id": "(p_[^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(points?.children?.map((p) => p.name), ids);
  });

  it('still outlines a point whose type is misspelt', () => {
    const points = documentSymbols(analyze(sample('broken', 'unknown-point-type.journey.json'))).find((s) => s.name === 'Points');
    assert.ok(points?.children?.some((p) => p.name === 'p_send_reminder' && p.detail === 'Unknown type "sendEmial"'));
  });

  it('outlines the settings, the declarations and the content too, in document order', () => {
    const analysis = analyze(WELCOME.replace('  "tags":', '  "settings": { "timeZone": "Europe/Berlin", "plan": "premium" },\n  "tags":'));
    const symbols = documentSymbols(analysis);
    assert.deepEqual(symbols.map((s) => s.name), ['Settings', 'Tags', 'Lists', 'Fields', 'Content', 'Starting points', 'Points']);
    const by = (name: string) => symbols.find((s) => s.name === name)!.children!.map((c) => [c.name, c.detail]);
    assert.deepEqual(by('Settings'), [['timeZone', 'Europe/Berlin'], ['plan', 'premium']]);
    assert.deepEqual(by('Tags'), [['VIP', ''], ['Kunde', '']]);
    assert.deepEqual(by('Lists'), [['newsletter', 'marketing']]);
    assert.deepEqual(by('Fields'), [['birthday', 'date'], ['score', 'number']]);
    assert.deepEqual(by('Content'), [['hello', 'email · ready'], ['reminder_sms', 'sms · ready']]);
    const hello = symbols.find((s) => s.name === 'Content')!.children![0]!;
    const text = (r: typeof hello.range) => analysis.text.slice(analysis.offsetAt(r.start), analysis.offsetAt(r.end));
    assert.match(text(hello.range), /^\{ "id": "hello".*\}$/);
    assert.equal(text(hello.selectionRange), '"hello"');
  });

  it('shows each setting by its value (a scalar as written, an array by its count, an object by nothing), and sorts the groups by where they are, wherever the settings are', () => {
    const text = WELCOME.replace('\n}\n', ',\n  "settings": { "maxStartingPoints": 3, "quietHours": true, "exitCriteria": [{}, {}], "reEntry": { "mode": "never" }, "timeZone": null }\n}\n');
    assert.notEqual(text, WELCOME);
    const symbols = documentSymbols(analyze(text));
    assert.deepEqual(symbols.map((s) => s.name), ['Tags', 'Lists', 'Fields', 'Content', 'Starting points', 'Points', 'Settings']);
    const settings = symbols.at(-1)!;
    assert.equal(settings.kind, SymbolKind.Module);
    assert.equal(settings.detail, '5');
    assert.deepEqual(settings.children!.map((c) => [c.name, c.detail, c.kind]), [
      ['maxStartingPoints', '3', SymbolKind.Property],
      ['quietHours', 'true', SymbolKind.Property],
      ['exitCriteria', '2 item(s)', SymbolKind.Property],
      ['reEntry', '', SymbolKind.Property],
      ['timeZone', '', SymbolKind.Property],
    ]);
    assert.deepEqual(symbols.map((s) => s.detail).slice(0, 6), ['2', '1', '2', '2', '1', '4']);
  });

  it('spans a tag by its string, and a point of an unknown type is a plain object', () => {
    const analysis = analyze(WELCOME.replace('{ "id": "p_done", "type": "end" }', '{ "id": "p_done", "type": "ende" }'));
    const symbols = documentSymbols(analysis);
    const vip = symbols.find((s) => s.name === 'Tags')!.children![0]!;
    const text = (r: typeof vip.range) => analysis.text.slice(analysis.offsetAt(r.start), analysis.offsetAt(r.end));
    assert.equal(text(vip.range), '"VIP"');
    assert.equal(text(vip.selectionRange), '"VIP"');
    const done = symbols.find((s) => s.name === 'Points')!.children!.find((p) => p.name === 'p_done')!;
    assert.equal(done.kind, SymbolKind.Object);
    assert.notEqual(symbols.find((s) => s.name === 'Points')!.children![0]!.kind, SymbolKind.Object);
  });

  it('gives no symbols for text that is not a journey object', () => {
    assert.deepEqual(documentSymbols(analyze('[1, 2]')), []);
    assert.deepEqual(documentSymbols(analyze('')), []);
  });
});
