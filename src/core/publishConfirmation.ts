// R21: publishing is confirmed by the person, after being told what will
// happen and every warning. This builds that message for a journey that
// passed the publish gate: what publishing does (freezes version N, writes
// the compiled journey and its Restate service, from when contacts can
// enter), and every warning: the validator's own, and the instants that
// are already past at the moment of publishing (a segment start runs its
// first entry at once; a wait-until lets contacts through at once; a
// recurring schedule's end means no run at all). The VS Code command shows
// it in a modal dialog; the CLI prints it and asks (or needs --yes). Pure.
import type { JourneyDiagnostic } from './diagnostic';
import type { Journey } from './schema';
import { isIanaTimeZone, localDateTimeToEpochMs } from './timeZones';

export interface PublishConfirmation {
  /** One line: "Publish "X" as version N?" */
  question: string;
  /** What publishing will do, one sentence a line. */
  consequences: string[];
  /** Every warning the person must see before confirming, one sentence each. */
  warnings: string[];
}

function zoneOf(journey: Journey, own?: string): string {
  for (const zone of [own, journey.settings?.timeZone]) if (zone !== undefined) return isIanaTimeZone(zone) ? zone : 'UTC';
  return 'UTC';
}

function shortInstant(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** The instants of the journey that are at or before `now`, in words. */
export function pastInstantWarnings(journey: Journey, now: Date): string[] {
  const warnings: string[] = [];
  const nowMs = now.getTime();
  const entry = journey.segmentEntry;
  if (journey.kind === 'segment' && entry) {
    const zone = zoneOf(journey, entry.timeZone);
    const start = entry.start !== undefined ? localDateTimeToEpochMs(entry.start, zone) : undefined;
    if (start !== undefined && start <= nowMs) warnings.push(`The segment start (${entry.start} ${zone}) is already past: the first entry of "${entry.segment ?? 'the segment'}" runs at once when the journey is published (R19).`);
    const until = entry.schedule?.type === 'recurring' && entry.schedule.until !== undefined ? localDateTimeToEpochMs(entry.schedule.until, zone) : undefined;
    if (until !== undefined && until <= nowMs) warnings.push(`The recurring schedule ended on ${entry.schedule?.type === 'recurring' ? entry.schedule.until : ''} ${zone}: no run will enter anyone (R19).`);
  }
  for (const p of journey.points) {
    if (p.type !== 'waitUntil') continue;
    const zone = zoneOf(journey, p.timeZone);
    const at = localDateTimeToEpochMs(p.at, zone);
    if (at !== undefined && at <= nowMs) warnings.push(`"${p.title ?? p.id}" waits until ${p.at} ${zone}, which is already past: contacts that reach it go on at once (R10).`);
  }
  return warnings;
}

/** The confirmation publishing asks for (see the header); `diagnostics` are the journey's own, of which the warnings are listed. */
export function publishConfirmation(journey: Journey, version: number, diagnostics: readonly JourneyDiagnostic[], now: Date, where: { output: string; service: boolean }): PublishConfirmation {
  const consequences = [
    `Version ${version} is frozen: it can no longer be edited; changes need a new version (R22).`,
    `The compiled journey and this version's source are written to ${where.output}${where.service ? ', with the Restate service that runs it' : ''}.`,
    journey.kind === 'segment' ? 'Once the service runs, the segment schedule enters its members.' : 'Once the service runs, every trigger of its starting points enters contacts.',
  ];
  const warnings = [...diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message), ...pastInstantWarnings(journey, now)];
  return { question: `Publish "${journey.name}" as version ${version}?`, consequences, warnings };
}

/** The confirmation as plain text lines (CLI, dialog detail). */
export function confirmationText(c: PublishConfirmation): string {
  const lines = [...c.consequences];
  if (c.warnings.length > 0) lines.push('', `${c.warnings.length} warning${c.warnings.length === 1 ? '' : 's'}:`, ...c.warnings.map((w) => `- ${w}`));
  else lines.push('', 'No warnings.');
  return lines.join('\n');
}
