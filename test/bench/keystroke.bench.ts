// Keystroke to diagnostics over a real LSP connection (#16): our language
// server (dist/server.js, as the editor starts it) and the peer, VS Code's
// JSON language service with its own 500 ms validation delay behind the same
// kind of stdio connection (test/bench/lsp/jsonPeerServer.ts), each open a
// generated 2,000-point journey (~0.93 MB); then, one keystroke at a time
// (an incremental change of one character in a point's title, the next
// keystroke after the previous one's diagnostics), the time from sending
// didChange to receiving publishDiagnostics for that version. Prints the
// median and p90 of both on the same run. Goal: ours median ≤ 100 ms and
// p90 ≤ 150 ms (exit 1 otherwise). The machine may be loaded: the
// validation's own time is printed for scale.
// Usage: npm run bench:keystroke [-- --keys 30 --points 2000]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { validateJourneyText } from '../../src/core/validate';
import { ensureDistBuilt } from '../support/builtDist';
import { largeJourneyText } from './largeJourney';

const GOAL_MEDIAN_MS = 100;
const GOAL_P90_MS = 150;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

interface Server {
  open(uri: string, text: string): Promise<void>;
  /** Sends one incremental change and resolves with the ms until its diagnostics arrive. */
  keystroke(uri: string, version: number, offsetLine: number, offsetCharacter: number, character: string): Promise<number>;
  stop(): void;
}

async function start(args: string[]): Promise<Server> {
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, (p: PublishDiagnosticsParams) => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => waiting.get(`${p.uri}@${p.version}`)?.(p));
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
  await connection.sendNotification(InitializedNotification.type, {});
  const published = (uri: string, version: number) => new Promise<void>((resolve) => waiting.set(`${uri}@${version}`, () => resolve()));
  return {
    async open(uri, text) {
      const done = published(uri, 1);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'journey-json', version: 1, text } });
      await done;
    },
    async keystroke(uri, version, line, character, text) {
      const done = published(uri, version);
      const t0 = performance.now();
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }] });
      await done;
      return performance.now() - t0;
    },
    stop() {
      connection.dispose();
      child.kill();
    },
  };
}

async function typeInto(server: Server, text: string, keys: number): Promise<number[]> {
  const uri = 'file:///bench/large.journey.json';
  await server.open(uri, text);
  // Type at the end of the title of a point halfway through the document.
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => i > lines.length / 2 && /"title": "/.test(l));
  const column = lines[at]!.lastIndexOf('"');
  const times: number[] = [];
  for (let k = 0; k < keys; k++) times.push(await server.keystroke(uri, k + 2, at, column + k, 'abcdefghij'[k % 10]!));
  return times;
}

async function main(): Promise<void> {
  const keys = option('keys', 30);
  const points = option('points', 2000);
  const text = largeJourneyText(points);
  ensureDistBuilt();
  console.log(`keystroke → diagnostics: ${points} points, ${(Buffer.byteLength(text) / 2 ** 20).toFixed(2)} MB, ${keys} keystrokes each; ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const t0 = performance.now();
  validateJourneyText(text);
  const workMs = performance.now() - t0;

  const ours = await start([join(__dirname, '..', '..', 'dist', 'server.js'), '--stdio']);
  const oursTimes = await typeInto(ours, text, keys).finally(() => ours.stop());
  const peer = await start(['--import', 'tsx', join(__dirname, 'lsp', 'jsonPeerServer.ts'), '--stdio']);
  const peerTimes = await typeInto(peer, text, keys).finally(() => peer.stop());

  const row = (label: string, t: number[]) => `  ${label.padEnd(44)} median ${ms(quantile(t, 0.5)).padStart(9)}  p90 ${ms(quantile(t, 0.9)).padStart(9)}  min ${ms(Math.min(...t)).padStart(9)}`;
  console.log(row('ours (journey language server)', oursTimes));
  console.log(row('VS Code JSON language service (500 ms delay)', peerTimes));
  console.log(`  for scale: one full validation of the document in this process: ${ms(workMs)} (cold)`);
  const median = quantile(oursTimes, 0.5);
  const p90 = quantile(oursTimes, 0.9);
  const met = median <= GOAL_MEDIAN_MS && p90 <= GOAL_P90_MS;
  console.log(`goal median ≤ ${GOAL_MEDIAN_MS} ms, p90 ≤ ${GOAL_P90_MS} ms: ${met ? 'met' : 'NOT met'} (${ms(median)}, ${ms(p90)}); ratio peer/ours (median): ${(quantile(peerTimes, 0.5) / median).toFixed(1)}×`);
  if (!met) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
