// The browser test harness's stand-in for the extension host: it gives the
// built webview bundle `acquireVsCodeApi`, answers `ready` with `init`,
// validates every message like the real host, applies each edit with the
// same pure src/core/edits the real host uses (one edit per gesture, text
// as the source of truth, a simple undo stack standing in for VS Code's),
// and records all traffic for the tests (window.__host).
import '../../../webview/zodConfig';
import { journeyEditFor } from '../../../src/core/edits/journeyEdit';
import { startingPointLimit } from '../../../src/core/edits/startingPointLimit';
import { documentStateOf } from '../../../src/documentState';
import { describeRejection, HostToWebview, PROTOCOL_VERSION, requestIdOf, WebviewToHost } from '../../../src/webviewProtocol';

export interface HarnessConfig {
  text: string;
  fileName: string;
  readOnly?: boolean;
  /** ISO instant used as "now" for new points' defaults, so results are reproducible. */
  now?: string;
}

type Message = Record<string, unknown>;

class FakeHost {
  text: string;
  version = 1;
  readonly received: Message[] = [];
  readonly sent: Message[] = [];
  readonly commands: string[] = [];
  readonly exports: { format: string; data?: string; error?: string }[] = [];
  readonly textHistory: string[] = [];
  private undoStack: string[] = [];
  private redoStack: string[] = [];
  private ready = false;
  private requests = 0;

  constructor(private readonly config: HarnessConfig) {
    this.text = config.text;
  }

  /** Delivers a message to the webview as VS Code does (a window message event). */
  post(message: Message): void {
    this.sent.push(message);
    window.postMessage(message, '*');
  }

  private postChecked(message: HostToWebview): void {
    this.post(HostToWebview.parse(message) as unknown as Message);
  }

  private documentPayload() {
    const state = documentStateOf(this.text);
    return {
      documentVersion: this.version,
      fileName: this.config.fileName,
      readOnly: this.config.readOnly === true,
      state,
      startingPointLimit: startingPointLimit(state.kind === 'journey' ? state.value : undefined),
    };
  }

  private setDocument(text: string, record: 'edit' | 'undo' | 'redo' | 'external'): void {
    if (record === 'edit' || record === 'external') {
      this.undoStack.push(this.text);
      this.redoStack = [];
    }
    this.text = text;
    this.version += 1;
    this.textHistory.push(text);
    if (this.ready) this.postChecked({ type: 'update', ...this.documentPayload() });
  }

  /** An edit made outside the map (another editor, the file on disk). */
  externalEdit(text: string): void {
    this.setDocument(text, 'external');
  }

  receive(raw: unknown): void {
    this.received.push(raw as Message);
    const parsed = WebviewToHost.safeParse(raw);
    if (!parsed.success) {
      const requestId = requestIdOf(raw);
      this.postChecked({ type: 'error', message: `The extension did not understand a message from the map (${describeRejection(parsed.error, raw)}).`, ...(requestId ? { requestId } : {}) });
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.postChecked({ type: 'init', protocol: PROTOCOL_VERSION, ...this.documentPayload() });
        return;
      case 'edit': {
        // Like the extension: the operation is made on the current text, whatever version the map saw.
        const outcome = journeyEditFor(this.text, message.operation, { now: this.config.now ? new Date(this.config.now) : new Date() });
        if (!outcome.ok) {
          this.postChecked({ type: 'editResult', requestId: message.requestId, ok: false, error: outcome.error });
          return;
        }
        this.setDocument(outcome.text, 'edit');
        this.postChecked({ type: 'editResult', requestId: message.requestId, ok: true, label: outcome.label, ...(outcome.select ? { select: outcome.select } : {}) });
        return;
      }
      case 'runCommand':
        this.commands.push(message.command);
        if (message.command === 'undo' && this.undoStack.length > 0) {
          this.redoStack.push(this.text);
          this.setDocument(this.undoStack.pop()!, 'undo');
        } else if (message.command === 'redo' && this.redoStack.length > 0) {
          this.undoStack.push(this.text);
          this.setDocument(this.redoStack.pop()!, 'redo');
        } else if (message.command === 'exportSvg' || message.command === 'exportPng') {
          this.postChecked({ type: 'exportRequest', requestId: `export-${++this.requests}`, format: message.command === 'exportSvg' ? 'svg' : 'png' });
        }
        return;
      case 'exportResult':
        this.exports.push({ format: message.format, ...(message.data !== undefined ? { data: message.data } : {}), ...(message.error !== undefined ? { error: message.error } : {}) });
        return;
      case 'viewContactQueue':
        this.commands.push(`viewContactQueue ${message.nodeId}`);
        return;
      case 'liveView':
        this.commands.push(`liveView ${message.on ? 'on' : 'off'}`);
        return;
      case 'openAsText':
      case 'revealPath':
      case 'rendered':
      case 'log':
      case 'error':
        return;
    }
  }
}

const config = (window as unknown as { __journeyHarness?: HarnessConfig }).__journeyHarness;
if (!config) throw new Error('The harness page needs window.__journeyHarness (text, fileName).');
const host = new FakeHost(config);
let acquired = false;
Object.assign(window, {
  __host: host,
  acquireVsCodeApi() {
    if (acquired) throw new Error('acquireVsCodeApi can be called only once');
    acquired = true;
    // Like VS Code, delivery to the host is asynchronous and by copy.
    return { postMessage: (m: unknown) => { const copy = structuredClone(m); setTimeout(() => host.receive(copy), 0); }, getState: () => undefined, setState: () => undefined };
  },
});
