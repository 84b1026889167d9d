// R21: a journey marked for publishing (status readyToPublish or published)
// sends only content that is ready; each send of a draft - or of content
// the journey does not declare, whose status is unknown - is an error on
// the point's `content` value. Draft journeys are not checked.
import type { ContentItem } from '../schema';
import type { JourneyRule } from './ruleContext';

export const publishReadinessRule: JourneyRule = {
  rule: 'R21',
  title: 'a journey marked for publishing sends only ready content',
  check(ctx) {
    const { journey } = ctx;
    if (journey.status !== 'readyToPublish' && journey.status !== 'published') return;
    const content = new Map<string, { item: ContentItem; index: number }>((journey.content ?? []).map((item, index) => [item.id, { item, index }]));
    journey.points.forEach((p, i) => {
      if (p.type !== 'sendEmail' && p.type !== 'sendSms') return;
      const found = content.get(p.content);
      if (!found) {
        // A declared content array that lacks the id is reported by R17 (unknown content).
        if (journey.content !== undefined) return;
        ctx.report({
          code: 'R21.content-undeclared',
          rule: 'R21',
          severity: 'error',
          message: `"${p.id}" sends content "${p.content}", which the journey does not declare, so it cannot be checked as ready: a journey can be published only when every content item it sends is ready (R21). Declare it in "content" with "status": "ready".`,
          path: ['points', i, 'content'],
          data: { content: p.content, status: journey.status },
        });
        return;
      }
      const { item, index } = found;
      if (item.status === 'ready') return;
      ctx.report({
        code: 'R21.content-not-ready',
        rule: 'R21',
        severity: 'error',
        message: `Content item "${item.id}"${item.name ? ` (${item.name})` : ''} sent by "${p.id}" is a draft: a journey can be published only when every content item it sends is ready (R21). Finish it and set its status to "ready" (content[${index}]), or set the journey status back to "draft".`,
        path: ['points', i, 'content'],
        data: { content: item.id, contentIndex: index, fix: 'markReady' },
      });
    });
  },
};
