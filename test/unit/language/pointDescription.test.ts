// Specification of what the hover, the outline and the completion say about
// a starting point or a journey point (pointDescription.ts): its type, its
// summary, its title, where it leads, what leads to it, and its rules in
// rule order.
import assert from 'node:assert/strict';
import { describeEntry } from '../../../language/pointDescription';
import { MAX_FILTER_DEPTH } from '../../../src/core/filterDepth';
import { analyze, WELCOME } from './support';

const describe_ = (text: string, id: string) => {
  const { index } = analyze(text);
  const entry = index.byId.get(id);
  assert.ok(entry, `no ${id}`);
  return describeEntry(entry, index);
};

describe('what is said about a point', () => {
  it('R4: is reached only from successors, not from an awaited event naming it', () => {
    assert.deepEqual(describe_(WELCOME, 'p_email').incoming, [{ from: 'sp_vip', label: 'next' }]);
  });

  it('takes the title, else the name, as the title', () => {
    const named = WELCOME.replace('"id": "sp_vip",', '"id": "sp_vip", "name": "VIPs",');
    assert.equal(describe_(named, 'sp_vip').title, 'VIPs');
    assert.equal(describe_(named.replace('"name": "VIPs",', '"name": "VIPs", "title": "Very important",'), 'sp_vip').title, 'Very important');
    assert.equal(describe_(WELCOME, 'p_done').title, undefined);
  });

  it('lists the rules in rule order, R4 first for a point and R1, R2, R3, R7 plus the trigger\'s for a starting point', () => {
    const wait = describe_(WELCOME, 'p_wait_open').rules;
    assert.equal(wait[0], 'R4');
    assert.deepEqual(wait, [...wait].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
    assert.ok(wait.includes('R11'));
    const birthday = WELCOME.replace('{ "type": "tagAdded", "tag": "VIP" }', '{ "type": "dateField", "field": "birthday", "time": "09:00" }');
    const rules = describe_(birthday, 'sp_vip').rules;
    assert.deepEqual(rules.slice(0, 4), ['R1', 'R2', 'R3', 'R7']);
    assert.ok(rules.includes('R20'), rules.join());
    assert.deepEqual(rules, [...new Set(rules)].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
    assert.deepEqual(describe_(WELCOME.replace('"type": "end" }', '"type": "ende" }'), 'p_done').rules, ['R4']);
  });

  it('says a point without a type is of an unknown type ""', () => {
    assert.equal(describe_(WELCOME.replace('{ "id": "p_done", "type": "end" }', '{ "id": "p_done" }'), 'p_done').typeLabel, 'Unknown type ""');
  });

  it('R3: a starting point whose filter is nested too deep is described by its trigger, without a summary of the filter', () => {
    let filter = '{ "type": "hasTag", "tag": "Kunde" }';
    for (let i = 0; i <= MAX_FILTER_DEPTH; i++) filter = `{ "type": "not", "filter": ${filter} }`;
    const deep = WELCOME.replace('"filter": { "type": "hasTag", "tag": "Kunde" }', `"filter": ${filter}`);
    const d = describe_(deep, 'sp_vip');
    assert.equal(d.summary, 'Tag added');
    assert.equal(d.filter, undefined);
  });
});
