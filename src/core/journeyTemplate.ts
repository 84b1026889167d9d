// The journey templates "New Journey" offers, and turning one into the text
// of a new journey: a new id and name, a draft status and no publication,
// formatting kept (jsonc-parser `modify`). Also the id and file name a
// journey's name gives.
import { applyEdits, type FormattingOptions, modify, parse } from 'jsonc-parser';

const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

export interface JourneyTemplate {
  /** The template's key: its file in the extension's `samples/` is `<key>.journey.json`. */
  key: string;
  /** What a marketer picks. */
  label: string;
  /** One sentence on what the journey does. */
  detail: string;
}

/**
 * The product's own templates, in the order they are offered. A fixed list,
 * not a folder listing: journeys a user saves never become templates, and
 * VS Code for the Web (where the extension's folder cannot be listed) gets
 * the same set.
 */
export const JOURNEY_TEMPLATES: readonly JourneyTemplate[] = [
  {
    key: 'mailchimp-vip-welcome',
    label: 'Welcome VIPs and major donors',
    detail: 'Three ways in (tag VIP, tag major donor, joins the audience): a welcome email, then after three days early access for those who clicked the preview sale and a brand story for the others.',
  },
  {
    key: 'birthday-german',
    label: 'Birthday greeting with a coupon',
    detail: 'Every year on the birthday, for contacts who speak German: a greeting with a coupon, a reminder before it expires if they have not bought.',
  },
  {
    key: 'dynamics-product-announcement',
    label: 'Product announcement to a segment',
    detail: 'Top customers get the announcement; whoever clicks the product link within a day gets an SMS on launch day.',
  },
  {
    key: 'mailup-webform-nurture',
    label: 'Nurture after a web-form sign-up',
    detail: 'An email every two days on the topics chosen in the form; a purchase ends the nurture.',
  },
  {
    key: 'preference-center',
    label: 'Order follow-up that respects preferences',
    detail: 'Order confirmation, tips, news and an offer, each on its own list, capped by the frequency the subscriber chose.',
  },
];

/** Letters that Unicode does not decompose into a base letter and a mark, spelled in ASCII. */
const SPELLED_OUT: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŀ: 'l', ħ: 'h' };

/** `Geburtstagsgrüße` → `Geburtstagsgrusse`: accents dropped, special letters spelled out. */
export function transliterate(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđðþıŀħ]/giu, (c) => {
      const lower = SPELLED_OUT[c.toLowerCase()] ?? c;
      return c === c.toLowerCase() ? lower : lower.toUpperCase();
    });
}

/** The name of a journey file without its `.journey.json` (however often it was added) or `.json`. */
export function journeyBaseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/s, '').replace(/(\.journey)?(\.json)?(\.journey\.json)*$/i, '');
}

/** The file a journey named `name` is saved in by default: `Geburtstagsgrüße` → `geburtstagsgrusse.journey.json`. */
export function journeyFileName(name: string): string {
  return `${journeyIdFromFileName(name)}.journey.json`;
}

/** A journey file's path with exactly one `.journey.json` ending (save dialogs may add one, or drop it). */
export function withJourneyExtension(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return `${path.slice(0, slash + 1)}${journeyBaseName(path.slice(slash + 1))}.journey.json`;
}

export interface TemplateValues {
  id: string;
  name: string;
}

/** An id derived from a file name or a journey name: `VIP Welcome.journey.json` → `vip-welcome`, `Geburtstagsgrüße` → `geburtstagsgrusse`. */
export function journeyIdFromFileName(fileName: string): string {
  const base = transliterate(journeyBaseName(fileName));
  const id = base.toLowerCase().replace(/[^a-z0-9_.-]+/g, '-').replace(/^[^a-z_]+/, '').replace(/[-.]+$/, '');
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
