// R21: a journey marked for publishing sends only ready content; each send
// of a draft is an error on the point's content value.
import assert from 'node:assert/strict';
import { baseJourney, check, expectNone, expectOne, type JourneyObject } from './helpers';

function journey(status: string | undefined, statusOfContent: string, extra: JourneyObject = {}): JourneyObject {
  return baseJourney({
    ...(status ? { status } : {}),
    lists: [{ id: 'news' }],
    content: [
      { id: 'welcome', name: 'Welcome mail', channel: 'email', status: 'ready', list: 'news' },
      { id: 'followup', channel: 'email', status: statusOfContent, list: 'news' },
    ],
    points: [
      { id: 'p1', type: 'sendEmail', content: 'welcome', next: 'p2' },
      { id: 'p2', type: 'wait', duration: 'P2D', next: 'p3' },
      { id: 'p3', type: 'sendEmail', content: 'followup', next: 'p4' },
      { id: 'p4', type: 'end' },
    ],
    ...extra,
  });
}

describe('R21 publish readiness', () => {
  it('R21: a journey ready to publish that sends draft content is an error on the point\'s content', () => {
    const d = expectOne(check(journey('readyToPublish', 'draft')), { code: 'R21.content-not-ready', rule: 'R21', severity: 'error', spanned: '"followup"' });
    assert.deepEqual(d.path, ['points', 2, 'content']);
    assert.deepEqual(d.data, { content: 'followup', contentIndex: 1, fix: 'markReady' });
    assert.match(d.message, /^Content item "followup" sent by "p3" is a draft: a journey can be published only when every content item it sends is ready \(R21\)/);
  });

  it('R21: the same holds for a journey marked published', () => {
    expectOne(check(journey('published', 'draft')), { code: 'R21.content-not-ready', rule: 'R21', severity: 'error', spanned: '"followup"' });
  });

  it('R21: draft journeys may send draft content; ready content raises nothing', () => {
    expectNone(check(journey('draft', 'draft')));
    expectNone(check(journey(undefined, 'draft')));
    expectNone(check(journey('readyToPublish', 'ready')));
  });

  it('R21: draft content that nothing sends does not block publishing', () => {
    const c = check(journey('readyToPublish', 'draft', { points: [{ id: 'p1', type: 'sendEmail', content: 'welcome', next: 'p2' }, { id: 'p2', type: 'end' }] }));
    expectNone(c);
  });

  it('R21: without declared content, a journey ready to publish cannot show its content is ready', () => {
    const c = check(baseJourney({ status: 'readyToPublish', points: [{ id: 'p1', type: 'sendSms', content: 'sms1', next: 'p2' }, { id: 'p2', type: 'end' }] }));
    expectOne(c, { code: 'R21.content-undeclared', rule: 'R21', severity: 'error', spanned: '"sms1"' });
  });
});
