// The client's side of the language server's questions about published
// versions (language/publishedVersionsProtocol.ts, R22): the server asks
// which versions of a journey are kept beside it
// (published/<id>/<id>.v<N>.journey.json) and for the source of one of
// them; this reads them through vscode.workspace.fs, so it works on every
// file system the editor has (the desktop's disk, a remote, VS Code for the
// Web). A file watcher tells the server when a kept version is written,
// changed or deleted. Used by both language clients (languageClient.ts,
// languageClient.web.ts).
import * as vscode from 'vscode';
import {
  type JourneyInitializationOptions,
  PUBLISHED_VERSIONS_CHANGED_NOTIFICATION,
  PUBLISHED_VERSIONS_REQUEST,
  type PublishedVersionsParams,
  type PublishedVersionsResult,
} from '../language/publishedVersionsProtocol';

/** What this needs of a language client (either transport's). */
interface ClientChannel {
  onRequest(method: string, handler: (params: PublishedVersionsParams) => Promise<PublishedVersionsResult | null>): vscode.Disposable;
  sendNotification(method: string, params?: unknown): Promise<void>;
}

export const PUBLISHED_VERSIONS_INITIALIZATION: JourneyInitializationOptions = { publishedVersions: true };

/** The journey ids a file name can be built from (the schema's Id): never a path. */
const SAFE_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Answers PUBLISHED_VERSIONS_REQUEST from the files beside the journey. */
export async function keptVersions(params: PublishedVersionsParams): Promise<PublishedVersionsResult | null> {
  if (typeof params?.uri !== 'string' || typeof params.id !== 'string' || !SAFE_ID.test(params.id) || !Number.isInteger(params.version)) return null;
  let journey: vscode.Uri;
  try {
    journey = vscode.Uri.parse(params.uri, true);
  } catch {
    return null;
  }
  const folder = vscode.Uri.joinPath(journey, '..', 'published', params.id);
  let names: string[];
  try {
    names = (await vscode.workspace.fs.readDirectory(folder)).filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name);
  } catch {
    return { versions: [] }; // no published/<id>/ folder: nothing was published
  }
  const pattern = new RegExp(`^${escapeRegExp(params.id)}\\.v(\\d+)\\.journey\\.json$`);
  const versions = names.flatMap((name) => {
    const n = pattern.exec(name)?.[1];
    return n === undefined ? [] : [Number(n)];
  });
  versions.sort((a, b) => a - b);
  if (!versions.includes(params.version)) return { versions };
  const file = vscode.Uri.joinPath(folder, `${params.id}.v${params.version}.journey.json`);
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    return { versions, text, location: vscode.workspace.asRelativePath(file) };
  } catch {
    return { versions };
  }
}

/** Serves the server's questions on `client` and tells it when kept versions change; dispose to stop. */
export function servePublishedVersions(client: ClientChannel): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/published/*/*.v*.journey.json');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    // Publishing writes several files at once: one notification for them.
    clearTimeout(timer);
    timer = setTimeout(() => void client.sendNotification(PUBLISHED_VERSIONS_CHANGED_NOTIFICATION, {}).catch(() => undefined), 100);
  };
  return vscode.Disposable.from(
    client.onRequest(PUBLISHED_VERSIONS_REQUEST, keptVersions),
    watcher,
    watcher.onDidCreate(changed),
    watcher.onDidChange(changed),
    watcher.onDidDelete(changed),
    { dispose: () => clearTimeout(timer) },
  );
}
