// `journey compare A B --timeline T [--seed N] [--horizon TIME] [--json]`:
// validates both journeys (all rules) and the timeline (its schema, and the
// names it gives against A), then replays the timeline through both with
// the same seed and horizon (src/core/compare) and prints the counts per
// point as A → B with the delta and the contacts whose outcome changed, as
// a table or JSON. Exit 0 when the outcomes are equal, 1 when they differ
// (so CI can guard "this refactoring changes nothing"), 2 on bad input:
// usage, or errors in a file, each printed located as `file:line:col error
// message [code]`.
import { compareVersions, comparisonJson, formatComparison } from '../core/compare/index';
import { SimulationError } from '../core/simulator/index';
import { Instant } from '../core/timeline';
import { timelineReferences } from '../core/timelineReferences';
import { validateJourneyText } from '../core/validate';
import type { CommandResult } from './command';
import { readCommandArgs } from './commandArgs';
import { printFindings, readSourceFile, terminalSafe } from './sourceFiles';
import { readTimelineFile } from './timelineFile';

const USAGE = 'Usage: journey compare A B --timeline T [--seed N] [--horizon TIME] [--json]';

interface Args {
  a: string;
  b: string;
  timeline: string;
  horizon?: string;
  seed?: number;
  json: boolean;
}

function parseArgs(args: string[]): Args | string {
  const read = readCommandArgs(args, {
    switches: ['--json'],
    valued: ['--timeline', '--horizon', '--seed'],
    check: (option, value) => {
      if (option === '--seed') return /^-?\d+$/.test(value) ? undefined : `--seed must be an integer, not "${value}"`;
      if (option === '--horizon') return Instant.safeParse(value).success ? undefined : `--horizon must be an ISO 8601 instant with offset, e.g. 2026-03-01T09:00:00Z, not "${value}"`;
      return undefined;
    },
  });
  if (typeof read === 'string') return read;
  const { files, switches, values } = read;
  if (files.length !== 2) return `name the two journey files to compare (${files.length} given)`;
  const timeline = values.get('--timeline');
  if (timeline === undefined) return 'name the timeline both versions replay with --timeline';
  const horizon = values.get('--horizon');
  const seed = values.get('--seed');
  return { a: files[0]!, b: files[1]!, timeline, json: switches.has('--json'), ...(horizon !== undefined ? { horizon } : {}), ...(seed !== undefined ? { seed: Number(seed) } : {}) };
}

/** The journey of a file, or undefined with its errors printed (located); counts them into `errors`. */
async function readJourney(file: string, out: (line: string) => void, errors: { count: number; files: string[] }) {
  const source = await readSourceFile(file, out);
  if (!source) {
    errors.count++;
    errors.files.push(file);
    return undefined;
  }
  const validation = validateJourneyText(source.text);
  const found = validation.diagnostics.filter((d) => d.severity === 'error').sort((x, y) => x.offset - y.offset);
  printFindings(file, source.text, found, out);
  if (found.length > 0 || !validation.journey) {
    errors.count += Math.max(1, found.length);
    errors.files.push(file);
    return undefined;
  }
  return validation.journey;
}

export async function compareCommand(args: string[], out: (line: string) => void): Promise<CommandResult> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return { exitCode: 2, error: `journey compare: ${parsed}\n${USAGE}` };
  const errors = { count: 0, files: [] as string[] };
  const a = await readJourney(parsed.a, out, errors);
  const b = await readJourney(parsed.b, out, errors);
  const read = await readTimelineFile(parsed.timeline, out, a ? (t) => timelineReferences(t, a, parsed.a).filter((f) => f.severity === 'error') : undefined);
  if (!read.ok && read.tooBig) return { exitCode: 2, error: `journey compare: ${read.tooBig}` };
  if (!read.ok) errors.files.push(parsed.timeline);
  if (!a || !b || !read.ok) return { exitCode: 2, error: `journey compare: errors in ${errors.files.join(' and ')}; nothing was compared.` };

  let comparison;
  try {
    comparison = compareVersions(a, b, read.timeline, { ...(parsed.seed !== undefined ? { seed: parsed.seed } : {}), ...(parsed.horizon !== undefined ? { horizon: parsed.horizon } : {}) });
  } catch (error) {
    if (error instanceof SimulationError) return { exitCode: 2, error: `journey compare: ${error.message}` };
    throw error;
  }
  if (parsed.json) out(JSON.stringify({ a: parsed.a, b: parsed.b, timeline: parsed.timeline, ...(comparisonJson(comparison) as object) }, null, 2));
  else {
    out(`Compare ${terminalSafe(a.name)} (A: ${parsed.a}) with ${terminalSafe(b.name)} (B: ${parsed.b}) on ${parsed.timeline}`);
    for (const line of formatComparison(comparison)) out(line);
  }
  return { exitCode: comparison.equal ? 0 : 1 };
}
