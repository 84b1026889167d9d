// Measures the extension's own share of its activation, as VS Code's
// Running Extensions view splits it: evaluating the bundle's code, then the
// activate() call. The entry modules import this module first, so
// `bundleStart` is taken before any other module of the bundle runs, and
// call `bundleEvaluated()` as their last top-level statement. The time the
// extension host spends between loading the bundle and calling activate()
// (its own work, other extensions) is not ours and is left out.

const bundleStart = performance.now();
let evaluationMs: number | undefined;

/** Marks the end of the bundle's evaluation (the entry module's last top-level statement). */
export function bundleEvaluated(): void {
  evaluationMs ??= performance.now() - bundleStart;
}

/** Starts timing activate(); the function it returns gives the activation so far: evaluation + activate() until now, in ms. */
export function startActivationClock(): () => number {
  const activateStart = performance.now();
  return () => (evaluationMs ?? activateStart - bundleStart) + (performance.now() - activateStart);
}
