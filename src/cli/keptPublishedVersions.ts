// The published versions kept beside a journey file
// (<folder>/published/<id>/<id>.v<N>.journey.json, as `journey publish` and
// the editor write them), read from the disk for the validator's R22 check
// (ValidationOptions.publishedVersion): `journey validate` then locates an
// edit of a published version and notices a removed publication record, as
// the editor does.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { PublishedVersion } from '../core/validate';

const SAFE_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** The validator's lookup for the journey file `file`. */
export function keptPublishedVersions(file: string): (id: string, version: number) => PublishedVersion | undefined {
  return (id, version) => {
    if (!SAFE_ID.test(id)) return undefined;
    const folder = join(dirname(file), 'published', id);
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return { versions: [] };
    }
    const prefix = `${id}.v`;
    const versions = names
      .filter((n) => n.startsWith(prefix) && n.endsWith('.journey.json') && /^\d+$/.test(n.slice(prefix.length, -'.journey.json'.length)))
      .map((n) => Number(n.slice(prefix.length, -'.journey.json'.length)))
      .sort((a, b) => a - b);
    if (!versions.includes(version)) return { versions };
    const kept = join(folder, `${id}.v${version}.journey.json`);
    try {
      return { versions, text: readFileSync(kept, 'utf8'), location: relative(process.cwd(), kept) || kept };
    } catch {
      return { versions };
    }
  };
}
