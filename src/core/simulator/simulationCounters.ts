// The simulator's counts (R15), kept as the kernel reports them: journey
// totals, per point (entered, left, sent, suppressed by reason) and per
// starting point, in flat arrays indexed by point.
import type { StatsSink } from '../semantics/effects';
import type { KernelPoint, KernelStart } from '../semantics/kernelJourney';
import { type Numbers, numbers } from './heapNumbers';
import { type ExitReason, SUPPRESSION_REASONS, type SuppressionReason } from './types';

const REASONS = SUPPRESSION_REASONS.length;

export class SimulationCounters implements StatsSink {
  startedCount = 0;
  inProgress = 0;
  completedCount = 0;
  exitedCount = 0;
  readonly exitedBy: Record<ExitReason, number> = { exitPoint: 0, exitCriteria: 0, unsubscribed: 0, removed: 0 };
  readonly pEntered: Numbers;
  readonly pLeft: Numbers;
  readonly pSent: Numbers;
  readonly pSuppressed: Numbers;
  /** Per point and suppression reason (point * REASONS + reason). */
  readonly pSuppressedBy: Numbers;
  readonly spEntered: Numbers;

  constructor(points: number, starts: number) {
    this.pEntered = numbers(points);
    this.pLeft = numbers(points);
    this.pSent = numbers(points);
    this.pSuppressed = numbers(points);
    this.pSuppressedBy = numbers(points * REASONS);
    this.spEntered = numbers(starts);
  }

  started(_c: number, start: KernelStart): void {
    this.startedCount++;
    this.inProgress++;
    this.spEntered[start.index]!++;
  }
  pointEntered(_c: number, point: KernelPoint): void {
    this.pEntered[point.index]!++;
  }
  pointLeft(_c: number, point: KernelPoint): void {
    this.pLeft[point.index]!++;
  }
  sent(_c: number, point: KernelPoint): void {
    this.pSent[point.index]!++;
  }
  suppressed(_c: number, point: KernelPoint, reason: SuppressionReason): void {
    this.pSuppressed[point.index]!++;
    this.pSuppressedBy[point.index * REASONS + SUPPRESSION_REASONS.indexOf(reason)]!++;
  }
  completed(): void {
    this.inProgress--;
    this.completedCount++;
  }
  exited(_c: number, reason: ExitReason): void {
    this.inProgress--;
    this.exitedCount++;
    this.exitedBy[reason] += 1;
  }

  /** Suppressions of point `i` by reason, only the reasons that occurred. */
  suppressedByOf(i: number): Partial<Record<SuppressionReason, number>> {
    const by: Partial<Record<SuppressionReason, number>> = {};
    SUPPRESSION_REASONS.forEach((reason, r) => {
      const count = this.pSuppressedBy[i * REASONS + r]!;
      if (count > 0) by[reason] = count;
    });
    return by;
  }
}
