// R22: a published version is frozen. When `publication` is present, the
// journey's logic must still hash to `publication.hash` (journeyHash.ts);
// any difference means the frozen version was edited, and it is reported at
// each place that changed when the source of that version is at hand (the
// copy publishing keeps, published/<id>/<id>.v<N>.journey.json, given by
// ValidationOptions.publishedVersion), else at the `publication` key. A
// journey whose stored version N exists while it says it is version N
// without a publication record had its publication removed by hand: still
// the frozen version N. A journey whose status is "published" must carry
// its publication record.
import { journeyLogicHash } from '../journeyHash';
import { type LogicChange, logicChanges, shortValue } from '../publishedChanges';
import type { JourneyRule, RuleContext } from './ruleContext';

/** At most this many changed places are reported one by one; a last diagnostic says how many more there are. */
export const MAX_REPORTED_CHANGES = 20;

function changeMessage(change: LogicChange, version: number, next: number): string {
  const what =
    change.kind === 'changed'
      ? `this was ${shortValue(change.was)} in the published version`
      : change.kind === 'added'
        ? `this was added after it was published`
        : change.kind === 'removed'
          ? `${typeof change.was === 'string' && /^\d+ items?$/.test(change.was) ? change.was : `"${String(change.was)}"`} was removed from here after it was published`
          : 'the order of these items changed after it was published';
  return `Version ${version} was published and is frozen (R22): ${what}. Undo the edit, or use "Edit as new version" to continue the edits as version ${next}.`;
}

/** The places where the journey differs from its stored published source, or undefined when that source cannot be read. */
function changesSince(ctx: RuleContext, storedText: string | undefined): LogicChange[] | undefined {
  if (storedText === undefined) return undefined;
  let stored: unknown;
  try {
    stored = JSON.parse(storedText);
  } catch {
    return undefined;
  }
  return logicChanges(stored, ctx.doc.value, MAX_REPORTED_CHANGES + 1);
}

function reportChanges(ctx: RuleContext, changes: readonly LogicChange[], version: number, next: number, data: Record<string, unknown>): void {
  for (const change of changes.slice(0, MAX_REPORTED_CHANGES)) {
    ctx.report({ code: 'R22.published-version-edited', rule: 'R22', severity: 'error', message: changeMessage(change, version, next), path: change.path, on: change.on, data: { ...data, change: change.kind } });
  }
  if (changes.length > MAX_REPORTED_CHANGES) {
    ctx.report({
      code: 'R22.published-version-edited',
      rule: 'R22',
      severity: 'error',
      message: `Version ${version} was published and is frozen (R22): it has more edits than the ${MAX_REPORTED_CHANGES} shown. Undo them, or use "Edit as new version" to continue them as version ${next}.`,
      path: ctx.journey.publication ? ['publication'] : ['version'],
      on: 'key',
      data,
    });
  }
}

export const publicationRule: JourneyRule = {
  rule: 'R22',
  title: 'a published version is not edited',
  check(ctx) {
    const { journey } = ctx;
    const publication = journey.publication;
    const stored = ctx.options.publishedVersion?.(journey.id, publication?.version ?? journey.version ?? 1);
    if (publication) {
      const current = journeyLogicHash(journey);
      if (current !== publication.hash) {
        const next = Math.max(publication.version, journey.version ?? 0) + 1;
        const data = { fix: 'createNewVersion', version: publication.version, publishedHash: publication.hash, currentHash: current };
        // The stored source counts only if it is the version that was published (same logic hash).
        const storedIsPublished = stored?.text !== undefined && storedLogicHash(stored.text) === publication.hash;
        const changes = storedIsPublished ? changesSince(ctx, stored.text) : undefined;
        if (changes && changes.length > 0) reportChanges(ctx, changes, publication.version, next, data);
        else {
          ctx.report({
            code: 'R22.published-version-edited',
            rule: 'R22',
            severity: 'error',
            message: `This version was published and is frozen (R22): edits need a new version. Version ${publication.version} was published with logic hash ${publication.hash}, and its logic now hashes to ${current}. Undo the edits, or use "Edit as new version" to continue them as version ${next}.`,
            path: ['publication'],
            on: 'key',
            data,
          });
        }
      }
      if (journey.version !== undefined && journey.version !== publication.version) {
        ctx.report({
          code: 'R22.publication-version-mismatch',
          rule: 'R22',
          severity: 'warning',
          message: `The publication records version ${publication.version} but the journey is version ${journey.version}: a publication belongs to the version it froze (R22). Make them agree, or use "Edit as new version", which removes the publication.`,
          path: ['publication', 'version'],
          data: { version: journey.version, publishedVersion: publication.version },
        });
      }
      return;
    }
    if (stored?.text !== undefined) {
      // Version N is kept as published, and this file says it is version N without its publication record.
      const version = journey.version ?? 1;
      const next = Math.max(version, ...stored.versions) + 1;
      ctx.report({
        code: 'R22.publication-removed',
        rule: 'R22',
        severity: 'error',
        message: `Version ${version} of "${journey.id}" was published (its source is kept in ${stored.location ?? `published/${journey.id}/${journey.id}.v${version}.journey.json`}) and is frozen (R22), but this file has no publication record: it was removed by hand. A published version is never edited nor published again; continue as a new version (set "version" to ${next}), or restore the file from the published version.`,
        path: journey.version !== undefined ? ['version'] : ['id'],
        data: { fix: 'setVersion', version: next },
      });
      const changes = changesSince(ctx, stored.text);
      if (changes && changes.length > 0) reportChanges(ctx, changes, version, next, { fix: 'setVersion', version: next });
      return;
    }
    if (journey.status === 'published') {
      ctx.report({
        code: 'R22.published-without-publication',
        rule: 'R22',
        severity: 'error',
        message: 'The status is "published" but there is no publication record: a published version carries its publication (version, time and logic hash) so that it stays frozen (R22). Publish it with the Publish command, or set the status to "readyToPublish" or "draft".',
        path: ['status'],
        data: { fix: 'setStatus', status: 'readyToPublish' },
      });
    }
  },
};

function storedLogicHash(text: string): string | undefined {
  try {
    return journeyLogicHash(JSON.parse(text));
  } catch {
    return undefined;
  }
}
