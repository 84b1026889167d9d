// The typed message contract between the extension host and the journey
// map webview, validated with zod on both sides: tagged unions, request ids
// for the messages that get an answer, a ready → init handshake, and an
// `error` answer to any message that does not fit. Pure (no `vscode`), so
// the webview bundle and the browser test harness import it too.
import { z } from 'zod';
import { JourneyOperation } from './core/edits/journeyOperation';

export { JourneyOperation };

export const PROTOCOL_VERSION = 2;

const JsonPathWire = z.array(z.union([z.string(), z.number()]));

const WireDiagnostic = z.object({
  code: z.string(),
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'information', 'hint']),
  message: z.string(),
  path: JsonPathWire,
  line: z.number().int(),
  character: z.number().int(),
});
export type WireDiagnostic = z.infer<typeof WireDiagnostic>;

/** What the host knows about the document, sent whenever it changes. */
export const DocumentState = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('journey'),
    /** The parsed JSON value; it fits the schema only when `valid`. */
    value: z.unknown(),
    valid: z.boolean(),
    diagnostics: z.array(WireDiagnostic),
  }),
  z.object({
    kind: z.literal('unparseable'),
    /** JSON syntax errors: the designer shows them and never edits the text. */
    errors: z.array(WireDiagnostic),
    /** The text is empty (only whitespace): the map offers to start a journey there. */
    empty: z.boolean().optional(),
  }),
]);
export type DocumentState = z.infer<typeof DocumentState>;

/** The document as the map needs it: sent in `init` and in every `update`. */
const DocumentPayload = {
  documentVersion: z.number().int(),
  fileName: z.string(),
  /** The editor cannot change the file at all (read-only file system, diff view). */
  readOnly: z.boolean(),
  state: DocumentState,
  /** R1: how many starting points the journey may have (null: no limit), and why. */
  startingPointLimit: z.object({ max: z.number().int().positive().nullable(), reason: z.string() }),
};

/** Per journey point counters of a simulation (issue 5 fills them from the simulator's snapshot). */
export const PointStats = z.object({
  entered: z.number().int().nonnegative().optional(),
  left: z.number().int().nonnegative().optional(),
  queued: z.number().int().nonnegative().optional(),
  sent: z.number().int().nonnegative().optional(),
  suppressed: z.number().int().nonnegative().optional(),
  /** Contacts that left the journey at this point without completing it. */
  exited: z.number().int().nonnegative().optional(),
  /** Shown instead of the counts (a comparison's "12 → 9 in"). */
  text: z.string().optional(),
  /** A comparison's mark: the point is new, changed or renamed in this version. */
  mark: z.enum(['added', 'changed', 'renamed']).optional(),
});
export type PointStats = z.infer<typeof PointStats>;

/** Where the live numbers come from and how the last reading went. */
export const LiveStatus = z.object({
  /** The published version shown (null until the first reading). */
  version: z.number().int().positive().nullable(),
  /** When the numbers were read (ISO instant; null before the first reading). */
  updatedAt: z.string().nullable(),
  ingressUrl: z.string(),
  /** Why the last reading failed (service down, journey not deployed ...): shown on the map, which keeps the last numbers. */
  error: z.string().optional(),
});
export type LiveStatus = z.infer<typeof LiveStatus>;

/** A simulation drawn over the map: stats badges per node and one contact's path highlighted. */
export const SimulationOverlay = z.object({
  /** What the numbers describe, e.g. "Simulated until 2026-03-04 09:00". */
  label: z.string().optional(),
  points: z.record(z.string(), PointStats),
  startingPoints: z.record(z.string(), z.object({ entered: z.number().int().nonnegative(), text: z.string().optional(), mark: z.enum(['added', 'changed', 'renamed']).optional() })).optional(),
  /** The selected contact (`label`: its name and email) and the node ids it went through, in order. */
  contact: z.object({ id: z.string(), label: z.string().optional(), path: z.array(z.string()) }).optional(),
  /** The numbers describe an older version of the journey. */
  stale: z.boolean().optional(),
  /** The numbers are the running service's (live view: "Journey: Show Live Stats"), not a simulation. */
  live: LiveStatus.optional(),
});
export type SimulationOverlay = z.infer<typeof SimulationOverlay>;

/** Commands the host forwards to the map (from the command palette and keybindings). */
export const MapCommand = z.enum(['fitToView', 'zoomIn', 'zoomOut', 'actualSize', 'focusMap']);
export type MapCommand = z.infer<typeof MapCommand>;

export const ExportFormat = z.enum(['svg', 'png']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const HostToWebview = z.discriminatedUnion('type', [
  /** The answer to `ready`: the document and everything the map needs to start. */
  z.object({ type: z.literal('init'), protocol: z.literal(PROTOCOL_VERSION), ...DocumentPayload }),
  /** The document changed (an edit from any editor, undo, redo, revert, an external change). */
  z.object({ type: z.literal('update'), ...DocumentPayload }),
  /** The answer to `edit`: applied (with the node to select) or refused with the reason. */
  z.object({ type: z.literal('editResult'), requestId: z.string(), ok: z.boolean(), error: z.string().optional(), select: z.string().optional(), label: z.string().optional() }),
  /** Select the node of this id (the text cursor moved into it); null clears the selection. */
  z.object({ type: z.literal('select'), nodeId: z.string().nullable() }),
  z.object({ type: z.literal('command'), command: MapCommand }),
  /** Serialize the map for export; answered by `exportResult`. */
  z.object({ type: z.literal('exportRequest'), requestId: z.string(), format: ExportFormat }),
  /** Show (or, with null, clear) a simulation over the map. */
  z.object({ type: z.literal('simulation'), overlay: SimulationOverlay.nullable() }),
  z.object({ type: z.literal('error'), message: z.string(), requestId: z.string().optional() }),
  /** The answer to `quickFixes` (the titles of the fixes VS Code offers there) or to `applyQuickFix` (`applied`). */
  z.object({ type: z.literal('quickFixesResult'), requestId: z.string(), fixes: z.array(z.string()), applied: z.boolean().optional(), error: z.string().optional() }),
]);
export type HostToWebview = z.infer<typeof HostToWebview>;

/** What the person sees of the map, measured after a paint (webview/map/measureView.ts). */
export const RenderedView = z.object({
  canvas: z.object({ width: z.number(), height: z.number() }),
  /** Nodes not wholly inside the map's canvas. */
  offScreen: z.number().int(),
  /** Nodes under the inspector or the overview. */
  covered: z.number().int(),
  /** Lines of node text cut with an ellipsis or running out of their node. */
  cutLines: z.number().int(),
  /** Each node's top left corner on screen, by key. */
  positions: z.record(z.string(), z.tuple([z.number(), z.number()])),
});
export type RenderedView = z.infer<typeof RenderedView>;

/** A summary of what the webview drew, reported back so tests and the status bar can read it. */
export const RenderedSummary = z.object({
  documentVersion: z.number().int(),
  title: z.string(),
  startingPoints: z.array(z.string()),
  points: z.array(z.string()),
  problems: z.number().int(),
  unparseable: z.boolean(),
  /** Edges drawn, as `from -label-> to` (label empty for a plain next). */
  edges: z.array(z.string()).optional(),
  /** The map shows an older document because the text does not parse now. */
  outOfSync: z.boolean().optional(),
  /** R22: the map is read-only because this version is published. */
  published: z.boolean().optional(),
  selected: z.string().nullable().optional(),
  /** Milliseconds the elkjs layout of this render took (0 when the layout was reused). */
  layoutMs: z.number().optional(),
  view: RenderedView.optional(),
});
export type RenderedSummary = z.infer<typeof RenderedSummary>;

export const HostCommand = z.enum(['undo', 'redo', 'exportSvg', 'exportPng', 'openAsText']);
export type HostCommand = z.infer<typeof HostCommand>;

export const WebviewToHost = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), protocol: z.literal(PROTOCOL_VERSION) }),
  /** A meaning-level edit; the host answers with `editResult` of the same request id. */
  z.object({ type: z.literal('edit'), requestId: z.string(), documentVersion: z.number().int(), operation: JourneyOperation }),
  z.object({ type: z.literal('openAsText') }),
  z.object({ type: z.literal('revealPath'), path: JsonPathWire }),
  /** Run a VS Code command for the map (undo and redo are VS Code's, on the text document). */
  z.object({ type: z.literal('runCommand'), command: HostCommand }),
  z.object({ type: z.literal('exportResult'), requestId: z.string(), format: ExportFormat, data: z.string().optional(), error: z.string().optional() }),
  z.object({ type: z.literal('rendered'), summary: RenderedSummary }),
  z.object({ type: z.literal('log'), level: z.enum(['info', 'warn', 'error']), message: z.string() }),
  /** "View Contact Queue" on a point of a simulated map (or of the live view): show who waits there. */
  z.object({ type: z.literal('viewContactQueue'), nodeId: z.string() }),
  /** The map's Live button: start (or stop) showing the running service's live stats on this journey. */
  z.object({ type: z.literal('liveView'), on: z.boolean() }),
  /** The webview's answer to a host message it did not understand. */
  z.object({ type: z.literal('error'), message: z.string(), requestId: z.string().optional() }),
  /** The quick fixes VS Code offers for the problem of `code` at line/character (as in the text editor's light bulb). */
  z.object({ type: z.literal('quickFixes'), requestId: z.string(), code: z.string(), line: z.number().int().nonnegative(), character: z.number().int().nonnegative() }),
  /** Applies the quick fix of this title from the last `quickFixes` answer: one edit of the document. */
  z.object({ type: z.literal('applyQuickFix'), requestId: z.string(), title: z.string() }),
]);
export type WebviewToHost = z.infer<typeof WebviewToHost>;

/** The request id of a message that failed validation, if it carried one, so the error answer can name it. */
export function requestIdOf(raw: unknown): string | undefined {
  const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['requestId'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** A short description of why a message did not fit the contract. */
export function describeRejection(error: z.ZodError, raw: unknown): string {
  const type = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['type'] : undefined;
  const issue = error.issues[0];
  return `message ${typeof type === 'string' ? `"${type}"` : 'without a type'} rejected: ${issue ? `${issue.path.join('.') || '(message)'}: ${issue.message}` : 'invalid'}`;
}
