// Inspector fields for journey values: durations (number + unit, ISO 8601
// underneath), local date-times and times of day, IANA time zones, and ids
// the journey declares (a dropdown when it declares some, else free text).
import { useEffect, useId, useMemo, useRef } from 'react';
import { DAY, formatDuration, HOUR, MINUTE, parseDuration, SECOND, WEEK } from '../../src/core/durations';
import { type Choice, Dropdown, NumberField, TextField } from './toolkit';

const UNITS = [
  { unit: 'weeks', ms: WEEK, iso: (n: number) => `P${n}W` },
  { unit: 'days', ms: DAY, iso: (n: number) => `P${n}D` },
  { unit: 'hours', ms: HOUR, iso: (n: number) => `PT${n}H` },
  { unit: 'minutes', ms: MINUTE, iso: (n: number) => `PT${n}M` },
  { unit: 'seconds', ms: SECOND, iso: (n: number) => `PT${n}S` },
] as const;

/** A duration as an amount of its largest whole unit: P2D → 2 days, P2DT6H → 54 hours. */
export function durationParts(iso: string): { amount: number; unit: (typeof UNITS)[number]['unit'] } | undefined {
  const ms = parseDuration(iso);
  if (ms === undefined || ms === 0) return undefined;
  const u = UNITS.find((x) => ms % x.ms === 0) ?? UNITS[UNITS.length - 1]!;
  return { amount: ms / u.ms, unit: u.unit };
}

export function durationIso(amount: number, unit: string): string {
  const u = UNITS.find((x) => x.unit === unit) ?? UNITS[1];
  return u.iso(amount);
}

export function DurationField(props: { label: string; value: string; onCommit(iso: string): void; disabled?: boolean; name?: string }) {
  const parts = durationParts(props.value);
  if (!parts) {
    return <TextField label={`${props.label} (ISO 8601, e.g. P1D, PT12H)`} name={props.name} value={props.value} disabled={props.disabled} invalid={`"${props.value}" is not a duration`} onCommit={(v) => props.onCommit(v.trim())} />;
  }
  return (
    <fieldset className="field-group duration" data-field={props.name ?? props.label}>
      <legend>{props.label}</legend>
      <div className="row">
        <NumberField label="Amount" name={`${props.name ?? props.label}.amount`} value={parts.amount} min={1} integer disabled={props.disabled} onCommit={(n) => props.onCommit(durationIso(n, parts.unit))} />
        <Dropdown label="Unit" name={`${props.name ?? props.label}.unit`} value={parts.unit} disabled={props.disabled} choices={UNITS.map((u) => ({ value: u.unit, label: u.unit }))} onChange={(unit) => props.onCommit(durationIso(parts.amount, unit))} />
      </div>
      <div className="field-message">{formatDuration(parseDuration(props.value) ?? 0)} · {props.value}</div>
    </fieldset>
  );
}

/** A native date-time or time input, styled like the toolkit, committing on change. */
export function NativeInput(props: { label: string; type: 'datetime-local' | 'time' | 'text'; value: string; onCommit(value: string): void; disabled?: boolean; name?: string; list?: string }) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.value !== props.value && document.activeElement !== ref.current) ref.current.value = props.value;
  }, [props.value]);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>{props.label}</label>
      <input
        ref={ref}
        id={id}
        className="native-input"
        type={props.type}
        defaultValue={props.value}
        disabled={props.disabled}
        data-field={props.name ?? props.label}
        list={props.list}
        onBlur={(e) => e.currentTarget.value !== props.value && e.currentTarget.value && props.onCommit(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
    </div>
  );
}

let zones: string[] | undefined;
function timeZones(): string[] {
  if (!zones) {
    try {
      zones = (Intl as unknown as { supportedValuesOf(key: string): string[] }).supportedValuesOf('timeZone');
    } catch {
      zones = ['UTC'];
    }
    if (!zones.includes('UTC')) zones = ['UTC', ...zones];
  }
  return zones;
}

/** An IANA time zone, or (empty) the journey's own. */
export function TimeZoneField(props: { label: string; value: string | undefined; fallback: string; onCommit(zone: string | undefined): void; disabled?: boolean; name?: string }) {
  const choices = useMemo<Choice[]>(() => [{ value: '', label: `Journey time zone (${props.fallback})` }, ...timeZones().map((z) => ({ value: z, label: z }))], [props.fallback]);
  return <Dropdown label={props.label} name={props.name} value={props.value ?? ''} choices={choices} disabled={props.disabled} onChange={(v) => props.onCommit(v === '' ? undefined : v)} />;
}

/** An id the journey declares: a dropdown of the declared ones (and the current value), or a text field when there are none. */
export function DeclaredField(props: { label: string; value: string; choices: Choice[]; onCommit(value: string): void; disabled?: boolean; name?: string; placeholder?: string }) {
  if (props.choices.length === 0) return <TextField label={props.label} name={props.name} value={props.value} disabled={props.disabled} placeholder={props.placeholder} onCommit={props.onCommit} />;
  const known = props.choices.some((c) => c.value === props.value);
  const choices = known ? props.choices : [{ value: props.value, label: `${props.value || '(none)'} — not declared` }, ...props.choices];
  return <Dropdown label={props.label} name={props.name} value={props.value} choices={choices} disabled={props.disabled} onChange={props.onCommit} />;
}
