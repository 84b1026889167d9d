// The texts of trace entries (R8), in one place: both drivers' trace sinks
// make them from what the kernel reports, and only when they record.
import { formatInstant } from '../simulator/timelineInput';

export const TEXT_TAG_ADDED = 0;
export const TEXT_ALREADY_TAGGED = 1;
export const TEXT_TAG_REMOVED = 2;
export const TEXT_NOT_TAGGED = 3;
export const TEXT_FIELD_SET = 4;
export const TEXT_SUBSCRIBED = 5;
export const TEXT_ALREADY_SUBSCRIBED = 6;
export const TEXT_UNSUBSCRIBED = 7;
export const TEXT_WEBHOOK = 8;
export type PassText = number;

/** The outcome of a `pass` entry. */
export function passText(text: PassText, subject: string, value: unknown): string {
  switch (text) {
    case TEXT_TAG_ADDED:
      return `tag "${subject}" added`;
    case TEXT_ALREADY_TAGGED:
      return `already tagged "${subject}"`;
    case TEXT_TAG_REMOVED:
      return `tag "${subject}" removed`;
    case TEXT_NOT_TAGGED:
      return `was not tagged "${subject}"`;
    case TEXT_FIELD_SET:
      return `${subject} = ${JSON.stringify(value)}`;
    case TEXT_SUBSCRIBED:
      return `subscribed to "${subject}"`;
    case TEXT_ALREADY_SUBSCRIBED:
      return `already subscribed to "${subject}"`;
    case TEXT_UNSUBSCRIBED:
      return `unsubscribed from "${subject}"`;
    case TEXT_WEBHOOK:
      return `${String(value)} ${subject}`;
    default:
      return subject;
  }
}

/** The outcome of an `arrive` entry. */
export function arriveText(due: number): string {
  return `until ${formatInstant(due)}`;
}

/** The zero-time guard's message (the simulator's `zero-time-cycle` error, the runtime's removal outcome). */
export function zeroTimeCycleText(contact: string, maxSteps: number, t: number, cycle: readonly string[]): string {
  return `Contact "${contact}" passed ${maxSteps} points at ${formatInstant(t)} without waiting: the journey has a zero-time cycle (${cycle.join(' → ')}). Put a wait in the cycle, or make sure it is left.`;
}

/** The error for a successor that names no point (a journey run without validation). */
export function danglingPointText(point: string, label: string, to: string): string {
  return `Point "${point}" goes on (${label}) to "${to}", which is not a point of the journey.`;
}

export function danglingStartText(start: string, to: string): string {
  return `Starting point "${start}" goes on to "${to}", which is not a point of the journey.`;
}
