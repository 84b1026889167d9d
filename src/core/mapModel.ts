// The journey as the map draws it: one node per starting point and journey
// point (type icon, title, one-line summary, its own diagnostics), one edge
// per successor reference (labelled yes / no / timeout / 30%, leaving its own
// port), a ghost node for each id that is referenced but missing, and the
// ELK graph (sizes, ports, labels, layering) to lay it out. Works on the raw
// JSON value, so a document with invalid points still draws. Pure.
import type { JsonPath } from './jsonDocument';
import { arrayField, isObject, stringField, successorRefs } from './edits/nodeReferences';
import type { Slot } from './edits/journeyOperation';
import { holdsTooDeepFilter } from './filterDepth';
import { POINT_TYPE_LABELS, summarizeFilter, summarizePoint, summarizeTrigger } from './pointSummary';
import { JourneyPoint, StartingPoint, type PointType, type TriggerType } from './schema';
import { summaryNamesOf } from './summaryNames';

export const NODE_WIDTH = 264;
export const NODE_HEIGHT = 72;
const GHOST_HEIGHT = 48;

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A diagnostic as the map needs it (the wire form of the host's diagnostics). */
export interface MapDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  path: JsonPath;
  line: number;
}

export interface MapPort {
  /** Unique in the graph: `<node key>/<slot>`. */
  id: string;
  slot: Slot;
  label: string;
}

export interface MapNode {
  /** Unique key on the map: the node id, or `<id>~2`... for duplicates, `missing:<id>` for ghosts. */
  key: string;
  /** The id in the file (for ghosts: the missing id). */
  id: string;
  kind: 'start' | 'point' | 'missing';
  /** Point type, `start`, or `missing`. */
  type: string;
  typeLabel: string;
  /** Codicon name. */
  icon: string;
  title: string;
  summary: string;
  /** Path of the node object in the file (empty for ghosts). */
  path: JsonPath;
  /** Whether the node fits the schema. */
  valid: boolean;
  problems: MapDiagnostic[];
  ports: MapPort[];
  pinned?: { x: number; y: number };
  width: number;
  height: number;
}

export interface MapEdge {
  /** `<from key>/<slot>`, also the id of the port it leaves from. */
  key: string;
  from: string;
  to: string;
  /** The id the reference names (for ghosts too). */
  toId: string;
  slot: Slot;
  /** Shown on the edge: `yes`, `no`, `timeout`, `30%`; empty for a plain next. */
  label: string;
  /** Path of the reference in the file. */
  path: JsonPath;
  dangling: boolean;
}

export interface MapModel {
  title: string;
  nodes: MapNode[];
  edges: MapEdge[];
  /** Diagnostics that belong to no node. */
  journeyProblems: MapDiagnostic[];
  /**
   * Equal for two models exactly when elkjs would lay them out the same
   * (same nodes, ports, edges and labels): titles, summaries, problems and
   * pins (applied after the layout) do not count.
   */
  shapeKey: string;
}

const TRIGGER_ICONS: Record<TriggerType, string> = {
  audienceJoined: 'person-add',
  tagAdded: 'tag',
  tagRemoved: 'tag',
  customEvent: 'symbol-event',
  formSubmitted: 'checklist',
  campaignActivity: 'mail-read',
  dateField: 'calendar',
  segmentEntered: 'organization',
  api: 'plug',
};

export const POINT_ICONS: Record<PointType, string> = {
  sendEmail: 'mail',
  sendSms: 'comment',
  addTag: 'tag',
  removeTag: 'circle-slash',
  updateField: 'symbol-field',
  subscribeList: 'bell',
  unsubscribeList: 'bell-slash',
  webhook: 'globe',
  exit: 'sign-out',
  ifElse: 'question',
  wait: 'watch',
  waitUntil: 'calendar',
  waitForEvent: 'bell-dot',
  split: 'type-hierarchy-sub',
  end: 'pass-filled',
};

const isPointType = (t: string): t is PointType => t in POINT_TYPE_LABELS;

/**
 * Schema checks of points by their JSON text: an edit changes one point or
 * a few, so a map built again checks only those (the check is most of the
 * cost of building the map of a large journey).
 */
const parsedPoints = new Map<string, ReturnType<typeof JourneyPoint.safeParse>>();
function parsePoint(raw: unknown): ReturnType<typeof JourneyPoint.safeParse> | { success: false } {
  if (holdsTooDeepFilter(raw)) return { success: false };
  const text = JSON.stringify(raw);
  let parsed = parsedPoints.get(text);
  if (!parsed) {
    parsed = JourneyPoint.safeParse(raw);
    if (parsedPoints.size >= 20000) parsedPoints.clear();
    parsedPoints.set(text, parsed);
  }
  return parsed;
}

/** The node a diagnostic belongs to: the starting point or journey point its path is inside. */
function ownerOf(path: JsonPath): { section: 'startingPoints' | 'points'; index: number } | undefined {
  const [section, index] = path;
  if ((section === 'startingPoints' || section === 'points') && typeof index === 'number') return { section, index };
  return undefined;
}

export function buildMapModel(value: unknown, diagnostics: readonly MapDiagnostic[]): MapModel {
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const keyOfId = new Map<string, string>();
  const problemsBySection = { startingPoints: new Map<number, MapDiagnostic[]>(), points: new Map<number, MapDiagnostic[]>() };
  const journeyProblems: MapDiagnostic[] = [];
  for (const d of diagnostics) {
    const owner = ownerOf(d.path);
    if (!owner) journeyProblems.push(d);
    else {
      const map = problemsBySection[owner.section];
      map.set(owner.index, [...(map.get(owner.index) ?? []), d]);
    }
  }
  const layout = isObject(value) && isObject(value['layout']) ? value['layout'] : {};
  const names = summaryNamesOf(value);
  const pinOf = (id: string) => {
    const p = layout[id];
    return isObject(p) && typeof p['x'] === 'number' && typeof p['y'] === 'number' ? { x: p['x'], y: p['y'] } : undefined;
  };
  const uniqueKey = (id: string) => {
    if (!keyOfId.has(id)) {
      keyOfId.set(id, id);
      return id;
    }
    for (let n = 2; ; n++) if (!nodes.some((x) => x.key === `${id}~${n}`)) return `${id}~${n}`;
  };

  const pending: { from: MapNode; raw: unknown; kind: 'start' | 'point'; index: number }[] = [];
  /** Adds the node of a starting point or journey point; what differs between the two is in `look`. */
  const addNode = (raw: unknown, kind: 'start' | 'point', index: number, id: string, look: Pick<MapNode, 'type' | 'typeLabel' | 'icon' | 'title' | 'summary' | 'valid'>) => {
    const section = kind === 'start' ? 'startingPoints' : 'points';
    const node: MapNode = {
      key: uniqueKey(id),
      id,
      kind,
      ...look,
      path: [section, index],
      problems: problemsBySection[section].get(index) ?? [],
      ports: [],
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    };
    const pin = pinOf(id);
    if (pin) node.pinned = pin;
    nodes.push(node);
    pending.push({ from: node, raw, kind, index });
  };
  arrayField(value, 'startingPoints').forEach((raw, index) => {
    const id = stringField(raw, 'id') ?? `starting point ${index + 1}`;
    // A filter nested absurdly deep is not parsed (the schema recurses): the node shows it is invalid.
    const parsed = holdsTooDeepFilter(raw) ? { success: false as const } : StartingPoint.safeParse(raw);
    const triggerType = stringField(isObject(raw) ? raw['trigger'] : undefined, 'type') ?? '';
    addNode(raw, 'start', index, id, {
      type: 'start',
      typeLabel: 'Starting point',
      icon: (Object.hasOwn(TRIGGER_ICONS, triggerType) ? TRIGGER_ICONS[triggerType as TriggerType] : undefined) ?? 'debug-start',
      title: stringField(raw, 'name') ?? id,
      summary: parsed.success
        ? summarizeTrigger(parsed.data.trigger, names) + (parsed.data.filter ? ` · only if ${summarizeFilter(parsed.data.filter, names)}` : '')
        : 'Not a valid starting point: see its problems',
      valid: parsed.success,
    });
  });
  arrayField(value, 'points').forEach((raw, index) => {
    const id = stringField(raw, 'id') ?? `point ${index + 1}`;
    const type = stringField(raw, 'type') ?? '';
    const parsed = parsePoint(raw);
    const known = isPointType(type);
    addNode(raw, 'point', index, id, {
      type: known ? type : 'unknown',
      typeLabel: known ? POINT_TYPE_LABELS[type] : `Unknown type "${type}"`,
      icon: known ? POINT_ICONS[type] : 'question',
      title: stringField(raw, 'title') ?? id,
      summary: parsed.success ? summarizePoint(parsed.data, names) : 'Not a valid point: see its problems',
      valid: parsed.success,
    });
  });

  const ghosts = new Map<string, MapNode>();
  const startKeys = new Set(nodes.filter((n) => n.kind === 'start').map((n) => n.key));
  for (const { from, raw, kind, index } of pending) {
    for (const ref of successorRefs(kind, raw)) {
      if (ref.to === undefined) continue;
      const portId = `${from.key}/${ref.slot}`;
      from.ports.push({ id: portId, slot: ref.slot, label: ref.label === 'next' ? '' : ref.label });
      let to = keyOfId.get(ref.to);
      // A starting point is not a journey point: an edge to one dangles too.
      if (to !== undefined && startKeys.has(to)) to = undefined;
      if (to === undefined) {
        let ghost = ghosts.get(ref.to);
        if (!ghost) {
          ghost = {
            key: `missing:${ref.to}`,
            id: ref.to,
            kind: 'missing',
            type: 'missing',
            typeLabel: 'Missing point',
            icon: 'warning',
            title: ref.to,
            summary: 'No journey point has this id',
            path: [],
            valid: false,
            problems: [],
            ports: [],
            width: NODE_WIDTH,
            height: GHOST_HEIGHT,
          };
          ghosts.set(ref.to, ghost);
        }
        to = ghost.key;
      }
      edges.push({
        key: portId,
        from: from.key,
        to,
        toId: ref.to,
        slot: ref.slot,
        label: kind === 'start' || ref.label === 'next' ? '' : ref.label,
        path: [kind === 'start' ? 'startingPoints' : 'points', index, ...ref.path],
        dangling: to.startsWith('missing:'),
      });
    }
  }
  for (const ghost of ghosts.values()) nodes.push(ghost); // not spread: there may be more ghosts than a call takes arguments

  const shapeKey = JSON.stringify([
    nodes.map((n) => [n.key, n.kind, n.height, n.ports.map((p) => [p.slot, p.label])]),
    edges.map((e) => [e.key, e.to, e.label]),
  ]);
  const title = isObject(value) && typeof value['name'] === 'string' ? value['name'] : '';
  return { title, nodes, edges, journeyProblems, shapeKey };
}

// ---------------------------------------------------------------------------
// The ELK graph: layered, top to bottom, orthogonal edges, starting points
// in the first layer, each node's successors leaving from ordered ports.

export interface ElkLabelJson {
  text: string;
  width: number;
  height: number;
}
export interface ElkPortJson {
  id: string;
  width: number;
  height: number;
  layoutOptions: Record<string, string>;
}
export interface ElkNodeJson {
  id: string;
  width: number;
  height: number;
  ports?: ElkPortJson[];
  layoutOptions?: Record<string, string>;
}
export interface ElkEdgeJson {
  id: string;
  sources: string[];
  targets: string[];
  labels?: ElkLabelJson[];
}
export interface ElkGraphJson {
  id: string;
  layoutOptions: Record<string, string>;
  children: ElkNodeJson[];
  edges: ElkEdgeJson[];
}

export const EDGE_LABEL_HEIGHT = 16;
/** Width of an edge label: a generous estimate of the text at the map's label font size. */
export const labelWidth = (text: string) => Math.ceil(text.length * 6.5) + 12;

export const ELK_LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.spacing.nodeNode': '36',
  'elk.spacing.edgeNode': '20',
  'elk.spacing.edgeEdge': '12',
  'elk.spacing.edgeLabel': '4',
  'elk.layered.spacing.edgeNodeBetweenLayers': '20',
  // Keep the file's order (starting points left to right as written), so
  // the layout is predictable and stable under small edits.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.edgeLabels.inline': 'true',
  'elk.padding': '[top=24,left=24,bottom=24,right=24]',
};

export function toElkGraph(model: MapModel): ElkGraphJson {
  return {
    id: 'journey',
    layoutOptions: ELK_LAYOUT_OPTIONS,
    children: model.nodes.map((n) => ({
      id: n.key,
      width: n.width,
      height: n.height,
      ...(n.ports.length > 0
        ? {
            ports: n.ports.map((p, i) => ({
              id: p.id,
              width: 1,
              height: 1,
              layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.index': String(n.ports.length - 1 - i) },
            })),
          }
        : {}),
      layoutOptions: {
        ...(n.ports.length > 0 ? { 'elk.portConstraints': 'FIXED_ORDER' } : {}),
        ...(n.kind === 'start' ? { 'elk.layered.layering.layerConstraint': 'FIRST' } : {}),
      },
    })),
    edges: model.edges.map((e) => ({
      id: e.key,
      sources: [e.key],
      targets: [e.to],
      ...(e.label ? { labels: [{ text: e.label, width: labelWidth(e.label), height: EDGE_LABEL_HEIGHT }] } : {}),
    })),
  };
}
