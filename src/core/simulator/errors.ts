// The one error the simulator throws: the input cannot be replayed (a
// zero-time cycle, a reference to a point that does not exist, an unknown
// time zone, an unreadable instant). Carries a stable code for callers.

export type SimulationErrorCode = 'zero-time-cycle' | 'trigger-loop' | 'dangling-reference' | 'invalid-time-zone' | 'invalid-instant' | 'invalid-duration';

export class SimulationError extends Error {
  override readonly name = 'SimulationError';
  constructor(
    readonly code: SimulationErrorCode,
    message: string,
  ) {
    super(message);
  }
}
