// R17 consent, statically: every marketing email names the list whose
// consent it needs; lists named are declared; the transactional flag agrees
// with the list's kind (a transactional message on a marketing list, or a
// marketing one on a transactional list, would bypass or misapply consent);
// send points name declared content of their own channel; an SMS step's
// phone field is a declared field. Content is transactional when it says so
// or its list is transactional (the simulator's isTransactional).
import type { ContentItem } from '../schema';
import { isTransactional } from '../simulator/sendConsent';
import { checkDeclared, fieldType, someNames } from './declarations';
import type { JourneyRule } from './ruleContext';

export const consentRule: JourneyRule = {
  rule: 'R17',
  title: 'marketing content names a declared list, transactional flags fit their lists, sends use content of their channel',
  check(ctx) {
    const { journey } = ctx;
    const lists = new Map((journey.lists ?? []).map((l) => [l.id, l]));
    const marketingLists = (journey.lists ?? []).filter((l) => l.kind !== 'transactional').map((l) => l.id);

    (journey.content ?? []).forEach((c, i) => {
      const where = `content item "${c.id}"`;
      if (c.list !== undefined && !checkDeclared(ctx, { kind: 'list', name: c.list, path: ['content', i, 'list'], rule: 'R17', where })) return;
      const kind = c.list !== undefined ? lists.get(c.list)?.kind : undefined;
      if (c.transactional === true && kind === 'marketing') {
        ctx.report({
          code: 'R17.transactional-on-marketing-list',
          rule: 'R17',
          severity: 'error',
          message: `Content item "${c.id}" is marked transactional but its list "${c.list}" is a marketing list: transactional messages are sent regardless of consent, while a marketing list's messages need it (R17). Put it on a transactional list, or remove "transactional": true.`,
          path: ['content', i, 'transactional'],
          data: { content: c.id, list: c.list, fix: 'removeTransactional' },
        });
      } else if (c.transactional === false && kind === 'transactional') {
        ctx.report({
          code: 'R17.marketing-on-transactional-list',
          rule: 'R17',
          severity: 'error',
          message: `Content item "${c.id}" is marketing ("transactional": false) but its list "${c.list}" is transactional: messages on a transactional list are sent regardless of consent, marketing ones need it (R17). Put it on a marketing list${marketingLists.length > 0 ? ` (${someNames(marketingLists)})` : ''}, or mark it transactional.`,
          path: ['content', i, 'list'],
          data: { content: c.id, list: c.list, marketingLists: marketingLists.slice(0, 10), ...(marketingLists.length === 1 ? { suggestion: marketingLists[0] } : {}) },
        });
      } else if (c.transactional === undefined && kind === 'transactional') {
        ctx.report({
          code: 'R17.implicitly-transactional',
          rule: 'R17',
          severity: 'warning',
          message: `Content item "${c.id}" is sent as transactional, regardless of consent, only because its list "${c.list}" is transactional (R17). If it is transactional, say so with "transactional": true; if it is marketing, put it on a marketing list.`,
          path: ['content', i, 'list'],
          data: { content: c.id, list: c.list, fix: 'setTransactional' },
        });
      }
      if (c.channel === 'email' && c.list === undefined && !isTransactional(c, journey)) {
        ctx.report({
          code: 'R17.marketing-email-without-list',
          rule: 'R17',
          severity: 'error',
          message: `Marketing email "${c.id}" names no list: a marketing email is sent only to contacts subscribed to its list (R17), so without one consent cannot be checked. Add "list"${marketingLists.length > 0 ? ` (e.g. ${someNames(marketingLists)})` : ''}, or mark it "transactional": true if it is an order or service message.`,
          path: ['content', i],
          on: 'object',
          data: { content: c.id, missing: 'list', lists: marketingLists.slice(0, 10) },
        });
      }
    });

    const content = new Map<string, ContentItem>((journey.content ?? []).map((c) => [c.id, c]));
    const contentOf = { email: [] as string[], sms: [] as string[] };
    for (const c of journey.content ?? []) contentOf[c.channel].push(c.id);
    journey.points.forEach((p, i) => {
      if (p.type === 'subscribeList' || p.type === 'unsubscribeList') {
        checkDeclared(ctx, { kind: 'list', name: p.list, path: ['points', i, 'list'], rule: 'R17', where: `"${p.id}"` });
        return;
      }
      if (p.type !== 'sendEmail' && p.type !== 'sendSms') return;
      const channel = p.type === 'sendEmail' ? 'email' : 'sms';
      const ofChannel = contentOf[channel];
      const known = checkDeclared(ctx, { kind: 'content', name: p.content, path: ['points', i, 'content'], rule: 'R17', where: `"${p.id}"`, candidates: ofChannel });
      const item = content.get(p.content);
      if (known && item && item.channel !== channel) {
        const suggestion = ctx.closestName(p.content, ofChannel) ?? (ofChannel.length === 1 ? ofChannel[0] : undefined);
        ctx.report({
          code: 'R17.channel-mismatch',
          rule: 'R17',
          severity: 'error',
          message:
            `"${p.id}" sends ${channel === 'email' ? 'an email' : 'an SMS'} but content item "${p.content}" is ${item.channel === 'email' ? 'an email' : 'an SMS'}: a send point sends content of its own channel, with that channel's consent (R17). ` +
            (suggestion ? `Did you mean "${suggestion}"?` : ofChannel.length > 0 ? `Use one of ${someNames(ofChannel)}.` : `Add ${channel === 'email' ? 'an email' : 'an SMS'} content item, or change the point to ${channel === 'email' ? 'sendSms' : 'sendEmail'}.`),
          path: ['points', i, 'content'],
          data: { content: p.content, expected: channel, candidates: ofChannel.slice(0, 10), ...(suggestion ? { suggestion } : {}) },
        });
      }
      if (p.type === 'sendSms' && p.phoneField !== undefined) {
        const where = `the phone field of "${p.id}"`;
        if (!checkDeclared(ctx, { kind: 'field', name: p.phoneField, path: ['points', i, 'phoneField'], rule: 'R17', where })) return;
        const type = fieldType(journey, p.phoneField);
        if (type === 'boolean' || type === 'date') {
          ctx.report({
            code: 'R17.phone-field-type',
            rule: 'R17',
            severity: 'error',
            message: `Field "${p.phoneField}" is a ${type} field: an SMS is sent to the phone number the phone field holds, and a contact without one is suppressed (R17). Name a string field that holds the phone number.`,
            path: ['points', i, 'phoneField'],
            data: { field: p.phoneField, fieldType: type },
          });
        }
      }
    });
  },
};
