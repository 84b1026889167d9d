// `journey timeline FILE [--start INSTANT] [--out FILE]`: writes a timeline
// skeleton for a journey (timelineSkeleton.ts: one contact per starting
// point and per branch, with the events each branch needs), to stdout or to
// a file, naming the journey relative to it. A journey with errors is
// refused with them, located as `journey validate` prints them.
import { writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { Instant } from '../core/timeline';
import { timelineSkeleton } from '../core/timelineSkeleton';
import { validateJourneyText } from '../core/validate';
import type { CommandResult } from './command';
import { printFindings, readSourceFile } from './sourceFiles';

const USAGE = 'Usage: journey timeline FILE [--start INSTANT] [--out FILE]';

export async function timelineCommand(args: string[], out: (line: string) => void): Promise<CommandResult> {
  let file: string | undefined;
  let start = '2026-01-05T09:00:00Z';
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--start' || arg === '--out') {
      const value = args[++i];
      if (value === undefined) return { exitCode: 2, error: `journey timeline: ${arg} needs a value\n${USAGE}` };
      if (arg === '--start') start = value;
      else target = value;
    } else if (arg.startsWith('--') || file !== undefined) return { exitCode: 2, error: `journey timeline: unexpected "${arg}"\n${USAGE}` };
    else file = arg;
  }
  if (file === undefined) return { exitCode: 2, error: `journey timeline: name the journey\n${USAGE}` };
  if (!Instant.safeParse(start).success) return { exitCode: 2, error: `journey timeline: --start "${start}" is not an instant; an instant is ISO 8601 with an offset, e.g. 2026-03-01T09:00:00Z` };
  const source = await readSourceFile(file, out);
  if (source === undefined) return { exitCode: 1 };
  const result = validateJourneyText(source.text);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.journey || errors.length > 0) {
    printFindings(file, source.text, errors, out);
    return { exitCode: 1, error: `journey timeline: ${file} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix them first` };
  }
  const from = target === undefined ? process.cwd() : dirname(resolve(target));
  const journeyPath = relative(from, resolve(file)).replace(/\\/g, '/');
  const skeleton = timelineSkeleton(result.journey, { start, journeyPath: journeyPath.startsWith('.') ? journeyPath : `./${journeyPath}` });
  const text = `${JSON.stringify(skeleton, null, 2)}\n`;
  if (target === undefined) out(text.trimEnd());
  else {
    try {
      await writeFile(target, text);
    } catch (error) {
      return { exitCode: 1, error: `journey timeline: cannot write ${target}: ${error instanceof Error ? error.message : String(error)}` };
    }
    out(`${target}: ${skeleton.contacts.length} contacts, ${skeleton.events.length} events`);
  }
  return { exitCode: 0 };
}
