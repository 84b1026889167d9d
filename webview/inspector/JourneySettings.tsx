// The journey's settings on the map: platform, plan and limits (the plan's
// limits described from src/core/platformLimits.ts, the one source), time
// zone, re-entry, exit criteria, kind and segment entry, status. Each field
// is one property edit of the journey.
import type { FieldChange } from '../../src/core/edits/journeyOperation';
import type { JsonPath } from '../../src/core/jsonDocument';
import { arrayField, isObject, stringField } from '../../src/core/edits/nodeReferences';
import { PLAN_NAMES, PLATFORM_NAMES, planSummary } from '../../src/core/platformLimits';
import { type Plan, type Platform } from '../../src/core/schema';
import type { Declarations } from './declarations';
import { change } from './fieldChange';
import { FilterBuilder } from './FilterBuilder';
import { AwaitedEventFields } from './nodeForms';
import { defaultAwaitedEvent } from '../../src/core/edits/newNodes';
import { type DeclareAndUse, declarer, NameField } from './NameField';
import { Button, Dropdown, TextField } from './toolkit';
import { DurationField, NativeInput, TimeZoneField } from './valueFields';

const PLANS: Plan[] = ['free', 'essentials', 'standard', 'premium'];
/** An exit criterion holds a condition (checked whenever the contact's data changes) or waits for an event (R16). */
const EXIT_WHEN = [
  { value: 'condition', label: 'a condition holds' },
  { value: 'event', label: 'an event happens' },
];

/** A new exit criterion's condition: the contact no longer has the first declared tag. */
function defaultExitCondition(declarations: Declarations): unknown {
  return { type: 'not', filter: { type: 'hasTag', tag: declarations.tags[0]?.value ?? 'new tag' } };
}

/** Changes made relative to an exit criterion, as changes of the journey. */
function under(base: JsonPath, changes: FieldChange[]): FieldChange[] {
  return changes.map((c) => ({ ...c, path: [...base, ...c.path] }));
}
const PLATFORMS: Platform[] = ['mailchimp', 'dynamics', 'mailup', 'generic'];
const LIMIT_KINDS = [
  { key: 'startingPoints', label: 'Starting points at most' },
  { key: 'journeyPoints', label: 'Journey points at most' },
  { key: 'waitForEventRules', label: 'Wait-for-event rules at most' },
] as const;

export interface JourneySettingsProps {
  journey: Record<string, unknown>;
  declarations: Declarations;
  disabled: boolean;
  onChange(changes: FieldChange[]): void;
  declare: DeclareAndUse;
}

/** A whole number that may be left empty (then the property is removed). */
function OptionalCount(p: { label: string; name: string; value: unknown; disabled: boolean; onCommit(value: number | undefined): void }) {
  const text = typeof p.value === 'number' ? String(p.value) : '';
  const invalid = (raw: string) => raw.trim() !== '' && !(Number.isInteger(Number(raw)) && Number(raw) > 0);
  return (
    <TextField
      label={p.label}
      name={p.name}
      value={text}
      placeholder="no explicit limit"
      disabled={p.disabled}
      onCommit={(v) => {
        if (invalid(v)) return;
        p.onCommit(v.trim() === '' ? undefined : Number(v));
      }}
    />
  );
}

export function JourneySettings(p: JourneySettingsProps) {
  const j = p.journey;
  const settings = isObject(j['settings']) ? j['settings'] : {};
  const limits = isObject(settings['limits']) ? settings['limits'] : {};
  const reEntry = isObject(settings['reEntry']) ? settings['reEntry'] : {};
  const segmentEntry = isObject(j['segmentEntry']) ? j['segmentEntry'] : {};
  const schedule = isObject(segmentEntry['schedule']) ? segmentEntry['schedule'] : undefined;
  const platform = stringField(j, 'platform');
  const plan = stringField(settings, 'plan');
  const kind = stringField(j, 'kind') ?? 'trigger';
  const set = (path: (string | number)[], value: unknown) => p.onChange([change(path, value)]);
  const exitCriteria = arrayField(settings, 'exitCriteria');
  const status = stringField(j, 'status') ?? 'draft';
  const timeZone = stringField(settings, 'timeZone');

  return (
    <>
      <section className="inspector-section journey-settings" aria-label="Journey settings">
        <h3>Settings</h3>
        <Dropdown
          label="Platform"
          name="journey.platform"
          value={platform ?? ''}
          choices={[{ value: '', label: 'Not set (Mailchimp plans apply)' }, ...PLATFORMS.map((x) => ({ value: x, label: PLATFORM_NAMES[x] === 'generic' ? 'Generic' : PLATFORM_NAMES[x] }))]}
          disabled={p.disabled}
          onChange={(v) => set(['platform'], v === '' ? undefined : v)}
        />
        <Dropdown
          label="Plan"
          name="journey.plan"
          value={plan ?? ''}
          choices={[{ value: '', label: 'Not set (the default plan setting)' }, ...PLANS.map((x) => ({ value: x, label: `${PLAN_NAMES[x]}: ${planSummary(x)}` }))]}
          disabled={p.disabled}
          onChange={(v) => set(['settings', 'plan'], v === '' ? undefined : v)}
        />
        <fieldset className="field-group" data-field="journey.limits">
          <legend>Explicit limits (each overrides the plan)</legend>
          {LIMIT_KINDS.map((k) => (
            <OptionalCount key={k.key} label={k.label} name={`journey.limits.${k.key}`} value={limits[k.key]} disabled={p.disabled} onCommit={(v) => set(['settings', 'limits', k.key], v)} />
          ))}
        </fieldset>
        <TimeZoneField label="Time zone" name="journey.timeZone" value={timeZone} fallback="UTC" disabled={p.disabled} onCommit={(v) => set(['settings', 'timeZone'], v)} />
        <Dropdown
          label="Re-entry"
          name="journey.reEntry"
          value={stringField(reEntry, 'mode') ?? 'never'}
          choices={[
            { value: 'never', label: 'Never: a contact goes through once' },
            { value: 'afterCompletion', label: 'After completing the journey' },
            { value: 'afterCooldown', label: 'After a cooldown' },
          ]}
          disabled={p.disabled}
          onChange={(v) => set(['settings', 'reEntry'], v === 'afterCooldown' ? { mode: v, cooldown: 'P30D' } : { mode: v })}
        />
        {stringField(reEntry, 'mode') === 'afterCooldown' && (
          <DurationField label="Cooldown" name="journey.reEntry.cooldown" value={stringField(reEntry, 'cooldown') ?? ''} disabled={p.disabled} onCommit={(v) => set(['settings', 'reEntry', 'cooldown'], v)} />
        )}
        <Dropdown
          label="Status"
          name="journey.status"
          value={status}
          choices={status === 'published' ? [{ value: 'published', label: 'Published' }] : [{ value: 'draft', label: 'Draft' }, { value: 'readyToPublish', label: 'Ready to publish (checked before publishing)' }]}
          disabled={p.disabled || status === 'published'}
          onChange={(v) => set(['status'], v)}
        />
      </section>
      <section className="inspector-section" aria-label="Entry">
        <h3>How contacts enter</h3>
        <Dropdown
          label="Kind"
          name="journey.kind"
          value={kind}
          choices={[
            { value: 'trigger', label: 'Trigger-based: contacts enter on their activity' },
            { value: 'segment', label: 'Segment-based: a segment enters on a schedule' },
          ]}
          disabled={p.disabled}
          onChange={(v) => set(['kind'], v)}
        />
        {(kind === 'segment' || isObject(j['segmentEntry'])) && (
          <fieldset className="field-group" data-field="journey.segmentEntry">
            <legend>Segment entry</legend>
            <NameField label="Segment" name="journey.segmentEntry.segment" section="segments" value={stringField(segmentEntry, 'segment') ?? ''} choices={p.declarations.segments} disabled={p.disabled} declare={declarer(p.declare, ['segmentEntry', 'segment'])} onCommit={(v) => set(['segmentEntry', 'segment'], v)} />
            <Dropdown
              label="Schedule"
              name="journey.segmentEntry.schedule"
              value={stringField(schedule, 'type') ?? ''}
              choices={[
                { value: '', label: 'Not set' },
                { value: 'oneTimeStatic', label: 'Once: the segment as it is at the start' },
                { value: 'oneTimeRolling', label: 'Once, then whoever joins the segment' },
                { value: 'recurring', label: 'Recurring' },
              ]}
              disabled={p.disabled}
              onChange={(v) => set(['segmentEntry', 'schedule'], v === '' ? undefined : v === 'recurring' ? { type: v, every: 'P1W' } : { type: v })}
            />
            {stringField(schedule, 'type') === 'recurring' && (
              <DurationField label="Every" name="journey.segmentEntry.every" value={stringField(schedule, 'every') ?? ''} disabled={p.disabled} onCommit={(v) => set(['segmentEntry', 'schedule', 'every'], v)} />
            )}
            <NativeInput label="Start (local date and time)" name="journey.segmentEntry.start" type="datetime-local" value={stringField(segmentEntry, 'start') ?? ''} disabled={p.disabled} onCommit={(v) => set(['segmentEntry', 'start'], v)} />
            <TimeZoneField label="Start time zone" name="journey.segmentEntry.timeZone" value={stringField(segmentEntry, 'timeZone')} fallback={timeZone ?? 'UTC'} disabled={p.disabled} onCommit={(v) => set(['segmentEntry', 'timeZone'], v)} />
          </fieldset>
        )}
      </section>
      <section className="inspector-section" aria-label="Exit criteria">
        <h3>Leave the journey when…</h3>
        {exitCriteria.length === 0 && <p className="muted">No exit criteria: contacts leave only at an end or exit point.</p>}
        {exitCriteria.map((c, i) => {
          const base = ['settings', 'exitCriteria', i];
          return (
            <div key={i} className="exit-criterion" data-exit-criterion={i}>
              <div className="row">
                <TextField label="Id" name={`journey.exitCriteria.${i}.id`} value={stringField(c, 'id') ?? ''} disabled={p.disabled} onCommit={(v) => set([...base, 'id'], v.trim())} />
                <Button appearance="icon" icon="trash" title="Remove this exit criterion" name={`journey.exitCriteria.${i}.remove`} disabled={p.disabled} onClick={() => p.onChange([{ path: base }])} />
              </div>
              <Dropdown
                label="Leave when"
                name={`journey.exitCriteria.${i}.when`}
                value={stringField(c, 'when') ?? 'condition'}
                choices={EXIT_WHEN}
                disabled={p.disabled}
                onChange={(v) => {
                  const id = stringField(c, 'id') ?? `exit_${i + 1}`;
                  p.onChange([change(base, v === 'event' ? { id, when: 'event', event: defaultAwaitedEvent('purchase', j) } : { id, when: 'condition', condition: defaultExitCondition(p.declarations) })]);
                }}
              />
              {stringField(c, 'when') === 'event' && isObject(c) ? (
                <AwaitedEventFields
                  node={c}
                  journey={j}
                  declarations={p.declarations}
                  disabled={p.disabled}
                  journeyTimeZone={timeZone ?? 'UTC'}
                  onChange={(changes) => p.onChange(under(base, changes))}
                  {...(p.declare ? { declare: (section, entry, changes) => p.declare!(section, entry, changes && under(base, changes)) } : {})}
                />
              ) : (
                <FilterBuilder filter={isObject(c) ? c['condition'] : undefined} path={[...base, 'condition']} journey={j} declarations={p.declarations} disabled={p.disabled} onChange={p.onChange} declare={p.declare} />
              )}
            </div>
          );
        })}
        <Button
          icon="add"
          name="journey.exitCriteria.add"
          disabled={p.disabled}
          onClick={() => {
            const taken = new Set(exitCriteria.map((c) => stringField(c, 'id')));
            let n = exitCriteria.length + 1;
            while (taken.has(`exit_${n}`)) n++;
            const criterion = { id: `exit_${n}`, when: 'condition', condition: defaultExitCondition(p.declarations) };
            p.onChange([Array.isArray(settings['exitCriteria']) ? change(['settings', 'exitCriteria', exitCriteria.length], criterion, true) : change(['settings', 'exitCriteria'], [criterion])]);
          }}
        >
          Add exit criterion
        </Button>
      </section>
    </>
  );
}
