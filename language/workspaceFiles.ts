// How the language server reads files that are not open in the editor: the
// journey a timeline or scenario names, the timeline a scenario replays, and
// the timelines and scenarios of the workspace that a rename must update.
// An open document is always read from the editor (its unsaved text); other
// files come from the client when it offers to read them (the extension's
// clients answer `journey/readFile` and `journey/findCompanionFiles` with
// VS Code's workspace.fs, on the desktop and in VS Code for the Web), else
// from the disk (nodeWorkspaceFiles.ts, for any other LSP client of the
// Node server). Names are URIs throughout.
import type { Connection } from 'vscode-languageserver';

export interface WorkspaceFiles {
  /** The text of a file; rejects when it cannot be read. */
  read(uri: string): Promise<string>;
  /** Every `*.timeline.json` and `*.scenario.json` of the workspace. */
  companions(): Promise<string[]>;
}

export const READ_FILE_REQUEST = 'journey/readFile';
export const FIND_COMPANION_FILES_REQUEST = 'journey/findCompanionFiles';

/** Files read by the client (VS Code's workspace.fs), for the extension's own clients. */
export function clientWorkspaceFiles(connection: Connection): WorkspaceFiles {
  return {
    read: (uri) => connection.sendRequest<string>(READ_FILE_REQUEST, { uri }),
    companions: () => connection.sendRequest<string[]>(FIND_COMPANION_FILES_REQUEST, {}),
  };
}

/** No file besides the open documents (a client that offers no files, a server with no disk). */
export const NO_WORKSPACE_FILES: WorkspaceFiles = {
  read: (uri) => Promise.reject(new Error(`${uri} is not open and the client offers no way to read it`)),
  companions: () => Promise.resolve([]),
};

/** `files`, but an open document is read from the editor. */
export function withOpenDocuments(files: WorkspaceFiles, openText: (uri: string) => string | undefined): WorkspaceFiles {
  return {
    read: (uri) => {
      const text = openText(uri);
      return text !== undefined ? Promise.resolve(text) : files.read(uri);
    },
    companions: () => files.companions(),
  };
}

/** `relative` (a path as a file writes it: ./x.journey.json) resolved against the URI of the file `from`. */
export function resolveUri(from: string, relative: string): string {
  try {
    return new URL(relative.replace(/\\/g, '/'), from).toString();
  } catch {
    return relative;
  }
}

/** One spelling per URI (percent-encoding, `..`), to compare the URIs of a file written and read two ways. */
export function sameUri(a: string, b: string): boolean {
  const norm = (u: string) => {
    try {
      return decodeURIComponent(new URL(u).toString());
    } catch {
      return u;
    }
  };
  return norm(a) === norm(b);
}

/** A file named in messages as the file `from` names it: its name when beside it, else its path. */
export function displayName(from: string, uri: string): string {
  try {
    const a = new URL(from);
    const b = new URL(uri);
    const dir = (p: string) => p.slice(0, p.lastIndexOf('/') + 1);
    const path = decodeURIComponent(b.pathname);
    return dir(a.pathname) === dir(b.pathname) && a.protocol === b.protocol ? path.slice(path.lastIndexOf('/') + 1) : path;
  } catch {
    return uri;
  }
}
