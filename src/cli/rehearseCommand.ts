// `journey rehearse FILE --timeline T [--ingress URL] [--day-ms N] [--seed N]
// [--horizon TIME] [--json]`: replays the timeline live through the running
// service of the published journey (Restate's ingress, default
// http://127.0.0.1:8080 or RESTATE_INGRESS_URL) in scaled time and compares
// its stats, queues and traces with the simulator's, contact by contact
// (src/restate/rehearsal.ts). Exit 0 when the service did what the simulator
// does, 1 when anything differs (each difference printed per contact), 2
// when nothing was compared: usage, errors in a file (located), or no
// deployment that answers (the message names the URL).
import { SimulationError } from '../core/simulator/index';
import { Instant } from '../core/timeline';
import { timelineReferences } from '../core/timelineReferences';
import { validateJourneyText } from '../core/validate';
import { formatRehearsal, RehearsalError, rehearse } from '../restate/rehearsal';
import type { CommandResult } from './command';
import { readCommandArgs } from './commandArgs';
import { printFindings, readSourceFile } from './sourceFiles';
import { readTimelineFile } from './timelineFile';

const USAGE = 'Usage: journey rehearse FILE --timeline T [--ingress URL] [--day-ms N] [--seed N] [--horizon TIME] [--json]';

interface Args {
  file: string;
  timeline: string;
  ingress: string;
  dayMs?: number;
  seed?: number;
  horizon?: string;
  json: boolean;
}

function parseArgs(args: string[], env: Record<string, string | undefined>): Args | string {
  const read = readCommandArgs(args, {
    switches: ['--json'],
    valued: ['--timeline', '--ingress', '--day-ms', '--seed', '--horizon'],
    check: (option, value) => {
      if (option === '--seed') return /^-?\d+$/.test(value) ? undefined : `--seed must be an integer, not "${value}"`;
      if (option === '--day-ms') return /^\d+(\.\d+)?$/.test(value) && Number(value) > 0 ? undefined : `--day-ms must be a positive number of milliseconds, not "${value}"`;
      if (option === '--horizon') return Instant.safeParse(value).success ? undefined : `--horizon must be an ISO 8601 instant with offset, e.g. 2026-03-01T09:00:00Z, not "${value}"`;
      if (option === '--ingress') return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol) ? undefined : `--ingress must be an http(s) URL, e.g. http://127.0.0.1:8080, not "${value}"`;
      return undefined;
    },
  });
  if (typeof read === 'string') return read;
  const { files, switches, values } = read;
  if (files.length !== 1) return `name the one journey file to rehearse (${files.length} given)`;
  const timeline = values.get('--timeline');
  if (timeline === undefined) return 'name the timeline to replay with --timeline';
  const dayMs = values.get('--day-ms');
  const seed = values.get('--seed');
  const horizon = values.get('--horizon');
  return {
    file: files[0]!,
    timeline,
    ingress: values.get('--ingress') ?? env.RESTATE_INGRESS_URL ?? 'http://127.0.0.1:8080',
    json: switches.has('--json'),
    ...(dayMs !== undefined ? { dayMs: Number(dayMs) } : {}),
    ...(seed !== undefined ? { seed: Number(seed) } : {}),
    ...(horizon !== undefined ? { horizon } : {}),
  };
}

export async function rehearseCommand(args: string[], out: (line: string) => void, env: Record<string, string | undefined> = process.env): Promise<CommandResult> {
  const parsed = parseArgs(args, env);
  if (typeof parsed === 'string') return { exitCode: 2, error: `journey rehearse: ${parsed}\n${USAGE}` };
  const source = await readSourceFile(parsed.file, out);
  if (!source) return { exitCode: 2, error: `journey rehearse: errors in ${parsed.file}; nothing was rehearsed.` };
  const validation = validateJourneyText(source.text);
  const found = validation.diagnostics.filter((d) => d.severity === 'error').sort((x, y) => x.offset - y.offset);
  printFindings(parsed.file, source.text, found, out);
  const journey = found.length === 0 ? validation.journey : undefined;
  const read = await readTimelineFile(parsed.timeline, out, journey ? (t) => timelineReferences(t, journey, parsed.file).filter((f) => f.severity === 'error') : undefined);
  if (!read.ok && read.tooBig) return { exitCode: 2, error: `journey rehearse: ${read.tooBig}` };
  if (!journey || !read.ok) return { exitCode: 2, error: `journey rehearse: errors in ${[!journey ? parsed.file : undefined, !read.ok ? parsed.timeline : undefined].filter(Boolean).join(' and ')}; nothing was rehearsed.` };

  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  try {
    const report = await rehearse({
      journey,
      timeline: read.timeline,
      ingressUrl: parsed.ingress,
      signal: controller.signal,
      ...(parsed.dayMs !== undefined ? { dayMs: parsed.dayMs } : {}),
      ...(parsed.seed !== undefined ? { seed: parsed.seed } : {}),
      ...(parsed.horizon !== undefined ? { horizon: Date.parse(parsed.horizon) } : {}),
      progress: parsed.json ? undefined : (message) => process.stderr.write(`${message}\n`),
    });
    if (parsed.json) out(JSON.stringify(report, null, 2));
    else for (const line of formatRehearsal(report)) out(line);
    return { exitCode: report.equal ? 0 : 1 };
  } catch (error) {
    if (error instanceof RehearsalError || error instanceof SimulationError) return { exitCode: 2, error: `journey rehearse: ${error.message}` };
    if (controller.signal.aborted) return { exitCode: 2, error: 'journey rehearse: cancelled; the events sent so far stay with the service.' };
    throw error;
  } finally {
    process.off('SIGINT', cancel);
  }
}
