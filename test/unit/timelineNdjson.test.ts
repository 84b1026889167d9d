// Specification of the `.timeline.ndjson` format's line reader
// (src/core/timelineNdjson.ts): line 1 is the header, every other line a
// contact or an event, blank lines allowed; a problem is located at its
// line and column with a message that says what a line must be.
import assert from 'node:assert/strict';
import { ndjsonContact, ndjsonEvent, ndjsonHeader, parseTimelineNdjsonText, readNdjsonLine, TimelineHeader } from '../../src/core/timelineNdjson';

const AT = '2026-03-01T09:00:00Z';
const EVENT = { at: AT, contact: 'ann', type: 'tagAdded', tag: 'VIP' } as const;

describe('.timeline.ndjson lines', () => {
  it('a blank or whitespace line is blank, wherever it is', () => {
    assert.deepEqual(readNdjsonLine('', 1), { kind: 'blank' });
    assert.deepEqual(readNdjsonLine(' \t ', 5), { kind: 'blank' });
  });

  it('line 1 is the header: the timeline\'s own properties, without its arrays', () => {
    assert.deepEqual(readNdjsonLine('{"formatVersion":1,"seed":7,"start":"2026-03-01T00:00:00Z"}', 1), { kind: 'header', header: { formatVersion: 1, seed: 7, start: '2026-03-01T00:00:00Z' } });
    const bad = readNdjsonLine('{"formatVersion":1,"contacts":[]}', 1);
    assert.equal(bad.kind, 'error');
    assert.ok(bad.kind === 'error' && bad.column === 1);
    assert.ok(bad.kind === 'error' && bad.message.startsWith('the first line is the timeline header, {"formatVersion":1, ...}: '), bad.kind === 'error' ? bad.message : '');
    const contactFirst = readNdjsonLine(ndjsonContact({ id: 'ann' }), 1);
    assert.ok(contactFirst.kind === 'error' && /timeline header/.test(contactFirst.message), 'a contact on line 1 is not a header');
  });

  it('other lines are a contact or an event, as in a .timeline.json', () => {
    assert.deepEqual(readNdjsonLine(ndjsonContact({ id: 'ann', tags: ['a'] }), 2), { kind: 'contact', contact: { id: 'ann', tags: ['a'] } });
    assert.deepEqual(readNdjsonLine(ndjsonEvent(EVENT), 3), { kind: 'event', event: EVENT });
    const header = readNdjsonLine(ndjsonHeader({ formatVersion: 1 }), 2);
    assert.deepEqual(header, { kind: 'error', column: 1, message: 'a line is {"contact":{...}} or {"event":{...}}' }, 'a header after line 1 is no line');
  });

  it('text that is not JSON is located at the column JSON.parse names, after "not JSON:"', () => {
    const line = readNdjsonLine('{"contact":{"id":"ann"},}', 2);
    assert.equal(line.kind, 'error');
    assert.ok(line.kind === 'error' && line.message.startsWith('not JSON: '), line.kind === 'error' ? line.message : '');
    let position = -1;
    try {
      JSON.parse('{"contact":{"id":"ann"},}');
    } catch (error) {
      position = Number(/position (\d+)/.exec((error as Error).message)![1]);
    }
    assert.ok(line.kind === 'error' && line.column === position + 1 && position > 0);
  });

  it('a contact or an event that the schema refuses says which and why, with at most three issues and their paths', () => {
    const contact = readNdjsonLine('{"contact":{"id":"1a","tags":"x","smsConsent":"y","phone":3}}', 2);
    assert.equal(contact.kind, 'error');
    assert.ok(contact.kind === 'error' && contact.column === 1);
    const message = contact.kind === 'error' ? contact.message : '';
    assert.match(message, /^contact: id: /);
    assert.equal(message.split('; ').length, 3, message);
    const event = readNdjsonLine('{"event":{"at":"yesterday","contact":"ann","type":"tagAdded","tag":"VIP"}}', 2);
    assert.ok(event.kind === 'error' && event.message.startsWith('event: at: an instant is ISO 8601'), event.kind === 'error' ? event.message : '');
    for (const text of ['{"contact":{"id":"ann"},"event":{}}', '{"contact":{"id":"1a"},"event":{}}', '{"other":{}}', '[1]', 'null', '"text"']) {
      assert.deepEqual(readNdjsonLine(text, 2), { kind: 'error', column: 1, message: 'a line is {"contact":{...}} or {"event":{...}}' }, text);
    }
  });

  it('a record entry called "__proto__" is data: kept as an own member when valid, located when not', () => {
    const line = readNdjsonLine('{"contact":{"id":"ann","fields":{"__proto__":"gold"}}}', 2);
    assert.ok(line.kind === 'contact');
    assert.equal(Object.getOwnPropertyDescriptor(line.contact.fields, '__proto__')?.value, 'gold');
    assert.equal(Object.getPrototypeOf(line.contact.fields), Object.prototype);
    const event = readNdjsonLine(`{"event":{"at":"${AT}","contact":"ann","type":"customEvent","name":"n","properties":{"__proto__":3}}}`, 2);
    assert.ok(event.kind === 'event' && event.event.type === 'customEvent');
    assert.equal(Object.getOwnPropertyDescriptor(event.event.properties, '__proto__')?.value, 3);
    const bad = readNdjsonLine('{"contact":{"id":"ann","lists":{"__proto__":"maybe"}}}', 2);
    assert.ok(bad.kind === 'error' && bad.column === 1 && bad.message.startsWith('contacts.0.lists.__proto__: '), bad.kind === 'error' ? bad.message : '');
    const badEvent = readNdjsonLine(`{"event":{"at":"${AT}","contact":"ann","type":"formSubmitted","form":"f","fields":{"__proto__":[]}}}`, 2);
    assert.ok(badEvent.kind === 'error' && badEvent.message.startsWith('events.0.fields.__proto__: '), badEvent.kind === 'error' ? badEvent.message : '');
  });

  it('a line cut short (JSON.parse names no position) is "not JSON:" at a column within the line, never a crash', () => {
    for (const text of ['{"contact":', '[', '{"event":{"at":"2026']) {
      const line = readNdjsonLine(text, 2);
      assert.ok(line.kind === 'error' && line.message.startsWith('not JSON: '), JSON.stringify(line));
      assert.ok(line.kind === 'error' && Number.isInteger(line.column) && line.column >= 1 && line.column <= text.length + 1, JSON.stringify(line));
    }
  });

  it('a header that is no object at all gives the schema\'s message alone (an issue of the whole line has no path)', () => {
    const line = readNdjsonLine('5', 1);
    const issue = TimelineHeader.safeParse(5).error!.issues[0]!;
    assert.deepEqual(issue.path, []);
    assert.deepEqual(line, { kind: 'error', column: 1, message: `the first line is the timeline header, {"formatVersion":1, ...}: ${issue.message}` });
  });

  it('a valid "__proto__" entry is kept as JSON.parse keeps a member: own, enumerable, writable and configurable', () => {
    const line = readNdjsonLine('{"contact":{"id":"ann","fields":{"city":"Rome","__proto__":"gold"}}}', 2);
    assert.ok(line.kind === 'contact');
    assert.deepEqual(Object.getOwnPropertyDescriptor(line.contact.fields, '__proto__'), { value: 'gold', enumerable: true, writable: true, configurable: true });
    assert.equal(ndjsonContact(line.contact), '{"contact":{"id":"ann","fields":{"city":"Rome","__proto__":"gold"}}}');
  });

  it('an invalid "__proto__" field of a contact is one issue, of the contact\'s fields only', () => {
    const bad = readNdjsonLine('{"contact":{"id":"ann","fields":{"__proto__":[]}}}', 2);
    assert.ok(bad.kind === 'error' && bad.message.startsWith('contacts.0.fields.__proto__: ') && !bad.message.includes(';'), JSON.stringify(bad));
  });
});

describe('a whole .timeline.ndjson text (the editor\'s read)', () => {
  it('gives the timeline: header, then contacts and events in file order, blank lines and CRLF allowed, a BOM taken off', () => {
    const text = '\uFEFF' + [ndjsonHeader({ formatVersion: 1, seed: 3 }), ndjsonEvent(EVENT), '', ndjsonContact({ id: 'ann' }), ndjsonContact({ id: 'bob' })].join('\r\n') + '\n';
    assert.deepEqual(parseTimelineNdjsonText(text), { ok: true, timeline: { formatVersion: 1, seed: 3, contacts: [{ id: 'ann' }, { id: 'bob' }], events: [EVENT] } });
  });

  it('the first problem with its line and column', () => {
    const text = [ndjsonHeader({ formatVersion: 1 }), ndjsonContact({ id: 'ann' }), '{"event":{}}', 'not json'].join('\n');
    const result = parseTimelineNdjsonText(text);
    assert.ok(!result.ok && result.line === 3 && result.column === 1 && result.message.startsWith('event: '), JSON.stringify(result));
    const notJson = parseTimelineNdjsonText([ndjsonHeader({ formatVersion: 1 }), '  {x'].join('\n'));
    assert.ok(!notJson.ok && notJson.line === 2 && notJson.column > 1 && notJson.message.startsWith('not JSON'), JSON.stringify(notJson));
  });

  it('a byte-order mark is taken off the start of the text only: one inside a value is kept', () => {
    const text = [ndjsonHeader({ formatVersion: 1 }), ndjsonContact({ id: 'ann', name: 'a\uFEFFb' })].join('\n');
    assert.deepEqual(parseTimelineNdjsonText(text), { ok: true, timeline: { formatVersion: 1, contacts: [{ id: 'ann', name: 'a\uFEFFb' }], events: [] } });
  });

  it('a text without a header line is refused at line 1', () => {
    assert.deepEqual(parseTimelineNdjsonText(''), { ok: false, line: 1, column: 1, message: 'the first line is the timeline header, {"formatVersion":1, ...}' });
  });
});
