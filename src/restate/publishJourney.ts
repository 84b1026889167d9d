// Publishes a journey to its output folder (R21, R22), for the CLI and the
// VS Code command alike: runs the publish gate, then writes the compiled
// journey (<out>/<id>.v<N>.ir.json) and the Restate service project
// (<out>/restate-service/, serving every published version found in <out>),
// and hands back the edits that mark the journey file published. The file
// system is abstracted (node fs for the CLI, vscode.workspace.fs for the
// command); paths are '/'-separated and relative to the journey's folder.
import type { RuntimeFiles } from './runtimeBundleFile';
import { irToJson } from '../core/compiler/compileJourney';
import { JourneyIr } from '../core/compiler/irSchema';
import { planPublication, type PublishPlan } from '../core/compiler/publishPlan';
import { parseJsonDocument } from '../core/jsonDocument';
import { schemaDiagnostics } from '../core/schemaDiagnostics';
import type { ValidationOptions } from '../core/validate';
import { irFileName, restateProjectFiles } from './projectGenerator';

export interface PublishFs {
  /** File names in a folder; empty if it does not exist. */
  list(dir: string): Promise<string[]>;
  /** A file's text, or undefined if it does not exist. */
  read(path: string): Promise<string | undefined>;
  write(path: string, content: string): Promise<void>;
}

export interface PublishRequest {
  /** The journey text (as in the editor or on disk). */
  text: string;
  now: Date;
  /** Output folder relative to the journey's folder; default `published/<journey id>`. */
  outDir?: string;
  /** The journey runtime for the Restate project; without it only the compiled journey is written. */
  runtime?: RuntimeFiles;
  validation?: ValidationOptions;
  /** Check only: write nothing. */
  dryRun?: boolean;
}

/** A compiled journey in the output folder that cannot be read: publishing stops, since it would drop that version. */
export interface CorruptPublishedFile {
  /** Path relative to the journey's folder. */
  path: string;
  /** Its text, to turn the offset into line:col. */
  text: string;
  offset: number;
  message: string;
  code: string;
}

export interface PublishOutcome {
  plan: PublishPlan;
  /** Compiled journeys already in the output folder that cannot be read; when any, nothing is written and plan is not ok. */
  corruptFiles?: CorruptPublishedFile[];
  outDir?: string;
  irPath?: string;
  /** The published version's own source, kept read-only beside its compiled journey (R22). */
  sourcePath?: string;
  projectDir?: string;
  /** Versions the Restate project serves. */
  versions?: number[];
  written: string[];
}

export const PROJECT_FOLDER = 'restate-service';

/**
 * `<id>.v<N>.journey.json`: the source of a published version as it was
 * published (with its publication record), kept in the output folder so
 * that "Edit as New Version" never loses it; VS Code opens it read-only
 * (package.json `files.readonlyInclude`).
 */
export function publishedSourceFileName(journeyId: string, version: number): string {
  return `${journeyId}.v${version}.journey.json`;
}

function idFromText(text: string): string | undefined {
  try {
    const value = JSON.parse(text) as { id?: unknown };
    return typeof value.id === 'string' ? value.id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The compiled versions of a journey already in an output folder, and the
 * files among them that are not valid compiled journeys (not JSON, or not
 * of the IR schema), each with its first problem located.
 */
export async function readPublishedIrs(fs: PublishFs, outDir: string, journeyId: string): Promise<{ irs: JourneyIr[]; corrupt: CorruptPublishedFile[] }> {
  const irs: JourneyIr[] = [];
  const corrupt: CorruptPublishedFile[] = [];
  for (const name of await fs.list(outDir)) {
    if (!name.startsWith(`${journeyId}.v`) || !name.endsWith('.ir.json')) continue;
    const path = `${outDir}/${name}`;
    const text = await fs.read(path);
    if (text === undefined) continue;
    const doc = parseJsonDocument(text);
    const fault = (offset: number, message: string, code: string) => corrupt.push({ path, text, offset, message: `The compiled journey ${name} in the output folder cannot be read: ${message} Restore it (publishing again rewrites it from its journey version) or delete it.`, code });
    const syntax = doc.syntaxErrors[0];
    if (syntax || doc.value === undefined) {
      fault(syntax?.offset ?? 0, syntax?.message ?? 'it is empty.', 'publish.corrupt-compiled-file');
      continue;
    }
    const parsed = JourneyIr.safeParse(doc.value);
    if (!parsed.success) {
      // Another journey's file whose id merely starts like this one's (a.v1 vs a.vip.v1) is not ours to judge.
      const id = (doc.value as { journey?: { id?: unknown } } | null)?.journey?.id;
      if (typeof id === 'string' && id !== journeyId) continue;
      const first = schemaDiagnostics(doc, JourneyIr, parsed.error.issues, 'the compiled journey')[0];
      fault(first?.offset ?? 0, first?.message ?? 'it is not a compiled journey.', 'publish.corrupt-compiled-file');
      continue;
    }
    if (parsed.data.journey.id === journeyId) irs.push(parsed.data);
  }
  return { irs: irs.sort((a, b) => a.journey.version - b.journey.version), corrupt };
}

export async function publishJourney(fs: PublishFs, request: PublishRequest): Promise<PublishOutcome> {
  const id = idFromText(request.text);
  const outDir = request.outDir ?? (id !== undefined ? `published/${id}` : undefined);
  const { irs: earlier, corrupt } = id !== undefined && outDir !== undefined ? await readPublishedIrs(fs, outDir, id) : { irs: [], corrupt: [] };
  const plan = planPublication(request.text, {
    now: request.now,
    ...(request.validation ? { validation: request.validation } : {}),
    publishedVersions: new Map(earlier.map((ir) => [ir.journey.version, ir.journey.hash])),
  });
  if (corrupt.length > 0) return { plan: { ok: false, reasons: plan.ok ? [] : plan.reasons, journey: plan.journey }, corruptFiles: corrupt, written: [] };
  if (!plan.ok || outDir === undefined) return { plan, written: [] };
  const irPath = `${outDir}/${irFileName(plan.ir)}`;
  const sourcePath = `${outDir}/${publishedSourceFileName(plan.ir.journey.id, plan.version)}`;
  const irs = [...earlier.filter((ir) => ir.journey.version !== plan.version), plan.ir].sort((a, b) => a.journey.version - b.journey.version);
  const projectDir = `${outDir}/${PROJECT_FOLDER}`;
  const outcome: PublishOutcome = { plan, outDir, irPath, sourcePath, versions: irs.map((ir) => ir.journey.version), written: [], ...(request.runtime !== undefined ? { projectDir } : {}) };
  if (request.dryRun) return outcome;
  await fs.write(irPath, irToJson(request.runtime !== undefined ? { $schema: `./${PROJECT_FOLDER}/journey-ir.schema.json`, ...plan.ir } : plan.ir));
  outcome.written.push(irPath);
  // A version's source is written once: a frozen version never changes.
  if ((await fs.read(sourcePath)) === undefined) {
    await fs.write(sourcePath, plan.text);
    outcome.written.push(sourcePath);
  }
  if (request.runtime !== undefined) {
    for (const file of restateProjectFiles({ irs, runtime: request.runtime })) {
      const path = `${projectDir}/${file.path}`;
      if (file.userOwned && (await fs.read(path)) !== undefined) continue;
      await fs.write(path, file.content);
      outcome.written.push(path);
    }
  }
  return outcome;
}
