// Turns a journey (a sample) into the text of a new journey: a new id and
// name, a draft status and no publication, formatting kept (jsonc-parser
// `modify`), so "New journey" starts from any seed scenario.
import { applyEdits, type FormattingOptions, modify, parse } from 'jsonc-parser';

const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

export interface TemplateValues {
  id: string;
  name: string;
}

/** An id derived from a file name: `VIP Welcome.journey.json` → `vip-welcome`. */
export function journeyIdFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.journey\.json$/i, '');
  const id = base.toLowerCase().replace(/[^a-z0-9_.-]+/g, '-').replace(/^[^a-z_]+/, '').replace(/-+$/, '');
  return id || 'journey';
}

export function instantiateTemplate(templateText: string, values: TemplateValues): string {
  let text = templateText;
  const set = (path: (string | number)[], value: unknown) => {
    text = applyEdits(text, modify(text, path, value, { formattingOptions: FORMAT }));
  };
  const current = parse(text) as Record<string, unknown>;
  set(['id'], values.id);
  set(['name'], values.name);
  if ('$schema' in current) set(['$schema'], undefined);
  if ('publication' in current) set(['publication'], undefined);
  if ('status' in current) set(['status'], 'draft');
  if ('version' in current) set(['version'], 1);
  return text.endsWith('\n') ? text : text + '\n';
}

/** The smallest valid journey, for "Empty journey". */
export function emptyJourneyText(values: TemplateValues & { timeZone: string }): string {
  return (
    JSON.stringify(
      {
        formatVersion: 1,
        id: values.id,
        name: values.name,
        kind: 'trigger',
        status: 'draft',
        settings: { timeZone: values.timeZone, reEntry: { mode: 'never' } },
        startingPoints: [{ id: 'start', name: 'Joins the audience', trigger: { type: 'audienceJoined' }, next: 'done' }],
        points: [{ id: 'done', type: 'end', title: 'Done' }],
      },
      null,
      2,
    ) + '\n'
  );
}
