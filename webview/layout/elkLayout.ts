// Lays the map out with elkjs (layered, top to bottom, orthogonal edges)
// off the UI thread: the bundled elkjs worker script runs in a Web Worker
// created from a Blob (the webview's CSP allows worker-src blob:). The
// worker starts when this module loads, so it is warm by the first layout.
import ElkConstructor, { type ELK, type ElkNode } from 'elkjs/lib/elk-api.js';
import elkWorkerSource from 'elkjs/lib/elk-worker.min.js' with { type: 'text' };
import { type MapModel, toElkGraph } from '../../src/core/mapModel';

export interface Point {
  x: number;
  y: number;
}

export interface LaidOutNode {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Port positions relative to the node, by port id. */
  ports: Map<string, Point>;
}

export interface LaidOutEdge {
  points: Point[];
  label?: { x: number; y: number; width: number; height: number };
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: Map<string, LaidOutNode>;
  edges: Map<string, LaidOutEdge>;
  /** Milliseconds elkjs took for this layout (in the warm worker, round trip included). */
  layoutMs: number;
  /** How far this layout moved the world against the one shown before (the canvas moves its viewport back by as much). */
  worldShift?: Point;
}

interface ElkResultNode {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  ports?: { id: string; x?: number; y?: number }[];
}
interface ElkResultEdge {
  id: string;
  sections?: { startPoint: Point; endPoint: Point; bendPoints?: Point[] }[];
  labels?: { x?: number; y?: number; width?: number; height?: number }[];
}
interface ElkResult {
  width?: number;
  height?: number;
  children?: ElkResultNode[];
  edges?: ElkResultEdge[];
}

let engine: ELK | undefined;
let engineReady: Promise<unknown> = Promise.resolve();
let engineError: Error | undefined;

/** Starts the layout worker (idempotent). */
export function startLayoutEngine(): void {
  if (engine || engineError) return;
  try {
    const url = URL.createObjectURL(new Blob([elkWorkerSource], { type: 'text/javascript' }));
    engine = new ElkConstructor({ workerFactory: () => new Worker(url), algorithms: ['layered'] });
    // A first round trip: resolves once the worker has loaded elkjs.
    engineReady = engine.knownLayoutAlgorithms().catch(() => undefined);
  } catch (error) {
    engineError = error instanceof Error ? error : new Error(String(error));
  }
}

/** The elkjs layout of the map's graph (pinned positions are applied afterwards, see `applyPins`). */
export async function layoutMap(model: MapModel): Promise<MapLayout> {
  startLayoutEngine();
  if (!engine) throw engineError ?? new Error('The layout engine did not start.');
  const graph = toElkGraph(model);
  // Time the layout alone, not the worker's start-up (which overlaps the page's own).
  await engineReady;
  performance.mark('journey:layout-start');
  const started = performance.now();
  const result = (await engine.layout(graph as unknown as ElkNode)) as unknown as ElkResult;
  const layoutMs = performance.now() - started;
  performance.mark('journey:layout-end');
  const nodes = new Map<string, LaidOutNode>();
  for (const c of result.children ?? []) {
    const ports = new Map<string, Point>();
    for (const p of c.ports ?? []) ports.set(p.id, { x: p.x ?? 0, y: p.y ?? 0 });
    nodes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0, ports });
  }
  const edges = new Map<string, LaidOutEdge>();
  for (const e of result.edges ?? []) {
    const section = e.sections?.[0];
    if (!section) continue;
    const label = e.labels?.[0];
    edges.set(e.id, {
      points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint],
      ...(label && label.x !== undefined && label.y !== undefined ? { label: { x: label.x, y: label.y, width: label.width ?? 0, height: label.height ?? 0 } } : {}),
    });
  }
  return { width: result.width ?? 0, height: result.height ?? 0, nodes, edges, layoutMs };
}
