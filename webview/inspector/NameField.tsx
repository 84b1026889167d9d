// A field naming something the journey declares (a tag, list, segment,
// field, form, campaign or content item): a choice of the declared ones,
// "Declare a new …" to name a new one (declared and used in one edit), and,
// when the value is not declared yet, "Declare “…”" beside it.
import { useState } from 'react';
import type { DeclarationSection } from '../../src/core/edits/declarationOperations';
import { DECLARATION_NOUNS, newDeclaration } from '../../src/core/edits/declarationOperations';
import type { FieldChange } from '../../src/core/edits/journeyOperation';
import type { JsonPath } from '../../src/core/jsonDocument';
import { Button, type Choice, Dropdown, TextField } from './toolkit';

/** Declares `entry` in `section`; with `value`, also sets the field to the new name in the same edit. */
export type Declare = (section: DeclarationSection, entry: unknown, value?: string) => void;

/** The choice that names a new entry (not a valid id; a tag of this exact text is not expected). */
const NEW = '+declare-new';

export interface NameFieldProps {
  label: string;
  name: string;
  value: string;
  choices: Choice[];
  section: DeclarationSection;
  /** The entry a new name is declared as (default: the section's plain entry). */
  entryFor?: (name: string) => unknown;
  /** The empty value means something (e.g. "the whole audience"): offered as a choice. */
  emptyChoice?: string;
  disabled: boolean;
  onCommit(value: string): void;
  declare?: Declare;
}

export function NameField(p: NameFieldProps) {
  const [naming, setNaming] = useState(false);
  const noun = DECLARATION_NOUNS[p.section];
  const entryFor = p.entryFor ?? ((n: string) => newDeclaration(p.section, n));
  const declared = p.choices.some((c) => c.value === p.value);
  const choices: Choice[] = [
    ...(p.emptyChoice !== undefined ? [{ value: '', label: p.emptyChoice }] : []),
    ...(!declared && p.value !== '' ? [{ value: p.value, label: `${p.value} — not declared` }] : []),
    ...p.choices,
    ...(p.declare ? [{ value: NEW, label: `Declare a new ${noun}…` }] : []),
  ];
  return (
    <div className="name-field" data-name-field={p.name}>
      <Dropdown
        label={p.label}
        name={p.name}
        value={naming ? NEW : p.value}
        choices={choices}
        disabled={p.disabled}
        onChange={(v) => {
          if (v === NEW) setNaming(true);
          else {
            setNaming(false);
            p.onCommit(v);
          }
        }}
      />
      {naming && p.declare && (
        <TextField
          label={`New ${noun}`}
          name={`${p.name}.new`}
          value=""
          disabled={p.disabled}
          onCommit={(v) => {
            const name = v.trim();
            if (!name) return;
            setNaming(false);
            p.declare!(p.section, entryFor(name), name);
          }}
        />
      )}
      {!naming && !declared && p.value !== '' && p.declare && (
        <div className="row declare-row">
          <span className="muted">The journey does not declare the {noun} “{p.value}”.</span>
          <Button icon="add" name={`${p.name}.declare`} disabled={p.disabled} onClick={() => p.declare!(p.section, entryFor(p.value))}>
            Declare “{p.value}”
          </Button>
        </div>
      )}
    </div>
  );
}

/** Declares `entry` in `section` and applies `changes` (setting the field to it) in the same edit. */
export type DeclareAndUse = (section: DeclarationSection, entry: unknown, changes?: FieldChange[]) => void;

/** The `declare` of a NameField whose value lives at `path` of the edited node. */
export function declarer(declareAndUse: DeclareAndUse | undefined, path: JsonPath): Declare | undefined {
  if (!declareAndUse) return undefined;
  // A plain change, never merged with typed text: the new name replaces what the field held.
  return (section, entry, value) => declareAndUse(section, entry, value === undefined ? undefined : [{ path: [...path], value }]);
}
