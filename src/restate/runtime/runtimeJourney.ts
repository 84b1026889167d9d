// A compiled journey (IR) made ready for the runtime: validated against the IR
// schema, in the form the journey kernel reads (src/core/semantics/
// kernelJourney.ts), with the journey's live window and clock settings
// resolved, and the segment schedule's runs (R19) over that window. The
// instants of segment runs and date-field ticks (R20) are the kernel's
// (src/core/semantics/schedules.ts), the same the simulator uses.
import { JourneyIr } from '../../core/compiler/irSchema';
import { fromIr, type KernelJourney } from '../../core/semantics/kernelJourney';
import { type ScheduleWindow, type SegmentRuns, segmentRuns } from '../../core/semantics/schedules';
import type { JourneyRuntimeSettings } from './runtimeConfig';

export interface RuntimeJourney {
  readonly ir: JourneyIr;
  readonly version: number;
  readonly settings: JourneyRuntimeSettings;
  /** The live window: runs and ticks outside it do not happen. */
  readonly window: ScheduleWindow;
  /** The segment schedule's runs in the live window (R19); undefined for trigger journeys. */
  readonly runs: SegmentRuns | undefined;
  /** The journey as the semantics kernel reads it. */
  readonly kernel: KernelJourney;
}

export function loadRuntimeJourney(ir: unknown, settings: JourneyRuntimeSettings): RuntimeJourney {
  const parsed = JourneyIr.parse(ir);
  const kernel = fromIr(parsed, settings.splitSeed);
  const window = { from: settings.activeFrom, until: settings.activeUntil };
  if (kernel.segment && kernel.segment.startMs === undefined && !Number.isFinite(window.from)) {
    throw new Error(`Journey "${parsed.journey.id}" is segment-based without a schedule start: set segmentEntry.start in the journey, or activeFrom in the runtime settings.`);
  }
  return {
    ir: parsed,
    version: parsed.journey.version,
    settings,
    window,
    runs: kernel.segment ? segmentRuns(kernel.segment, window) : undefined,
    kernel,
  };
}
