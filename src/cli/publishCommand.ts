// `journey publish FILE [--yes] [--out DIR] [--dry-run] [--register ADMIN_URL --service URL]`:
// the publish gate (R21, R22) and the export to Restate. Refuses with every
// reason as `file:line:col error message [code]` (exit 1). Then says what
// publishing will do and lists every warning (R21) and asks for
// confirmation: on a terminal it asks "Publish? [y/N]"; otherwise it needs
// --yes (a script that publishes says so), and without it publishes
// nothing (exit 1). --dry-run prints the same and writes nothing. On success writes
// the compiled journey and the Restate service project under
// <journey folder>/published/<id>/ (or --out), marks the version published
// in the journey file (`status` and `publication`, a minimal edit), and, with
// --register, registers the running service with a Restate admin API.
// Exit codes: 0 published (or ready, with --dry-run); 1 refused: the journey
// has reasons (R21, R22), is not UTF-8, a compiled journey already in the
// output folder cannot be read (located, nothing written), or publishing was
// not confirmed; 2 usage.
// The journey file is rewritten byte for byte as read except the edit (a BOM
// is kept); a file that is not UTF-8 is never rewritten.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { confirmationText, publishConfirmation } from '../core/publishConfirmation';
import { validateJourneyText } from '../core/validate';
import { registerDeployment } from '../restate/adminClient';
import { PROJECT_FOLDER, publishJourney, type PublishFs } from '../restate/publishJourney';
import { findRuntimeBundle, type RuntimeFiles } from '../restate/runtimeBundle';
import type { CommandResult } from './command';
import { readCommandArgs } from './commandArgs';
import { printFindings, readSourceFile, terminalSafe, withSourceBom } from './sourceFiles';

const USAGE = 'Usage: journey publish FILE [--yes] [--out DIR] [--dry-run] [--now ISO] [--register ADMIN_URL --service SERVICE_URL]';

interface Args {
  file: string;
  out?: string;
  dryRun: boolean;
  /** Confirmed beforehand (R21): publish without asking. */
  yes: boolean;
  now?: string;
  register?: string;
  service?: string;
}

function parseArgs(args: string[]): Args | string {
  const read = readCommandArgs(args, {
    switches: ['--dry-run', '--yes'],
    valued: ['--out', '--now', '--register', '--service'],
    check: (option, value) => (option === '--now' && Number.isNaN(Date.parse(value)) ? `--now must be an ISO 8601 instant, not "${value}"` : undefined),
  });
  if (typeof read === 'string') return read;
  const { files, switches, values } = read;
  if (files.length !== 1) return files.length === 0 ? 'name the .journey.json file to publish' : 'name exactly one journey file';
  const register = values.get('--register');
  const service = values.get('--service');
  if ((register === undefined) !== (service === undefined)) return '--register and --service go together: the admin URL and the URL restate-server reaches the service at';
  const out = values.get('--out');
  const now = values.get('--now');
  return {
    file: files[0]!,
    dryRun: switches.has('--dry-run'),
    yes: switches.has('--yes'),
    ...(out !== undefined ? { out } : {}),
    ...(now !== undefined ? { now } : {}),
    ...(register !== undefined && service !== undefined ? { register, service } : {}),
  };
}

/** Node's file system, rooted at the journey's folder. */
export function nodePublishFs(root: string): PublishFs {
  const at = (path: string) => (isAbsolute(path) ? path : join(root, path));
  return {
    async list(dir) {
      try {
        return await readdir(at(dir));
      } catch {
        return [];
      }
    },
    async read(path) {
      try {
        return await readFile(at(path), 'utf8');
      } catch {
        return undefined;
      }
    },
    async write(path, content) {
      await mkdir(dirname(at(path)), { recursive: true });
      await writeFile(at(path), content);
    },
  };
}

/** Asks "Publish? [y/N]" when a person is at a terminal; false otherwise or for anything but yes. */
async function confirmedOnTerminal(): Promise<boolean> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^\s*y(es)?\s*$/i.test(await prompt.question('Publish? [y/N] '));
  } finally {
    prompt.close();
  }
}

/**
 * The journey runtime: JOURNEY_RUNTIME_BUNDLE (a journey-runtime.mjs with its
 * .mjs.map and .d.mts beside it), else dist/restate/ next to this CLI.
 */
async function runtimeBundle(): Promise<RuntimeFiles | undefined> {
  const file = process.env.JOURNEY_RUNTIME_BUNDLE;
  if (!file) return findRuntimeBundle(__dirname);
  const [code, sourceMap, declarations] = await Promise.all([file, `${file}.map`, file.replace(/\.mjs$/, '') + '.d.mts'].map((f) => readFile(f, 'utf8')));
  return { code: code!, sourceMap: sourceMap!, declarations: declarations! };
}

export async function publishCommand(args: string[], out: (line: string) => void): Promise<CommandResult> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return { exitCode: 2, error: `journey publish: ${parsed}\n${USAGE}` };
  const source = await readSourceFile(parsed.file, out);
  if (source === undefined) return { exitCode: 1 };
  const { text } = source;
  const bundle = await runtimeBundle();
  if (bundle === undefined && !parsed.dryRun) return { exitCode: 2, error: 'journey publish: the bundled runtime (dist/restate/journey-runtime.mjs) is missing; run `npm run build` (or set JOURNEY_RUNTIME_BUNDLE).' };
  const root = dirname(parsed.file);
  const outDir = parsed.out !== undefined ? relative(root, parsed.out) || '.' : undefined;
  const now = parsed.now !== undefined ? new Date(parsed.now) : new Date();
  const request = { text, now, ...(outDir !== undefined ? { outDir } : {}), ...(bundle !== undefined ? { runtime: bundle } : {}) };
  const checked = await publishJourney(nodePublishFs(root), { ...request, dryRun: true });
  if (checked.plan.ok && !checked.plan.alreadyPublished) {
    const confirmation = publishConfirmation(checked.plan.journey, checked.plan.version, validateJourneyText(text, { now }).diagnostics, now, { output: join(root, checked.outDir ?? ''), service: bundle !== undefined });
    out(terminalSafe(confirmation.question));
    for (const line of confirmationText(confirmation).split('\n')) out(line === '' ? '' : `  ${terminalSafe(line)}`);
    if (!parsed.dryRun && !parsed.yes && !(await confirmedOnTerminal())) {
      out(`${parsed.file}: not published: publishing needs a confirmation (R21). ${process.stdin.isTTY ? 'It was not given.' : 'Read the above and run again with --yes.'}`);
      return { exitCode: 1 };
    }
  }
  const outcome = parsed.dryRun || !checked.plan.ok ? checked : await publishJourney(nodePublishFs(root), request);
  const { plan } = outcome;
  if (outcome.corruptFiles?.length) {
    for (const f of outcome.corruptFiles) printFindings(join(root, f.path), f.text, [{ offset: f.offset, severity: 'error', message: f.message, code: f.code }], out);
    out(`${parsed.file}: not published: the output folder holds ${outcome.corruptFiles.length === 1 ? 'a compiled journey' : `${outcome.corruptFiles.length} compiled journeys`} that cannot be read; nothing was written.`);
    return { exitCode: 1 };
  }
  if (!plan.ok) {
    printFindings(parsed.file, text, plan.reasons.map((r) => ({ ...r, severity: 'error' })), out);
    out(`${parsed.file}: not published: ${plan.reasons.length} reason${plan.reasons.length === 1 ? '' : 's'} (R21, R22).`);
    return { exitCode: 1 };
  }
  const shown = (p: string) => join(root, p);
  const name = terminalSafe(plan.journey.name);
  if (parsed.dryRun) {
    out(`${parsed.file}: ready to publish "${name}" version ${plan.version} (${plan.hash}); nothing written (--dry-run).`);
    return { exitCode: 0 };
  }
  if (!plan.alreadyPublished) await writeFile(parsed.file, withSourceBom(source, plan.text));
  out(
    plan.alreadyPublished
      ? `${parsed.file}: version ${plan.version} of "${name}" was already published (${plan.hash}); compiled files rewritten.`
      : `${parsed.file}: published "${name}" version ${plan.version} (${plan.hash}); the journey file is marked published and frozen.`,
  );
  out(`compiled journey: ${shown(outcome.irPath!)}`);
  out(`Restate service: ${shown(outcome.projectDir ?? `${outcome.outDir}/${PROJECT_FOLDER}`)} (versions ${outcome.versions!.join(', ')}; its README: npm install, npm run keys, start restate-server with the key, npm start, npm run register)`);
  if (parsed.register !== undefined && parsed.service !== undefined) {
    try {
      const deployment = await registerDeployment(parsed.register, parsed.service);
      out(`registered ${parsed.service} with ${parsed.register} as ${deployment.id}: ${deployment.services.map((s) => s.name).join(', ')}`);
    } catch (error) {
      out(`registering with Restate failed: ${error instanceof Error ? error.message : String(error)}`);
      return { exitCode: 1 };
    }
  }
  return { exitCode: 0 };
}
