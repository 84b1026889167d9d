// The typed message contract between the extension host and the journey
// map webview, validated with zod on both sides: a message that does not fit
// is rejected with an error, never half-handled. Pure (no `vscode`), so the
// webview bundle imports it too.
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;

const WireDiagnostic = z.object({
  code: z.string(),
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'information', 'hint']),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
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
  }),
]);
export type DocumentState = z.infer<typeof DocumentState>;

export const HostToWebview = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('update'),
    protocol: z.literal(PROTOCOL_VERSION),
    documentVersion: z.number().int(),
    fileName: z.string(),
    readOnly: z.boolean(),
    state: DocumentState,
  }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type HostToWebview = z.infer<typeof HostToWebview>;

/** A summary of what the webview drew, reported back so tests and the status bar can read it. */
export const RenderedSummary = z.object({
  documentVersion: z.number().int(),
  title: z.string(),
  startingPoints: z.array(z.string()),
  points: z.array(z.string()),
  problems: z.number().int(),
  unparseable: z.boolean(),
});
export type RenderedSummary = z.infer<typeof RenderedSummary>;

export const WebviewToHost = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), protocol: z.literal(PROTOCOL_VERSION) }),
  z.object({ type: z.literal('openAsText') }),
  z.object({ type: z.literal('revealPath'), path: z.array(z.union([z.string(), z.number()])) }),
  z.object({ type: z.literal('rendered'), summary: RenderedSummary }),
  z.object({ type: z.literal('log'), level: z.enum(['info', 'warn', 'error']), message: z.string() }),
]);
export type WebviewToHost = z.infer<typeof WebviewToHost>;
