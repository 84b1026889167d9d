// Publishing a journey (R21, R22): the gate, the compiled form, and the edit
// that freezes the version. The gate refuses, listing every reason with its
// exact span, while the journey has errors, sends content that is not ready,
// is a published version that has since been changed, or reuses a version
// number already published with different logic. On success it returns the
// IR and the minimal text edits that set `status: "published"` and
// `publication` {version, publishedAt, hash} in the journey file. The CLI and
// the VS Code command share it; they only read and write files. Pure.
import type { JourneyDiagnostic, RuleId } from '../diagnostic';
import { EditComposer, type TextEdit } from '../edits/textEdits';
import { journeyLogicHash } from '../journeyHash';
import { type JsonPath, keySpan, valueSpan } from '../jsonDocument';
import type { JourneyRule } from '../rules/ruleContext';
import type { Journey } from '../schema';
import { validateJourneyText, type ValidationOptions } from '../validate';
import { CompileError, compileJourney } from './compileJourney';
import type { JourneyIr } from './irSchema';

export interface PublishReason {
  code: string;
  rule: RuleId;
  message: string;
  /** The span the reason is about (character offset and length in the journey text). */
  offset: number;
  length: number;
  path: JsonPath;
}

export interface PublishOptions {
  /** The instant recorded as `publishedAt`. */
  now: Date;
  validation?: ValidationOptions;
  /** Versions of this journey already published (compiled files found), with their logic hash. */
  publishedVersions?: ReadonlyMap<number, string | undefined>;
  /** The semantic rules the gate runs; all of them unless given. */
  rules?: readonly JourneyRule[];
}

export type PublishPlan =
  | { ok: false; reasons: PublishReason[]; journey?: Journey }
  | {
      ok: true;
      journey: Journey;
      version: number;
      hash: string;
      ir: JourneyIr;
      /** This exact version was published before (same logic): nothing in the journey file changes. */
      alreadyPublished: boolean;
      /** Minimal edits of the journey text (empty when already published). */
      edits: TextEdit[];
      /** The journey text after the edits. */
      text: string;
    };

/** Checks whether the journey can be published and, if so, prepares everything publishing writes. */
export function planPublication(text: string, options: PublishOptions): PublishPlan {
  const { doc, journey, diagnostics } = validateJourneyText(text, options.validation ?? { now: options.now }, options.rules);
  const reasons: PublishReason[] = diagnostics.filter((d) => d.severity === 'error').map(toReason);
  if (!journey) return { ok: false, reasons };

  const span = (path: JsonPath, on: 'key' | 'value' = 'value') => (on === 'key' ? keySpan(doc, path) : undefined) ?? valueSpan(doc, path);
  // What is already reported where, looked up in constant time (a journey may have many reasons).
  const ruleAt = new Set(reasons.map((x) => `${x.rule}@${x.offset}`));
  const spanned = new Set(reasons.map((x) => `${x.offset}+${x.length}`));
  const add = (r: Omit<PublishReason, 'offset' | 'length'>, on: 'key' | 'value' = 'value') => {
    const s = span(r.path, on);
    // The validator may already report the same thing at the same place (its R21/R22 rules).
    if (ruleAt.has(`${r.rule}@${s.offset}`)) return;
    ruleAt.add(`${r.rule}@${s.offset}`);
    spanned.add(`${s.offset}+${s.length}`);
    reasons.push({ ...r, ...s });
  };

  // R21: every content item a send point sends must be declared and ready (on the point's
  // `content`, where the validator's own R21 rule reports it for journeys marked for publishing).
  const contentById = new Map((journey.content ?? []).map((c) => [c.id, c]));
  journey.points.forEach((p, i) => {
    if (p.type !== 'sendEmail' && p.type !== 'sendSms') return;
    const item = contentById.get(p.content);
    const path = ['points', i, 'content'];
    if (!item) {
      const s = span(path);
      if (spanned.has(`${s.offset}+${s.length}`)) return;
      add({ code: 'R21.content-undeclared', rule: 'R21', message: `"${p.id}" sends content "${p.content}", which the journey does not declare, so it cannot be checked as ready: declare it in "content" with "status": "ready" before publishing (R21).`, path });
    } else if (item.status !== 'ready') {
      add({ code: 'R21.content-not-ready', rule: 'R21', message: `Content item "${item.id}"${item.name ? ` (${item.name})` : ''} sent by "${p.id}" is a ${item.status}: a journey can be published only when every content item it sends is ready (R21). Finish it and set its status to "ready".`, path });
    }
  });

  // R22: a published version is frozen; a changed one must become a new version.
  const hash = journeyLogicHash(journey);
  const version = journey.version ?? 1;
  const publication = journey.publication;
  let alreadyPublished = false;
  if (publication) {
    if (publication.hash !== hash) {
      add(
        {
          code: 'R22.published-version-changed',
          rule: 'R22',
          message: `Version ${publication.version} was published on ${publication.publishedAt} and has been changed since: a published version is frozen. Save the changes as a new version (set "version" to ${publication.version + 1} and remove "publication"), or undo them.`,
          path: ['publication'],
        },
        'key',
      );
    } else if (publication.version !== version) {
      add({ code: 'R22.publication-version-mismatch', rule: 'R22', message: `"publication" records version ${publication.version} but the journey says version ${version}: remove "publication" to publish version ${version}.`, path: ['publication', 'version'] });
    } else {
      alreadyPublished = true;
    }
  }
  const earlier = options.publishedVersions?.get(version);
  const editedFrozen = publication !== undefined && publication.hash !== hash;
  if (options.publishedVersions?.has(version) && earlier !== hash && !editedFrozen) {
    add(
      {
        code: 'R22.version-already-published',
        rule: 'R22',
        message: `Version ${version} of journey "${journey.id}" was already published with different logic: a published version never changes. Give this one a new version (${Math.max(version, ...options.publishedVersions.keys()) + 1}).`,
        path: journey.version !== undefined ? ['version'] : ['id'],
      },
      journey.version !== undefined ? 'key' : 'value',
    );
  }

  let ir: JourneyIr | undefined;
  if (reasons.length === 0) {
    const publishedAt = alreadyPublished ? publication!.publishedAt : options.now.toISOString();
    try {
      ir = compileJourney(journey, { version, hash, publishedAt });
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      for (const problem of error.problems) add({ code: 'R21.cannot-compile', rule: 'R21', message: problem, path: ['points'] }, 'key');
    }
  }
  reasons.sort((a, b) => a.offset - b.offset);
  if (reasons.length > 0 || !ir) return { ok: false, reasons, journey };

  if (alreadyPublished) return { ok: true, journey, version, hash, ir, alreadyPublished, edits: [], text };
  const composer = new EditComposer(text);
  composer.modify(['status'], 'published', { after: ['segmentEntry', 'kind', 'platform', 'description', 'name'] });
  composer.modify(['publication'], { version, publishedAt: ir.journey.publishedAt!, hash }, { after: ['version', 'status'] });
  return { ok: true, journey, version, hash, ir, alreadyPublished, edits: composer.result(), text: composer.text };
}

function toReason(d: JourneyDiagnostic): PublishReason {
  return { code: d.code, rule: d.rule, message: d.message, offset: d.offset, length: d.length, path: d.path };
}
