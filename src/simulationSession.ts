// One simulation shown in the editor: a journey replayed against a
// timeline, a current instant that the user steps through (the time
// scrubber), and an optional selected contact whose path is highlighted.
// Steps go through a scrubber (core/simulationScrubber) that advances one
// live simulation forward and replays from the start only to step back past
// its cache; every snapshot equals a replay from the start to its instant.
// SimulationSession.replay runs the first replay in slices (replayInSlices.ts)
// for a progress notification that can cancel it.
import * as vscode from 'vscode';
import type { Journey } from './core/schema';
import { contactLabel, contactPlaces, formatInstantShort, instantsOf, mapOverlay, type MapOverlay } from './core/simulationView';
import { SimulationScrubber } from './core/simulationScrubber';
import { runInSlices, type SliceOptions } from './core/replayInSlices';
import { createSimulation, type SimulationSnapshot } from './core/simulator/index';
import type { Timeline } from './core/timeline';

export class SimulationSession {
  /** Every instant at which something happened: the steps of the scrubber. */
  readonly instants: number[];
  readonly end: SimulationSnapshot;
  private index: number;
  private current: SimulationSnapshot;
  private readonly scrubber: SimulationScrubber;
  selectedContact: string | undefined;

  constructor(
    readonly journeyUri: vscode.Uri,
    readonly journey: Journey,
    readonly timeline: Timeline,
    readonly timelineLabel: string,
    readonly seed: number,
    /** The snapshot at the end of the replay, when the caller has replayed it (replay()). */
    end?: SimulationSnapshot,
  ) {
    this.end = end ?? createSimulation(journey, timeline, { seed }).run().snapshot();
    this.instants = instantsOf(this.end);
    this.index = this.instants.length - 1;
    this.current = this.end;
    this.scrubber = new SimulationScrubber(() => createSimulation(journey, timeline, { seed }), this.instants);
  }

  /**
   * A session whose replay runs a slice at a time, telling `options.onProgress`
   * how far it got; undefined when `options.cancelled` stops it (nothing of
   * it is kept).
   */
  static async replay(journeyUri: vscode.Uri, journey: Journey, timeline: Timeline, timelineLabel: string, seed: number, options: SliceOptions): Promise<SimulationSession | undefined> {
    const simulation = createSimulation(journey, timeline, { seed });
    if (!(await runInSlices(simulation, timeline, options))) return undefined;
    return new SimulationSession(journeyUri, journey, timeline, timelineLabel, seed, simulation.snapshot());
  }

  get snapshot(): SimulationSnapshot {
    return this.current;
  }

  get at(): number {
    return this.current.at;
  }

  get position(): { index: number; count: number } {
    return { index: this.index, count: this.instants.length };
  }

  /** Moves the scrubber to step `index` (clamped). */
  goToIndex(index: number): void {
    this.index = Math.max(0, Math.min(this.instants.length - 1, index));
    this.current = this.index === this.instants.length - 1 ? this.end : this.scrubber.snapshotAt(this.index);
  }

  /** Moves to the last step at or before `at`. */
  goToInstant(at: number): void {
    let i = 0;
    while (i + 1 < this.instants.length && this.instants[i + 1]! <= at) i++;
    this.goToIndex(i);
  }

  step(delta: number): void {
    this.goToIndex(this.index + delta);
  }

  overlay(): MapOverlay {
    return mapOverlay(this.current, this.selectedContact === undefined ? undefined : { id: this.selectedContact, label: this.labelOf(this.selectedContact) });
  }

  private exits: { snapshot: SimulationSnapshot; byPoint: Map<string, number> } | undefined;
  /** How many contacts left the journey at point `id` without completing it, by the current instant. */
  exitsAt(id: string): number {
    if (this.exits?.snapshot !== this.current) {
      const byPoint = new Map<string, number>();
      for (const e of this.current.trace) if (e.kind === 'exit' && e.at <= this.current.at) byPoint.set(e.point, (byPoint.get(e.point) ?? 0) + 1);
      this.exits = { snapshot: this.current, byPoint };
    }
    return this.exits.byPoint.get(id) ?? 0;
  }

  /** A contact of the timeline by its name and email (its id when it has neither). */
  labelOf(contact: string): string {
    const c = this.timeline.contacts.find((x) => x.id === contact);
    return c ? contactLabel(c) : contact;
  }

  contacts(): ReturnType<typeof contactPlaces> {
    return contactPlaces(this.current, this.timeline.contacts.map((c) => c.id));
  }

  describeTime(): string {
    return `${formatInstantShort(this.at)} (step ${this.index + 1} of ${this.instants.length})`;
  }
}
