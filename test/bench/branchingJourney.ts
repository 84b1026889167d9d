// A generated journey like a large real one (issue #15): a main path of
// sends, waits and tags with `branches` if/else points spread along it, each
// with a short "yes" branch of its own that joins the main path again, and
// one end; `pointCount` points in all (200 points with 16 if/else by
// default). Deterministic.
import type { Journey, JourneyPoint } from '../../src/core/schema';

const BRANCH_LENGTH = 4;

export function branchingJourney(pointCount = 200, branches = 16): Journey {
  const branchPoints = branches * BRANCH_LENGTH;
  const mainCount = pointCount - branchPoints - 1;
  if (mainCount < branches) throw new Error('too few points for the branches');
  const points: JourneyPoint[] = [];
  const main = (i: number) => (i < mainCount ? `m_${i}` : 'p_end');
  // The if/else points sit evenly along the main path.
  const every = Math.floor(mainCount / branches);
  let branch = 0;
  for (let i = 0; i < mainCount; i++) {
    const next = main(i + 1);
    if (i % every === every - 1 && branch < branches) {
      const b = branch++;
      const id = (k: number) => `b${b}_${k}`;
      points.push({ id: main(i), type: 'ifElse', title: `Segment ${b + 1}: clicked the offer?`, condition: { type: 'hasTag', tag: 'clicked' }, branches: { yes: id(0), no: next } });
      points.push(
        { id: id(0), type: 'sendEmail', title: `Send the follow-up of offer ${b + 1}`, content: 'follow_up', next: id(1) },
        { id: id(1), type: 'wait', title: 'Wait 2 days', duration: 'P2D', next: id(2) },
        { id: id(2), type: 'addTag', title: 'Tag "engaged"', tag: 'engaged', next: id(3) },
        { id: id(3), type: 'sendSms', title: 'Send the reminder SMS', content: 'reminder_sms', next },
      );
      continue;
    }
    const kind = i % 3;
    if (kind === 0) points.push({ id: main(i), type: 'sendEmail', title: `Send newsletter ${i + 1}`, content: 'newsletter', next });
    else if (kind === 1) points.push({ id: main(i), type: 'wait', title: 'Wait 1 day', duration: 'P1D', next });
    else points.push({ id: main(i), type: 'addTag', title: 'Tag "active"', tag: 'active', next });
  }
  points.push({ id: 'p_end', type: 'end', title: 'Journey complete' });
  return {
    formatVersion: 1,
    id: `branching-${pointCount}`,
    name: `Generated journey (${pointCount} points, ${branches} if/else)`,
    kind: 'trigger',
    settings: { plan: 'premium', limits: { journeyPoints: pointCount + 10 } },
    lists: [{ id: 'news', name: 'Newsletter', kind: 'marketing' }],
    tags: ['clicked', 'engaged', 'active'],
    content: [
      { id: 'newsletter', channel: 'email', name: 'Newsletter', status: 'ready', list: 'news' },
      { id: 'follow_up', channel: 'email', name: 'Offer follow-up', status: 'ready', list: 'news' },
      { id: 'reminder_sms', channel: 'sms', name: 'Reminder', status: 'ready' },
    ],
    startingPoints: [{ id: 'sp_signup', name: 'Signed up', trigger: { type: 'formSubmitted', form: 'signup' }, next: main(0) }],
    points,
  };
}
