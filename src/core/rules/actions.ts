// R4: the names journey-point actions use resolve against the journey's
// declarations: tags added or removed and fields updated should be declared
// (a warning: the action creates them, but filters can only check declared
// names), and an update writes a value the field's type can hold (an error).
import { checkDeclared, fieldType } from './declarations';
import type { JourneyRule } from './ruleContext';

const DATE_VALUE = /^\d{4}-\d{2}-\d{2}(?:$|T)/;

export const actionsRule: JourneyRule = {
  rule: 'R4',
  title: 'tags and fields of actions are declared; updates fit the field type',
  check(ctx) {
    ctx.journey.points.forEach((p, i) => {
      const where = `"${p.id}"`;
      if (p.type === 'addTag' || p.type === 'removeTag') {
        checkDeclared(ctx, { kind: 'tag', name: p.tag, path: ['points', i, 'tag'], rule: 'R4', where, severity: 'warning' });
      } else if (p.type === 'updateField') {
        if (!checkDeclared(ctx, { kind: 'field', name: p.field, path: ['points', i, 'field'], rule: 'R4', where, severity: 'warning' })) return;
        const type = fieldType(ctx.journey, p.field);
        const v = p.value;
        const fits =
          type === undefined || type === 'string'
            ? true
            : type === 'number'
              ? typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
              : type === 'boolean'
                ? typeof v === 'boolean'
                : typeof v === 'string' && DATE_VALUE.test(v);
        if (!fits) {
          const expected = type === 'number' ? 'a number' : type === 'boolean' ? 'true or false' : 'a date such as "2026-01-31"';
          ctx.report({
            code: 'R4.field-value-type',
            rule: 'R4',
            severity: 'error',
            message: `"${p.id}" writes ${JSON.stringify(v)} into "${p.field}", a ${type} field: an update must write a value of the field's type (R4), here ${expected}. Change the value, or the field's declared type.`,
            path: ['points', i, 'value'],
            data: { field: p.field, fieldType: type, expected },
          });
        }
      }
    });
  },
};
