// The webview's side of the message contract: sends typed messages to the
// extension host and delivers only messages that fit HostToWebview.
import { HostToWebview, type WebviewToHost } from '../src/webviewProtocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

export function postToHost(message: WebviewToHost): void {
  vscode.postMessage(message);
}

export function onHostMessage(handler: (message: HostToWebview) => void): () => void {
  const listener = (event: MessageEvent) => {
    const parsed = HostToWebview.safeParse(event.data);
    if (parsed.success) handler(parsed.data);
    else postToHost({ type: 'log', level: 'error', message: `rejected a host message: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
  };
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
}
