// The filter tree builder (R3): all / any / not groups over contact
// predicates, edited in place. Every change is one property edit at the
// exact path of the part that changed, so the rest of the tree (and its
// formatting) stays as it is.
import { defaultFilter } from '../../src/core/edits/newNodes';
import type { FieldChange } from '../../src/core/edits/journeyOperation';
import { arrayField, isObject, stringField } from '../../src/core/edits/nodeReferences';
import type { JsonPath } from '../../src/core/jsonDocument';
import type { Filter } from '../../src/core/schema';
import type { Declarations } from './declarations';
import { change } from './fieldChange';
import { Button, Dropdown, TextField } from './toolkit';
import { DeclaredField } from './valueFields';
import { type DeclareAndUse, declarer, NameField } from './NameField';

const FILTER_TYPES: { value: Filter['type']; label: string }[] = [
  { value: 'all', label: 'All of (AND)' },
  { value: 'any', label: 'Any of (OR)' },
  { value: 'not', label: 'Not' },
  { value: 'hasTag', label: 'Has tag' },
  { value: 'field', label: 'Field compare' },
  { value: 'memberOf', label: 'Member of list' },
  { value: 'inSegment', label: 'In segment' },
  { value: 'language', label: 'Language' },
  { value: 'campaignActivity', label: 'Campaign activity' },
  { value: 'emailEquals', label: 'Email is' },
  { value: 'nameEquals', label: 'Name is' },
];

const OPERATORS = ['exists', 'notExists', 'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'before', 'after', 'isToday', 'isAnniversary'] as const;
const NO_VALUE = new Set(['exists', 'notExists', 'isToday', 'isAnniversary']);

export interface FilterBuilderProps {
  /** The filter value (raw: it may not fit the schema yet). */
  filter: unknown;
  /** Where the filter is, relative to the edited node. */
  path: JsonPath;
  journey: unknown;
  declarations: Declarations;
  disabled: boolean;
  onChange(changes: FieldChange[]): void;
  /** Declares a name typed in the filter (and uses it there, in the same edit). */
  declare?: DeclareAndUse;
  /** Removes the whole filter (only offered at the root, when the filter is optional). */
  onRemove?: () => void;
}

/** Turns the value of a field compare into a number or boolean when it reads as one. */
function typedValue(raw: string, fieldType: string | undefined): string | number | boolean {
  if (fieldType === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (fieldType === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

export function FilterBuilder(props: FilterBuilderProps) {
  return (
    <div className="filter-builder" role="tree" aria-label="Filter">
      <FilterNode {...props} depth={0} />
    </div>
  );
}

function FilterNode(props: FilterBuilderProps & { depth: number; onDelete?: () => void }) {
  const { filter, path, disabled, declarations } = props;
  const type = (stringField(filter, 'type') ?? 'hasTag') as Filter['type'];
  const set = (rel: JsonPath, value: unknown) => props.onChange([change([...path, ...rel], value)]);
  const replace = (value: Filter) => props.onChange([change(path, value)]);

  const changeType = (next: string) => {
    const nextType = next as Filter['type'];
    if ((type === 'all' || type === 'any') && (nextType === 'all' || nextType === 'any')) return set(['type'], nextType);
    if (nextType === 'not') return replace({ type: 'not', filter: isObject(filter) && type !== 'not' ? (filter as Filter) : defaultFilter('hasTag', props.journey) });
    if ((nextType === 'all' || nextType === 'any') && type !== 'not') return replace({ type: nextType, of: [filter as Filter] });
    return replace(defaultFilter(nextType, props.journey));
  };

  const header = (
    <div className="filter-row">
      <Dropdown label={props.depth === 0 ? 'Condition' : 'Part'} name={`${path.join('.')}.type`} value={type} choices={FILTER_TYPES} disabled={disabled} onChange={changeType} />
      {props.onDelete && <Button appearance="icon" icon="trash" title="Remove this part" disabled={disabled} name="filter-remove" onClick={props.onDelete} />}
      {props.depth === 0 && props.onRemove && <Button appearance="icon" icon="close" title="Remove the filter" disabled={disabled} name="filter-remove-all" onClick={props.onRemove} />}
    </div>
  );

  let body: React.ReactNode = null;
  switch (type) {
    case 'all':
    case 'any': {
      const children = arrayField(filter, 'of');
      body = (
        <ul className="filter-children" role="group">
          {children.map((child, i) => (
            <li key={i} role="treeitem" aria-level={props.depth + 2}>
              <FilterNode {...props} filter={child} path={[...path, 'of', i]} depth={props.depth + 1} onRemove={undefined} onDelete={() => props.onChange([{ path: [...path, 'of', i] }])} />
            </li>
          ))}
          <li className="filter-add">
            <Button icon="add" disabled={disabled} name="filter-add" onClick={() => props.onChange([change([...path, 'of', children.length], defaultFilter('hasTag', props.journey), true)])}>
              Add condition
            </Button>
          </li>
        </ul>
      );
      break;
    }
    case 'not':
      body = (
        <div className="filter-children">
          <FilterNode {...props} filter={isObject(filter) ? filter['filter'] : undefined} path={[...path, 'filter']} depth={props.depth + 1} onRemove={undefined} onDelete={undefined} />
        </div>
      );
      break;
    case 'hasTag':
      body = <NameField label="Tag" name={`${path.join('.')}.tag`} section="tags" value={stringField(filter, 'tag') ?? ''} choices={declarations.tags} disabled={disabled} declare={declarer(props.declare, [...path, 'tag'])} onCommit={(v) => set(['tag'], v)} />;
      break;
    case 'field': {
      const fieldName = stringField(filter, 'field') ?? '';
      const fieldType = declarations.fields.find((f) => f.name === fieldName)?.type;
      const op = stringField(filter, 'op') ?? 'exists';
      const value = isObject(filter) ? filter['value'] : undefined;
      body = (
        <>
          <NameField label="Field" name={`${path.join('.')}.field`} section="fields" value={fieldName} choices={declarations.fields.map((f) => ({ value: f.name, label: `${f.name} (${f.type})` }))} disabled={disabled} declare={declarer(props.declare, [...path, 'field'])} onCommit={(v) => set(['field'], v)} />
          <Dropdown label="Compare" name="op" value={op} choices={OPERATORS.map((o) => ({ value: o, label: o }))} disabled={disabled} onChange={(v) => props.onChange(NO_VALUE.has(v) ? [{ path: [...path, 'op'], value: v }, { path: [...path, 'value'] }] : [{ path: [...path, 'op'], value: v }])} />
          {!NO_VALUE.has(op) && <TextField label="Value" name="value" value={value === undefined ? '' : String(value)} disabled={disabled} onCommit={(v) => set(['value'], typedValue(v, fieldType))} />}
        </>
      );
      break;
    }
    case 'memberOf':
      body = <NameField label="List" name={`${path.join('.')}.list`} section="lists" value={stringField(filter, 'list') ?? ''} choices={declarations.lists} disabled={disabled} declare={declarer(props.declare, [...path, 'list'])} onCommit={(v) => set(['list'], v)} />;
      break;
    case 'inSegment':
      body = <NameField label="Segment" name={`${path.join('.')}.segment`} section="segments" value={stringField(filter, 'segment') ?? ''} choices={declarations.segments} disabled={disabled} declare={declarer(props.declare, [...path, 'segment'])} onCommit={(v) => set(['segment'], v)} />;
      break;
    case 'language':
      body = <TextField label="Language code" name="language" value={stringField(filter, 'language') ?? ''} placeholder="de, en, pt-BR" disabled={disabled} onCommit={(v) => set(['language'], v)} />;
      break;
    case 'campaignActivity':
      body = (
        <>
          <NameField label="Campaign" name={`${path.join('.')}.campaign`} section="campaigns" value={stringField(filter, 'campaign') ?? ''} choices={declarations.campaigns} disabled={disabled} declare={declarer(props.declare, [...path, 'campaign'])} onCommit={(v) => set(['campaign'], v)} />
          <Dropdown label="Activity" name="activity" value={stringField(filter, 'activity') ?? 'opened'} choices={[{ value: 'opened', label: 'opened' }, { value: 'clicked', label: 'clicked' }, { value: 'notOpened', label: 'did not open' }]} disabled={disabled} onChange={(v) => set(['activity'], v)} />
        </>
      );
      break;
    case 'emailEquals':
      body = <TextField label="Email address" name="email" value={stringField(filter, 'email') ?? ''} disabled={disabled} onCommit={(v) => set(['email'], v)} />;
      break;
    case 'nameEquals':
      body = <TextField label="Name" name="name" value={stringField(filter, 'name') ?? ''} disabled={disabled} onCommit={(v) => set(['name'], v)} />;
      break;
  }
  return (
    <div className={`filter-node filter-${type}`} data-path={path.join('.')}>
      {header}
      {body}
    </div>
  );
}
