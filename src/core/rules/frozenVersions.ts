// R22: a published version is frozen. When `publication` is present, the
// journey's logic must still hash to `publication.hash` (journeyHash.ts);
// any difference means the frozen version was edited. A journey whose status
// is "published" must carry its publication record.
import { journeyLogicHash } from '../journeyHash';
import type { JourneyRule } from './ruleContext';

export const publicationRule: JourneyRule = {
  rule: 'R22',
  title: 'a published version is not edited',
  check(ctx) {
    const { journey } = ctx;
    const publication = journey.publication;
    if (publication) {
      const current = journeyLogicHash(journey);
      if (current !== publication.hash) {
        ctx.report({
          code: 'R22.published-version-edited',
          rule: 'R22',
          severity: 'error',
          message: `This version was published and is frozen (R22): edits need a new version. Version ${publication.version} was published with logic hash ${publication.hash}, and its logic now hashes to ${current}. Undo the edits, or use "Edit as new version" to continue them as version ${Math.max(publication.version, journey.version ?? 0) + 1}.`,
          path: ['publication'],
          on: 'key',
          data: { fix: 'createNewVersion', version: publication.version, publishedHash: publication.hash, currentHash: current },
        });
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
    } else if (journey.status === 'published') {
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
