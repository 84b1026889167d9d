// A generated journey of any size for the render benchmark and the large-map
// test: three starting points, then repeated ten-point segments with every
// kind of branching (if/else, wait for event with timeout, a 60/40 split)
// whose branches merge again, and a final end. Deterministic.
import type { Journey, JourneyPoint } from '../../src/core/schema';

const SEGMENT = 10;

export function generateJourney(pointCount: number): Journey {
  if (pointCount < 2) throw new Error('a generated journey has at least 2 points');
  const points: JourneyPoint[] = [];
  const segments = Math.floor((pointCount - 1) / SEGMENT);
  const id = (segment: number, i: number) => `s${segment}_${i}`;
  const fillers = pointCount - 1 - segments * SEGMENT;
  const firstFiller = fillers > 0 ? 'w_0' : 'p_end';
  for (let s = 0; s < segments; s++) {
    const next = s + 1 < segments ? id(s + 1, 0) : firstFiller;
    const p = (i: number) => id(s, i);
    points.push(
      { id: p(0), type: 'sendEmail', title: `Segment ${s + 1}: newsletter`, content: 'newsletter', next: p(1) },
      { id: p(1), type: 'wait', title: 'Wait a day', duration: 'P1D', next: p(2) },
      { id: p(2), type: 'ifElse', title: 'VIP?', condition: { type: 'hasTag', tag: 'VIP' }, branches: { yes: p(3), no: p(4) } },
      { id: p(3), type: 'addTag', tag: 'engaged', next: p(5) },
      { id: p(4), type: 'sendSms', content: 'reminder_sms', next: p(5) },
      { id: p(5), type: 'waitForEvent', title: 'Opened within 2 days?', event: { type: 'emailOpened', point: p(0) }, timeout: 'P2D', branches: { yes: p(6), timeout: p(7) } },
      { id: p(6), type: 'updateField', field: 'score', value: s, next: p(8) },
      { id: p(7), type: 'split', branches: [{ percent: 60, next: p(8) }, { percent: 40, next: p(9) }] },
      { id: p(8), type: 'removeTag', tag: 'cold', next },
      { id: p(9), type: 'subscribeList', list: 'news', next },
    );
  }
  for (let i = 0; i < fillers; i++) points.push({ id: `w_${i}`, type: 'wait', duration: 'PT1H', next: i + 1 < fillers ? `w_${i + 1}` : 'p_end' });
  points.push({ id: 'p_end', type: 'end', title: 'Done' });
  const first = segments > 0 ? id(0, 0) : firstFiller;
  return {
    formatVersion: 1,
    id: `generated-${pointCount}`,
    name: `Generated journey (${pointCount} points)`,
    kind: 'trigger',
    settings: { plan: 'premium', limits: { journeyPoints: pointCount + 10 } },
    lists: [{ id: 'news', kind: 'marketing' }],
    tags: ['VIP', 'engaged', 'cold'],
    fields: [{ name: 'score', type: 'number' }],
    content: [
      { id: 'newsletter', channel: 'email', status: 'ready', list: 'news' },
      { id: 'reminder_sms', channel: 'sms', status: 'ready' },
    ],
    startingPoints: [
      { id: 'sp_form', trigger: { type: 'formSubmitted', form: 'signup' }, next: first },
      { id: 'sp_tag', trigger: { type: 'tagAdded', tag: 'VIP' }, next: first },
      { id: 'sp_api', trigger: { type: 'api' }, next: first },
    ],
    points,
  };
}
