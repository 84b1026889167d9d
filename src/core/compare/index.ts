// Comparing two versions of a journey on the same contacts: the public API
// of src/core/compare (pure, no `vscode`).
export { compareVersions, sameCounts, type CompareOptions, type JourneyComparison, type PointComparison, type PointCounts } from './compareVersions';
export { matchPoints, type PointChange, type PointMatch, type PointMatching } from './pointMatching';
export type { ContactChange, PathStep, TimingChange } from './contactPaths';
export { comparisonJson, describeStep, describeTiming, formatComparison, formatDuration, pointLabel } from './compareReport';
