// Specification of the date-field index of a daily date trigger
// (src/core/simulator/dateFieldIndex.ts), R20: on a calendar day it lists
// exactly the contacts whose date field has that month and day now (the
// field's current value counts: a contact whose date changed is listed on its
// new day only), each once, in contact order; 29 February falls on
// 28 February of a common year; a contact with no date or not a date is on
// no day. It learns any contact number, also one above the size it was made for.
import assert from 'node:assert/strict';
import { DateFieldIndex } from '../../../src/core/simulator/dateFieldIndex';

const day = (year: number, month: number, d: number) => ({ year, month, day: d });

describe('the date-field index of a date trigger (R20)', () => {
  it('R20: lists every contact whose date falls on the day, each once, in contact order', () => {
    const index = new DateFieldIndex('birthday', 5);
    index.set(3, '1990-03-10');
    index.set(0, '1985-03-10');
    index.set(2, '2001-07-04');
    index.set(1, '1979-03-10');
    index.set(3, '1990-03-10'); // the same date again
    assert.deepEqual(index.on(day(2026, 3, 10)), [0, 1, 3]);
    assert.deepEqual(index.on(day(2027, 3, 10)), [0, 1, 3], 'a second read gives the same');
    assert.deepEqual(index.on(day(2026, 7, 4)), [2]);
    assert.deepEqual(index.on(day(2026, 3, 11)), []);
  });

  it('R20: the field’s current value counts: a changed date moves the contact to its new day, a removed one takes it off', () => {
    const index = new DateFieldIndex('birthday', 3);
    index.set(0, '1990-03-10');
    index.set(1, '1991-03-10');
    index.set(2, '1992-03-10');
    index.set(0, '1990-04-01');
    index.set(1, null);
    assert.deepEqual(index.on(day(2026, 3, 10)), [2]);
    assert.deepEqual(index.on(day(2026, 4, 1)), [0]);
    index.set(0, '1990-03-10'); // back to its first day
    index.set(2, 'not a date');
    assert.deepEqual(index.on(day(2026, 3, 10)), [0]);
    assert.deepEqual(index.on(day(2026, 4, 1)), []);
  });

  it('R20: on 28 February of a common year, the 29 February dates too, all in contact order', () => {
    const index = new DateFieldIndex('birthday', 3);
    index.set(0, '2000-02-29');
    index.set(1, '1999-02-28');
    index.set(2, '2004-02-29');
    assert.deepEqual(index.on(day(2027, 2, 28)), [0, 1, 2]);
    assert.deepEqual(index.on(day(2028, 2, 28)), [1], 'a leap year has its own 29 February');
    assert.deepEqual(index.on(day(2028, 2, 29)), [0, 2]);
  });

  it('learns a contact above the size it was made for, keeping the others', () => {
    const index = new DateFieldIndex('birthday', 0);
    index.set(4, '1990-03-10');
    index.set(9, '1990-03-10');
    index.set(10, '1990-03-10'); // exactly the size it has grown to
    index.set(1, '1990-03-10');
    assert.deepEqual(index.on(day(2026, 3, 10)), [1, 4, 9, 10]);
  });
});
