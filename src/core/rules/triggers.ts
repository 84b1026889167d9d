// R2: each starting point's trigger names things the journey declares (the
// list joined, the tag, the campaign, the form, the segment, the date field),
// and a date-field trigger (R20) names a field of type date.
import { checkDeclared, fieldType, someNames } from './declarations';
import type { JourneyRule } from './ruleContext';

export const triggersRule: JourneyRule = {
  rule: 'R2',
  title: 'triggers name declared lists, tags, campaigns, forms, segments and date fields',
  check(ctx) {
    let dateFields: string[] | undefined;
    ctx.journey.startingPoints.forEach((sp, i) => {
      const t = sp.trigger;
      const path = ['startingPoints', i, 'trigger'];
      const where = `the trigger of starting point "${sp.id}"`;
      const declared = (kind: Parameters<typeof checkDeclared>[1]['kind'], name: string, key: string) =>
        checkDeclared(ctx, { kind, name, path: [...path, key], rule: 'R2', where });
      switch (t.type) {
        case 'audienceJoined':
          if (t.list !== undefined) declared('list', t.list, 'list');
          return;
        case 'tagAdded':
        case 'tagRemoved':
          declared('tag', t.tag, 'tag');
          return;
        case 'campaignActivity':
          declared('campaign', t.campaign, 'campaign');
          return;
        case 'formSubmitted':
          declared('form', t.form, 'form');
          return;
        case 'segmentEntered':
          declared('segment', t.segment, 'segment');
          return;
        case 'dateField': {
          if (!declared('field', t.field, 'field')) return;
          const type = fieldType(ctx.journey, t.field);
          if (type !== undefined && type !== 'date') {
            dateFields ??= (ctx.journey.fields ?? []).filter((f) => f.type === 'date').map((f) => f.name);
            ctx.report({
              code: 'R2.date-field-not-date',
              rule: 'R2',
              severity: 'error',
              message:
                `Field "${t.field}" is a ${type} field: a date-field trigger fires yearly on the month and day of a date field (R2, R20). ` +
                (dateFields.length > 0 ? `Use a date field (${someNames(dateFields)}) or declare "${t.field}" as type "date".` : `Declare "${t.field}" as type "date" in "fields".`),
              path: [...path, 'field'],
              data: { field: t.field, fieldType: type, dateFields: dateFields.slice(0, 10), ...(dateFields.length === 1 ? { suggestion: dateFields[0] } : {}) },
            });
          }
          return;
        }
        case 'customEvent':
        case 'api':
          return;
      }
    });
  },
};
