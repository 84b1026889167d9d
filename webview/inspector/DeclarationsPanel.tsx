// What the journey declares, on the map: tags, lists, segments, fields,
// campaigns, forms and content items, each listed with its properties
// (edited in place), removable, and a field to declare a new one. Adding
// and removing are `declare` / `undeclare` edits; a property is a
// `setFields` edit of the journey at the entry's path.
import { useState } from 'react';
import { DECLARATION_NOUNS, DECLARATION_SECTIONS, type DeclarationSection, declarationKey, newDeclaration } from '../../src/core/edits/declarationOperations';
import type { FieldChange, JourneyOperation } from '../../src/core/edits/journeyOperation';
import { arrayField, isObject, stringField } from '../../src/core/edits/nodeReferences';
import type { Declarations } from './declarations';
import { change } from './fieldChange';
import { Button, Checkbox, Dropdown, TextField } from './toolkit';

const TITLES: Record<DeclarationSection, string> = {
  lists: 'Lists',
  segments: 'Segments',
  tags: 'Tags',
  fields: 'Contact fields',
  campaigns: 'Campaigns',
  forms: 'Forms',
  content: 'Content',
};

export interface DeclarationsPanelProps {
  journey: Record<string, unknown>;
  declarations: Declarations;
  disabled: boolean;
  onEdit(op: JourneyOperation): void;
}

export function DeclarationsPanel(p: DeclarationsPanelProps) {
  return (
    <section className="inspector-section declarations" aria-label="Declarations">
      <h3>Declarations</h3>
      <p className="muted hint">What the journey's points and filters may name.</p>
      {DECLARATION_SECTIONS.map((section) => (
        <DeclarationSectionView key={section} section={section} {...p} />
      ))}
    </section>
  );
}

function DeclarationSectionView(p: DeclarationsPanelProps & { section: DeclarationSection }) {
  const { section } = p;
  const entries = arrayField(p.journey, section);
  const [channel, setChannel] = useState<'email' | 'sms'>('email');
  const fields = (changes: FieldChange[]) => p.onEdit({ op: 'setFields', target: { kind: 'journey' }, changes });
  const noun = DECLARATION_NOUNS[section];
  return (
    <details className="declaration-section" data-section={section} open>
      <summary>
        {TITLES[section]} <span className="muted">({entries.length})</span>
      </summary>
      {section === 'tags' ? (
        <ul className="tag-list">
          {entries.map((t, i) => (
            <li key={`${i}:${String(t)}`} className="tag-chip" data-tag={String(t)}>
              <span>{String(t)}</span>
              <Button appearance="icon" icon="close" title={`Remove the tag “${String(t)}”`} name={`decl.tags.remove.${String(t)}`} disabled={p.disabled} onClick={() => p.onEdit({ op: 'undeclare', section, key: String(t) })} />
            </li>
          ))}
        </ul>
      ) : (
        <ul className="declaration-list">
          {entries.map((entry, i) => {
            const key = declarationKey(section, entry) ?? '';
            return (
              <li key={`${i}:${key}`} className="declaration" data-key={key}>
                <div className="row declaration-head">
                  <strong>{key}</strong>
                  <Button appearance="icon" icon="trash" title={`Remove the ${noun} “${key}”`} name={`decl.${section}.remove.${key}`} disabled={p.disabled} onClick={() => p.onEdit({ op: 'undeclare', section, key })} />
                </div>
                <EntryFields section={section} entry={entry} index={i} declarations={p.declarations} disabled={p.disabled} onChange={fields} />
              </li>
            );
          })}
        </ul>
      )}
      <div className="row declaration-add">
        {section === 'content' && (
          <Dropdown label="Channel" name="decl.content.channel" value={channel} choices={[{ value: 'email', label: 'Email' }, { value: 'sms', label: 'SMS' }]} disabled={p.disabled} onChange={(v) => setChannel(v as 'email' | 'sms')} />
        )}
        <TextField
          label={`Declare a ${noun}`}
          name={`decl.${section}.new`}
          value=""
          placeholder={section === 'tags' || section === 'fields' ? 'name' : 'id'}
          disabled={p.disabled}
          onCommit={(v) => {
            const name = v.trim();
            if (name) p.onEdit({ op: 'declare', section, entry: newDeclaration(section, name, channel) as never });
          }}
        />
      </div>
    </details>
  );
}

function EntryFields(p: { section: DeclarationSection; entry: unknown; index: number; declarations: Declarations; disabled: boolean; onChange(changes: FieldChange[]): void }) {
  const { section, entry, index } = p;
  const at = (key: string) => [section, index, key];
  const name = `decl.${section}.${index}`;
  const optionalText = (key: string, label: string) => (
    <TextField label={label} name={`${name}.${key}`} value={stringField(entry, key) ?? ''} disabled={p.disabled} onCommit={(v) => p.onChange([change(at(key), v === '' ? undefined : v)])} />
  );
  switch (section) {
    case 'lists':
      return (
        <>
          {optionalText('name', 'Name')}
          <Dropdown label="Kind" name={`${name}.kind`} value={stringField(entry, 'kind') ?? 'marketing'} choices={[{ value: 'marketing', label: 'Marketing (needs consent)' }, { value: 'transactional', label: 'Transactional' }]} disabled={p.disabled} onChange={(v) => p.onChange([change(at('kind'), v)])} />
        </>
      );
    case 'segments':
      return (
        <>
          {optionalText('name', 'Name')}
          {optionalText('description', 'Description')}
        </>
      );
    case 'fields':
      return (
        <Dropdown
          label="Type"
          name={`${name}.type`}
          value={stringField(entry, 'type') ?? 'string'}
          choices={['string', 'number', 'boolean', 'date'].map((t) => ({ value: t, label: t }))}
          disabled={p.disabled}
          onChange={(v) => p.onChange([change(at('type'), v)])}
        />
      );
    case 'campaigns':
    case 'forms':
      return optionalText('name', 'Name');
    case 'content': {
      const links = arrayField(entry, 'links').filter((l): l is string => typeof l === 'string');
      const email = stringField(entry, 'channel') !== 'sms';
      return (
        <>
          <Dropdown label="Channel" name={`${name}.channel`} value={stringField(entry, 'channel') ?? 'email'} choices={[{ value: 'email', label: 'Email' }, { value: 'sms', label: 'SMS' }]} disabled={p.disabled} onChange={(v) => p.onChange([change(at('channel'), v)])} />
          {optionalText('name', 'Name')}
          {email && optionalText('subject', 'Subject')}
          <Dropdown label="Status" name={`${name}.status`} value={stringField(entry, 'status') ?? 'draft'} choices={[{ value: 'draft', label: 'Draft' }, { value: 'ready', label: 'Ready' }]} disabled={p.disabled} onChange={(v) => p.onChange([change(at('status'), v)])} />
          <Dropdown
            label="Consent list"
            name={`${name}.list`}
            value={stringField(entry, 'list') ?? ''}
            choices={[{ value: '', label: 'None' }, ...p.declarations.lists]}
            disabled={p.disabled}
            onChange={(v) => p.onChange([change(at('list'), v === '' ? undefined : v)])}
          />
          <Checkbox label="Transactional (sent regardless of marketing consent)" checked={isObject(entry) && entry['transactional'] === true} disabled={p.disabled} onChange={(c) => p.onChange([change(at('transactional'), c ? true : undefined)])} />
          {email && (
            <TextField
              label="Links (comma-separated)"
              name={`${name}.links`}
              value={links.join(', ')}
              disabled={p.disabled}
              onCommit={(v) => {
                const next = v.split(',').map((l) => l.trim()).filter(Boolean);
                p.onChange([change(at('links'), next.length > 0 ? next : undefined)]);
              }}
            />
          )}
        </>
      );
    }
    default:
      return null;
  }
}
