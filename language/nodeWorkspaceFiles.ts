// Files of the workspace read from the disk, for the Node language server
// when its client does not offer to read them (any LSP client other than the
// extension's own: Neovim, the tests' client). The workspace folders are the
// ones the client gave at initialize; the search for timelines and
// scenarios skips dependency and build folders and stops after a bounded
// number of folders, so a huge tree never stalls a request.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceFiles } from './workspaceFiles';

const SKIPPED = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
const MAX_FOLDERS = 5000;

export function nodeWorkspaceFiles(folders: () => readonly string[]): WorkspaceFiles {
  return {
    async read(uri) {
      if (!uri.startsWith('file:')) throw new Error(`${uri} is not a file on this machine`);
      return readFile(fileURLToPath(uri), 'utf8');
    },
    async companions() {
      const found: string[] = [];
      const queue = folders().filter((f) => f.startsWith('file:')).map((f) => fileURLToPath(f));
      let visited = 0;
      while (queue.length > 0 && visited++ < MAX_FOLDERS) {
        const folder = queue.shift()!;
        let entries;
        try {
          entries = await readdir(folder, { withFileTypes: true });
        } catch {
          continue;
        }
        for (const entry of entries) {
          if (entry.isDirectory() && !SKIPPED.has(entry.name) && !entry.name.startsWith('.')) queue.push(join(folder, entry.name));
          else if (entry.isFile() && /\.(timeline|scenario)\.json$/i.test(entry.name)) found.push(pathToFileURL(join(folder, entry.name)).toString());
        }
      }
      return found;
    },
  };
}
