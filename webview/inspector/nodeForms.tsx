// The inspector forms of a starting point (trigger R2, filter R3) and of
// each journey point type (R4, R9-R13): every field edits its own property.
import { defaultAwaitedEvent, defaultTrigger } from '../../src/core/edits/newNodes';
import type { FieldChange } from '../../src/core/edits/journeyOperation';
import { isObject, stringField } from '../../src/core/edits/nodeReferences';
import { POINT_TYPE_LABELS } from '../../src/core/pointSummary';
import { TRIGGER_TYPES, type AwaitedEvent, type TriggerType } from '../../src/core/schema';
import type { Declarations } from './declarations';
import { change } from './fieldChange';
import { FilterBuilder } from './FilterBuilder';
import { Button, Dropdown, NumberField, TextField } from './toolkit';
import { DeclaredField, DurationField, NativeInput, TimeZoneField } from './valueFields';
import { type DeclareAndUse, declarer, NameField } from './NameField';

export const TRIGGER_LABELS: Record<TriggerType, string> = {
  audienceJoined: 'Joins the audience or a list',
  tagAdded: 'Tag added',
  tagRemoved: 'Tag removed',
  customEvent: 'Custom event',
  formSubmitted: 'Form submitted',
  campaignActivity: 'Campaign activity',
  dateField: 'Date field (e.g. birthday)',
  segmentEntered: 'Enters a segment',
  api: 'API call',
};

export interface FormProps {
  node: Record<string, unknown>;
  journey: unknown;
  declarations: Declarations;
  disabled: boolean;
  /** The journey's time zone, shown as the default. */
  journeyTimeZone: string;
  onChange(changes: FieldChange[]): void;
  /** Declares a name where it is typed (and uses it there, in the same edit). */
  declare?: DeclareAndUse;
}

const tagChoices = (d: Declarations) => d.tags;
const fieldChoices = (d: Declarations, type?: string) => d.fields.filter((f) => !type || f.type === type).map((f) => ({ value: f.name, label: `${f.name} (${f.type})` }));

const str = (v: unknown, key: string) => stringField(v, key) ?? '';

export function StartingPointForm(p: FormProps) {
  const trigger = p.node['trigger'];
  const type = (stringField(trigger, 'type') ?? 'api') as TriggerType;
  const set = (key: string, value: unknown) => p.onChange([change(['trigger', key], value)]);
  let fields: React.ReactNode = null;
  switch (type) {
    case 'audienceJoined':
      fields = <NameField label="List" name="trigger.list" section="lists" value={str(trigger, 'list')} emptyChoice="The whole audience" choices={p.declarations.lists} disabled={p.disabled} declare={declarer(p.declare, ['trigger', 'list'])} onCommit={(v) => set('list', v === '' ? undefined : v)} />;
      break;
    case 'tagAdded':
    case 'tagRemoved':
      fields = <NameField label="Tag" name="trigger.tag" section="tags" value={str(trigger, 'tag')} choices={tagChoices(p.declarations)} disabled={p.disabled} declare={declarer(p.declare, ['trigger', 'tag'])} onCommit={(v) => set('tag', v)} />;
      break;
    case 'customEvent':
      fields = <TextField label="Event name" name="trigger.name" value={str(trigger, 'name')} disabled={p.disabled} onCommit={(v) => set('name', v)} />;
      break;
    case 'formSubmitted':
      fields = <NameField label="Form" name="trigger.form" section="forms" value={str(trigger, 'form')} choices={p.declarations.forms} disabled={p.disabled} declare={declarer(p.declare, ['trigger', 'form'])} onCommit={(v) => set('form', v)} />;
      break;
    case 'campaignActivity':
      fields = (
        <>
          <NameField label="Campaign" name="trigger.campaign" section="campaigns" value={str(trigger, 'campaign')} choices={p.declarations.campaigns} disabled={p.disabled} declare={declarer(p.declare, ['trigger', 'campaign'])} onCommit={(v) => set('campaign', v)} />
          <Dropdown label="Activity" name="trigger.activity" value={str(trigger, 'activity') || 'opened'} choices={[{ value: 'opened', label: 'opened' }, { value: 'clicked', label: 'clicked' }, { value: 'notOpened', label: 'did not open' }]} disabled={p.disabled} onChange={(v) => set('activity', v)} />
        </>
      );
      break;
    case 'dateField':
      fields = (
        <>
          <NameField label="Date field" name="trigger.field" section="fields" value={str(trigger, 'field')} choices={fieldChoices(p.declarations, 'date')} entryFor={(name) => ({ name, type: 'date' })} disabled={p.disabled} declare={declarer(p.declare, ['trigger', 'field'])} onCommit={(v) => set('field', v)} />
          <NativeInput label="At (time of day)" name="trigger.time" type="time" value={str(trigger, 'time')} disabled={p.disabled} onCommit={(v) => set('time', v)} />
          <TimeZoneField label="Time zone" name="trigger.timeZone" value={stringField(trigger, 'timeZone')} fallback={p.journeyTimeZone} disabled={p.disabled} onCommit={(v) => set('timeZone', v)} />
        </>
      );
      break;
    case 'segmentEntered':
      fields = <NameField label="Segment" name="trigger.segment" section="segments" value={str(trigger, 'segment')} choices={p.declarations.segments} disabled={p.disabled} declare={declarer(p.declare, ['trigger', 'segment'])} onCommit={(v) => set('segment', v)} />;
      break;
    case 'api':
      fields = <TextField label="Description" name="trigger.description" value={str(trigger, 'description')} disabled={p.disabled} onCommit={(v) => set('description', v === '' ? undefined : v)} />;
      break;
  }
  const filter = p.node['filter'];
  return (
    <>
      <section className="inspector-section" aria-label="Trigger">
        <h3 title="Rule R2: one trigger per starting point">Trigger</h3>
        <Dropdown label="Starts when" name="trigger.type" value={type} choices={TRIGGER_TYPES.map((t) => ({ value: t, label: TRIGGER_LABELS[t] }))} disabled={p.disabled} onChange={(v) => p.onChange([change(['trigger'], defaultTrigger(v as TriggerType, p.journey))])} />
        {fields}
      </section>
      <section className="inspector-section" aria-label="Filter">
        <h3 title="Rule R3: the filter is checked when the trigger fires">Only contacts who…</h3>
        {isObject(filter) ? (
          <FilterBuilder filter={filter} path={['filter']} journey={p.journey} declarations={p.declarations} disabled={p.disabled} onChange={p.onChange} declare={p.declare} onRemove={() => p.onChange([change(['filter'])])} />
        ) : (
          <Button icon="filter" name="add-filter" disabled={p.disabled} onClick={() => p.onChange([change(['filter'], { type: 'all', of: [{ type: 'hasTag', tag: p.declarations.tags[0]?.value ?? 'new tag' }] })])}>
            Add a filter
          </Button>
        )}
      </section>
    </>
  );
}

const EVENT_TYPES: { value: AwaitedEvent['type']; label: string }[] = [
  { value: 'emailOpened', label: 'Email opened' },
  { value: 'emailClicked', label: 'Email link clicked' },
  { value: 'formSubmitted', label: 'Form submitted' },
  { value: 'purchase', label: 'Purchase' },
  { value: 'tagAdded', label: 'Tag added' },
  { value: 'customEvent', label: 'Custom event' },
];

/** The fields of an awaited event at `event` of the edited object (a wait-for-event point, an exit criterion). */
export function AwaitedEventFields(p: FormProps) {
  const event = p.node['event'];
  const type = (stringField(event, 'type') ?? 'emailOpened') as AwaitedEvent['type'];
  const set = (key: string, value: unknown) => p.onChange([change(['event', key], value)]);
  const watched = str(event, 'point');
  const links = p.declarations.linksOfContent.get(p.declarations.contentOfPoint.get(watched) ?? '') ?? [];
  return (
    <>
      <Dropdown label="Wait for" name="event.type" value={type} choices={EVENT_TYPES} disabled={p.disabled} onChange={(v) => p.onChange([change(['event'], defaultAwaitedEvent(v as AwaitedEvent['type'], p.journey, watched || undefined))])} />
      {(type === 'emailOpened' || type === 'emailClicked') && (
        <DeclaredField label="Email sent by" name="event.point" value={watched} choices={p.declarations.emailPoints} disabled={p.disabled} onCommit={(v) => set('point', v)} />
      )}
      {type === 'emailClicked' && (
        <DeclaredField label="Link (empty: any link)" name="event.link" value={str(event, 'link')} choices={[{ value: '', label: 'Any link' }, ...links.map((l) => ({ value: l, label: l }))]} disabled={p.disabled} onCommit={(v) => set('link', v === '' ? undefined : v)} />
      )}
      {type === 'formSubmitted' && <NameField label="Form" name="event.form" section="forms" value={str(event, 'form')} choices={p.declarations.forms} disabled={p.disabled} declare={declarer(p.declare, ['event', 'form'])} onCommit={(v) => set('form', v)} />}
      {type === 'purchase' && <TextField label="Product (empty: any)" name="event.product" value={str(event, 'product')} disabled={p.disabled} onCommit={(v) => set('product', v === '' ? undefined : v)} />}
      {type === 'tagAdded' && <NameField label="Tag" name="event.tag" section="tags" value={str(event, 'tag')} choices={tagChoices(p.declarations)} disabled={p.disabled} declare={declarer(p.declare, ['event', 'tag'])} onCommit={(v) => set('tag', v)} />}
      {type === 'customEvent' && <TextField label="Event name" name="event.name" value={str(event, 'name')} disabled={p.disabled} onCommit={(v) => set('name', v)} />}
    </>
  );
}

export function PointForm(p: FormProps) {
  const type = str(p.node, 'type');
  const set = (key: string, value: unknown) => p.onChange([change([key], value)]);
  switch (type) {
    case 'sendEmail':
      return <NameField label="Email content" name="content" section="content" value={str(p.node, 'content')} choices={p.declarations.emailContent} entryFor={(id) => ({ id, channel: 'email', status: 'draft' })} disabled={p.disabled} declare={declarer(p.declare, ['content'])} onCommit={(v) => set('content', v)} />;
    case 'sendSms':
      return (
        <>
          <NameField label="SMS content" name="content" section="content" value={str(p.node, 'content')} choices={p.declarations.smsContent} entryFor={(id) => ({ id, channel: 'sms', status: 'draft' })} disabled={p.disabled} declare={declarer(p.declare, ['content'])} onCommit={(v) => set('content', v)} />
          <TextField label="Phone field (empty: phone)" name="phoneField" value={str(p.node, 'phoneField')} disabled={p.disabled} onCommit={(v) => set('phoneField', v === '' ? undefined : v)} />
        </>
      );
    case 'addTag':
    case 'removeTag':
      return <NameField label="Tag" name="tag" section="tags" value={str(p.node, 'tag')} choices={tagChoices(p.declarations)} disabled={p.disabled} declare={declarer(p.declare, ['tag'])} onCommit={(v) => set('tag', v)} />;
    case 'updateField': {
      const fieldName = str(p.node, 'field');
      const fieldType = p.declarations.fields.find((f) => f.name === fieldName)?.type;
      const value = p.node['value'];
      return (
        <>
          <NameField label="Field" name="field" section="fields" value={fieldName} choices={fieldChoices(p.declarations)} disabled={p.disabled} declare={declarer(p.declare, ['field'])} onCommit={(v) => set('field', v)} />
          {fieldType === 'boolean' ? (
            <Dropdown label="Value" name="value" value={String(value)} choices={[{ value: 'true', label: 'true' }, { value: 'false', label: 'false' }]} disabled={p.disabled} onChange={(v) => set('value', v === 'true')} />
          ) : fieldType === 'number' ? (
            <NumberField label="Value" name="value" value={typeof value === 'number' ? value : undefined} disabled={p.disabled} onCommit={(n) => set('value', n)} />
          ) : (
            <TextField label="Value" name="value" value={value === undefined ? '' : String(value)} disabled={p.disabled} onCommit={(v) => set('value', v)} />
          )}
        </>
      );
    }
    case 'subscribeList':
    case 'unsubscribeList':
      return <NameField label="List" name="list" section="lists" value={str(p.node, 'list')} choices={p.declarations.lists} disabled={p.disabled} declare={declarer(p.declare, ['list'])} onCommit={(v) => set('list', v)} />;
    case 'webhook':
      return (
        <>
          <TextField label="URL" name="url" value={str(p.node, 'url')} disabled={p.disabled} onCommit={(v) => set('url', v)} />
          <Dropdown label="Method" name="method" value={str(p.node, 'method') || 'POST'} choices={[{ value: 'POST', label: 'POST' }, { value: 'PUT', label: 'PUT' }]} disabled={p.disabled} onChange={(v) => set('method', v)} />
        </>
      );
    case 'exit':
      return <TextField label="Reason" name="reason" value={str(p.node, 'reason')} disabled={p.disabled} onCommit={(v) => set('reason', v === '' ? undefined : v)} />;
    case 'ifElse':
      return (
        <section className="inspector-section" aria-label="Condition">
          <h3 title="Rule R12: evaluated on the contact's data when the contact arrives">If (checked on arrival)</h3>
          <FilterBuilder filter={p.node['condition']} path={['condition']} journey={p.journey} declarations={p.declarations} disabled={p.disabled} onChange={p.onChange} declare={p.declare} />
        </section>
      );
    case 'wait':
      return <DurationField label="Wait for" name="duration" value={str(p.node, 'duration')} disabled={p.disabled} onCommit={(v) => set('duration', v)} />;
    case 'waitUntil':
      return (
        <>
          <NativeInput label="Until (local date and time)" name="at" type="datetime-local" value={str(p.node, 'at')} disabled={p.disabled} onCommit={(v) => set('at', v)} />
          <TimeZoneField label="Time zone" name="timeZone" value={stringField(p.node, 'timeZone')} fallback={p.journeyTimeZone} disabled={p.disabled} onCommit={(v) => set('timeZone', v)} />
        </>
      );
    case 'waitForEvent':
      return (
        <>
          <AwaitedEventFields {...p} />
          <DurationField label="Timeout" name="timeout" value={str(p.node, 'timeout')} disabled={p.disabled} onCommit={(v) => set('timeout', v)} />
        </>
      );
    case 'split':
      return null; // the branches editor shows the shares with the successors
    case 'end':
      return <p className="muted">Contacts who reach this point complete the journey.</p>;
    default:
      return <p className="muted">{type in POINT_TYPE_LABELS ? '' : `"${type}" is not a point type; fix it in the text, or change the type above.`}</p>;
  }
}
