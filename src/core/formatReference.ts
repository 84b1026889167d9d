// Generates the file format reference (Markdown) from the JSON Schema that
// is itself generated from the zod schema, so the README's reference can
// never drift from what the validator accepts.
import { journeyJsonSchema } from './jsonSchema';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  description?: string;
  pattern?: string;
  additionalProperties?: JsonSchema | boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  format?: string;
  definitions?: Record<string, JsonSchema>;
};

interface Section {
  title: string;
  schema: JsonSchema;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeOf(s: JsonSchema, sectionOf: (s: JsonSchema, hint: string) => string | undefined, hint: string): string {
  if (s.$ref) return `[${s.$ref.split('/').pop()}](#${anchor(s.$ref.split('/').pop()!)})`;
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' | ');
  const union = s.oneOf ?? s.anyOf;
  if (union) {
    const linked = sectionOf(s, hint);
    return linked ?? union.map((o, i) => typeOf(o, sectionOf, `${hint} ${i + 1}`)).join(' or ');
  }
  if (s.type === 'array' && s.items) return `array of ${typeOf(s.items, sectionOf, hint)}`;
  if (s.type === 'object' && s.properties) return sectionOf(s, hint) ?? 'object';
  if (s.type === 'object' && typeof s.additionalProperties === 'object') return `map of ${typeOf(s.additionalProperties, sectionOf, hint)}`;
  return Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any');
}

function anchor(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The Markdown reference of the journey file format. */
export function journeyFormatReference(): string {
  const root = journeyJsonSchema() as JsonSchema;
  const sections: Section[] = [];
  const seen = new Map<JsonSchema, string>();
  const sectionOf = (s: JsonSchema, hint: string): string | undefined => {
    const existing = seen.get(s);
    if (existing) return `[${existing}](#${anchor(existing)})`;
    const title = titleCase(hint);
    seen.set(s, title);
    sections.push({ title, schema: s });
    return `[${title}](#${anchor(title)})`;
  };
  sections.push({ title: 'Journey', schema: root });
  seen.set(root, 'Journey');
  for (const [name, def] of Object.entries(root.definitions ?? {})) {
    seen.set(def, name);
    sections.push({ title: name, schema: def });
  }

  const out: string[] = [];
  for (let i = 0; i < sections.length; i++) {
    const { title, schema } = sections[i]!;
    out.push(`#### ${title}`, '');
    if (schema.description) out.push(schema.description, '');
    const variants = schema.oneOf ?? schema.anyOf;
    if (variants) {
      out.push(`One of (chosen by \`${discriminator(variants) ?? 'shape'}\`):`, '');
      for (const variant of variants) {
        const name = discriminator(variants) ? String(variant.properties?.[discriminator(variants)!]?.const) : undefined;
        out.push(`- ${name ? `\`${name}\`` : 'variant'}: ${propertyList(variant, sectionOf, `${title} ${name ?? ''}`.trim())}`);
      }
      out.push('');
      continue;
    }
    out.push('| Property | Type | Required | Description |', '| --- | --- | --- | --- |');
    for (const [key, prop] of Object.entries(schema.properties ?? {})) {
      out.push(`| \`${key}\` | ${cell(typeOf(prop, sectionOf, key))} | ${schema.required?.includes(key) ? 'yes' : ''} | ${cell(describe(prop))} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

function discriminator(variants: JsonSchema[]): string | undefined {
  const first = variants[0]?.properties;
  if (!first) return undefined;
  return Object.keys(first).find((k) => variants.every((v) => v.properties?.[k]?.const !== undefined));
}

function propertyList(variant: JsonSchema, sectionOf: (s: JsonSchema, hint: string) => string | undefined, hint: string): string {
  const d = discriminator([variant]);
  const props = Object.entries(variant.properties ?? {}).filter(([k, p]) => p.const === undefined || k !== d);
  if (props.length === 0) return 'no properties';
  return props.map(([k, p]) => `\`${k}\`${variant.required?.includes(k) ? '' : '?'} (${typeOf(p, sectionOf, `${hint} ${k}`)})${p.description ? ` — ${p.description}` : ''}`).join('; ');
}

function describe(s: JsonSchema): string {
  const parts = [s.description ?? s.items?.description ?? ''];
  if (s.pattern && !s.description && s.pattern.length <= 40) parts.push(`pattern \`${s.pattern}\``);
  return parts.filter(Boolean).join(' ');
}
