// The webview's side of the message contract: posts typed messages to the
// extension host, delivers only messages that fit HostToWebview (answering
// any other with an `error`), and runs the map's edits one at a time, each
// with a request id and the document version it was made on.
import type { JourneyOperation } from '../src/core/edits/journeyOperation';
import { describeRejection, HostToWebview, requestIdOf, WebviewToHost } from '../src/webviewProtocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

/** VS Code's webview API (its state outlives the webview being hidden). */
export const webviewApi = (): VsCodeApi => vscode;

export function postToHost(message: WebviewToHost): void {
  vscode.postMessage(WebviewToHost.parse(message));
}

export type EditAnswer = { ok: true; select?: string; label?: string } | { ok: false; error: string };

/** An edit the host has not answered by then is given up, so later edits are not held up behind it. */
const EDIT_TIMEOUT_MS = 30000;

let documentVersion = -1;
let requestCounter = 0;
const pendingEdits = new Map<string, (answer: EditAnswer) => void>();
let editChain: Promise<unknown> = Promise.resolve();

/** The version of the document the map shows; edits are made on it. */
export function setDocumentVersion(version: number): void {
  documentVersion = version;
}

let editsInFlight = 0;
const settledListeners = new Set<() => void>();

/** Whether an edit was asked for and not answered yet. */
export function editsPending(): boolean {
  return editsInFlight > 0;
}

/** Calls `listener` each time the last edit in flight is answered; returns the unsubscribe. */
export function onEditsSettled(listener: () => void): () => void {
  settledListeners.add(listener);
  return () => settledListeners.delete(listener);
}

/** Resolves once every edit asked for so far has been answered. */
export function editsSettled(): Promise<void> {
  return editChain.then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Sends one meaning-level edit and resolves with the host's answer. Edits
 * queue: each is sent after the previous one was answered. Each names the
 * document version the map showed when the person made it; the host makes
 * it on the current text (the operation says what was meant, by ids).
 */
export function requestEdit(operation: JourneyOperation): Promise<EditAnswer> {
  const madeOn = documentVersion;
  editsInFlight++;
  const run = () =>
    new Promise<EditAnswer>((resolve) => {
      const requestId = `edit-${++requestCounter}`;
      const timer = setTimeout(() => {
        pendingEdits.delete(requestId);
        resolve({ ok: false, error: 'The extension did not answer the edit in time; the map shows the document as it is.' });
      }, EDIT_TIMEOUT_MS);
      pendingEdits.set(requestId, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      postToHost({ type: 'edit', requestId, documentVersion: madeOn, operation });
    });
  const result = editChain.then(run, run);
  editChain = result;
  void result.then(() => {
    editsInFlight--;
    if (editsInFlight === 0) for (const listener of [...settledListeners]) listener();
  });
  return result;
}

type Delivered = Exclude<HostToWebview, { type: 'editResult' }>;

export function onHostMessage(handler: (message: Delivered) => void): () => void {
  const listener = (event: MessageEvent) => {
    const parsed = HostToWebview.safeParse(event.data);
    if (!parsed.success) {
      const requestId = requestIdOf(event.data);
      postToHost({ type: 'error', message: describeRejection(parsed.error, event.data), ...(requestId ? { requestId } : {}) });
      return;
    }
    const message = parsed.data;
    if (message.type === 'error' && message.requestId && pendingEdits.has(message.requestId)) {
      const resolve = pendingEdits.get(message.requestId);
      pendingEdits.delete(message.requestId);
      resolve?.({ ok: false, error: message.message });
      return;
    }
    if (message.type === 'editResult') {
      const resolve = pendingEdits.get(message.requestId);
      pendingEdits.delete(message.requestId);
      resolve?.(message.ok ? { ok: true, ...(message.select ? { select: message.select } : {}), ...(message.label ? { label: message.label } : {}) } : { ok: false, error: message.error ?? 'The edit was refused.' });
      return;
    }
    if (message.type === 'init' || message.type === 'update') {
      documentVersion = message.documentVersion;
      performance.mark('journey:document-received');
    }
    handler(message);
  };
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
}
