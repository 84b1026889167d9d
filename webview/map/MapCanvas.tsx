// The journey map itself: laid-out nodes and edges in one SVG with zoom
// (ctrl/cmd + wheel, + and -), pan (drag the background, wheel), fit to view
// (0), keyboard navigation between nodes (arrows, Home, Enter to show the
// JSON, Delete, Insert), drag a node to pin it, drag from a node's port to
// connect it, "+" on every edge, and an overview when the map is larger
// than the screen.
import { memo, type Ref, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { MapEdge, MapModel, MapNode } from '../../src/core/mapModel';
import type { SimulationOverlay } from '../../src/webviewProtocol';
import { iconChar } from '../icons';
import type { MapLayout, Point } from '../layout/elkLayout';
import { applyPins } from '../layout/pinnedLayout';
import { collapsibleNodes, isCollapsedNode } from './collapseBranches';
import { COLUMN_MIN_NODES } from '../layout/columnLayout';
import { EdgeView, insertButtonPoint } from './EdgeView';
import { mapFontFamily } from './mapFont';
import { Minimap } from './Minimap';
import { SimulationLegend } from './SimulationLegend';
import { NodeView } from './NodeView';
import { nodeAccessibleName, statsText } from './nodeStyle';
import { fitViewport, revealRect, type Size, type Viewport, ZOOM_STEP, zoomAt } from './viewport';

export interface MapCanvasHandle {
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  actualSize(): void;
  /** Scrolls the node into view and focuses it. */
  reveal(key: string, focus: boolean): void;
  focus(): void;
  /** The SVG element drawing the map (for export). */
  svg(): SVGSVGElement | null;
  /** The map's full layout (for export). */
  bounds(): { width: number; height: number };
}

/** The "+" on an edge: inserts a point there (click, Enter or Space). */
const InsertButton = memo(function InsertButton(p: { edgeKey: string; x: number; y: number; label: string; tabbable: boolean; onActivate(edgeKey: string, at: Point): void }) {
  return (
    <g
      className="insert-button"
      data-edge={p.edgeKey}
      transform={`translate(${p.x} ${p.y})`}
      role="button"
      aria-label={p.label}
      tabIndex={p.tabbable ? 0 : -1}
      onClick={(e) => {
        e.stopPropagation();
        p.onActivate(p.edgeKey, { x: p.x, y: p.y });
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        e.stopPropagation();
        p.onActivate(p.edgeKey, { x: p.x, y: p.y });
      }}
    >
      <title>{p.label}</title>
      <circle r={9} />
      <text className="codicon-glyph" textAnchor="middle" dominantBaseline="central">{iconChar('add')}</text>
    </g>
  );
});

export interface MapCanvasProps {
  model: MapModel;
  layout: MapLayout;
  selected: string | null;
  editable: boolean;
  overlay: SimulationOverlay | null;
  onSelect(key: string | null): void;
  onReveal(node: MapNode): void;
  onInsert(edges: MapEdge[], at: Point): void;
  onDelete(node: MapNode): void;
  onPin(key: string, at: Point): void;
  onConnect(edge: MapEdge, targetKey: string): void;
  /** Branching points whose branches are drawn collapsed, and the toggle (all of them with null: expand all). */
  collapsed?: ReadonlySet<string>;
  onCollapse?(keys: ReadonlySet<string>): void;
  /** "View Contact Queue" of a point, offered while a simulation or the live stats are shown. */
  onViewQueue?(node: MapNode): void;
  handle: Ref<MapCanvasHandle>;
  /** Nodes selected besides `selected` (Shift/Ctrl+click, a rubber band). */
  multiSelected?: ReadonlySet<string>;
  /** Shift/Ctrl+click on a node: adds it to the selection or takes it out. */
  onToggleSelect?(key: string): void;
  /** Shift/Ctrl+drag on the background: the nodes inside the band. */
  onSelectArea?(keys: string[]): void;
}

type Gesture =
  | { kind: 'pan'; pointerId: number; startX: number; startY: number; from: Viewport; moved: boolean }
  | { kind: 'node'; pointerId: number; key: string; startX: number; startY: number; origin: Point; moved: boolean }
  | { kind: 'connect'; pointerId: number; edge: MapEdge; start: Point }
  | { kind: 'band'; pointerId: number; start: Point };

const DRAG_THRESHOLD = 4;
const EMPTY: ReadonlySet<string> = new Set();
/** Below this zoom the text is too small to read: nodes show their category's tint and a large icon instead (styles.css, .zoom-far). */
export const FAR_ZOOM = 0.3;

export function MapCanvas(props: MapCanvasProps) {
  const { model, editable, selected } = props;
  const container = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [screen, setScreen] = useState<Size>({ width: 800, height: 600 });
  const [viewport, setViewport] = useState<Viewport>({ x: 0, y: 0, k: 1 });
  const fitted = useRef(false);
  const gesture = useRef<Gesture | undefined>(undefined);
  const [dragged, setDragged] = useState<{ key: string; at: Point } | undefined>();
  const [connectLine, setConnectLine] = useState<{ from: Point; to: Point } | undefined>();
  const [band, setBand] = useState<{ from: Point; to: Point } | undefined>();
  const font = useMemo(() => mapFontFamily(), []);

  const layout = useMemo(
    () => (dragged ? applyPins(props.layout, model, new Map([[dragged.key, dragged.at]])) : props.layout),
    [props.layout, model, dragged],
  );
  const nodeByKey = useMemo(() => new Map(model.nodes.map((n) => [n.key, n])), [model]);
  const outgoing = useMemo(() => {
    const out = new Map<string, MapEdge[]>();
    for (const e of model.edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
    return out;
  }, [model]);
  const collapsed = props.collapsed ?? EMPTY;
  /** Branching points whose branches can fold, and whether they are folded. */
  const branchState = useMemo(() => {
    const state = new Map<string, 'expanded' | 'collapsed'>();
    const collapsible = collapsibleNodes(model);
    for (const n of model.nodes) {
      if (n.kind !== 'point') continue;
      if (collapsed.has(n.key)) state.set(n.key, 'collapsed');
      else if (collapsible.has(n.key)) state.set(n.key, 'expanded');
    }
    return state;
  }, [model, outgoing, collapsed]);
  const toggleBranches = useCallback(
    (key: string) => {
      const next = new Set(collapsed);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      props.onCollapse?.(next);
    },
    [collapsed, props.onCollapse],
  );
  /** The branching point a collapsed placeholder belongs to. */
  const ownerOfPlaceholder = (key: string) => model.edges.find((e) => e.to === key && !isCollapsedNode({ key: e.from }))?.from;
  const incomingCount = useMemo(() => {
    const count = new Map<string, number>();
    for (const e of model.edges) count.set(e.to, (count.get(e.to) ?? 0) + 1);
    return count;
  }, [model]);
  const pathSet = useMemo(() => {
    const path = props.overlay?.contact?.path ?? [];
    const nodes = new Set(path);
    const steps = new Set<string>();
    for (let i = 1; i < path.length; i++) steps.add(`${path[i - 1]}>${path[i]}`);
    return { nodes, steps };
  }, [props.overlay]);

  // The map is in the DOM (before the browser paints it): a mark for the render benchmark.
  useLayoutEffect(() => {
    performance.mark('journey:map-committed');
  }, [props.layout]);

  // Track the size of the canvas.
  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const update = () => setScreen({ width: el.clientWidth, height: el.clientHeight });
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The first view shows the whole map, fitted to the canvas as it is then
  // (measured now, not the size last rendered); until the person moves the
  // view, a resize of the canvas (the inspector, a text editor beside it)
  // fits it again. Later layouts keep the person's viewport.
  const userMoved = useRef(false);
  const fittedTo = useRef<Size>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    if (layout.width === 0) return;
    const el = container.current;
    const size = el && el.clientWidth > 0 ? { width: el.clientWidth, height: el.clientHeight } : screen;
    if (fitted.current && userMoved.current) return;
    if (fitted.current && size.width === fittedTo.current.width && size.height === fittedTo.current.height) return;
    fitted.current = true;
    fittedTo.current = size;
    setViewport(fitViewport(layout, size));
  }, [layout, screen]);
  /** A change of view the person asked for: the view stays theirs from then on. */
  const moveView = useCallback((next: Viewport | ((v: Viewport) => Viewport)) => {
    userMoved.current = true;
    setViewport(next);
  }, []);
  const fitView = useCallback(() => {
    userMoved.current = false;
    const el = container.current;
    const size = el && el.clientWidth > 0 ? { width: el.clientWidth, height: el.clientHeight } : screen;
    fittedTo.current = size;
    setViewport(fitViewport(layout, size));
  }, [layout, screen]);

  // A layout that moved the world (see withinWorld) moves the view back: nothing moves on screen.
  useLayoutEffect(() => {
    const by = props.layout.worldShift;
    if (by) setViewport((v) => ({ ...v, x: v.x - by.x * v.k, y: v.y - by.y * v.k }));
  }, [props.layout]);

  const revealKey = useCallback(
    (key: string, focus: boolean) => {
      const box = layout.nodes.get(key);
      if (box) moveView((v) => revealRect(v, box, screen));
      if (focus) requestAnimationFrame(() => svgRef.current?.querySelector<SVGGElement>(`g.node[data-key="${CSS.escape(key)}"]`)?.focus({ preventScroll: true }));
    },
    [layout, screen],
  );

  useImperativeHandle(
    props.handle,
    () => ({
      fit: () => fitView(),
      zoomIn: () => moveView((v) => zoomAt(v, ZOOM_STEP, screen.width / 2, screen.height / 2)),
      zoomOut: () => moveView((v) => zoomAt(v, 1 / ZOOM_STEP, screen.width / 2, screen.height / 2)),
      actualSize: () => moveView((v) => zoomAt(v, 1 / v.k, screen.width / 2, screen.height / 2)),
      reveal: revealKey,
      focus: () => container.current?.focus(),
      svg: () => svgRef.current,
      bounds: () => ({ width: layout.width, height: layout.height }),
    }),
    [layout, screen, revealKey],
  );

  const toWorld = (clientX: number, clientY: number): Point => {
    const box = container.current!.getBoundingClientRect();
    return { x: (clientX - box.left - viewport.x) / viewport.k, y: (clientY - box.top - viewport.y) / viewport.k };
  };
  const nodeAt = (p: Point): string | undefined => {
    for (const [key, box] of layout.nodes) if (p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height) return key;
    return undefined;
  };

  const onWheel = (e: React.WheelEvent) => {
    const box = container.current!.getBoundingClientRect();
    if (e.ctrlKey || e.metaKey) {
      moveView((v) => zoomAt(v, Math.exp(-e.deltaY * 0.0025), e.clientX - box.left, e.clientY - box.top));
    } else {
      moveView((v) => ({ ...v, x: v.x - e.deltaX, y: v.y - e.deltaY }));
    }
  };

  const onPointerDown = (e: React.PointerEvent) => {
    if (e.button !== 0) return;
    const target = e.target as Element;
    if (target.closest('.minimap, .insert-button')) return;
    const port = target.closest<SVGElement>('.port-handle');
    const nodeEl = target.closest<SVGGElement>('g.node');
    if (port && editable) {
      container.current!.setPointerCapture(e.pointerId);
      const edge = model.edges.find((x) => x.key === port.dataset['edge']);
      if (edge) {
        const start = toWorld(e.clientX, e.clientY);
        gesture.current = { kind: 'connect', pointerId: e.pointerId, edge, start };
        setConnectLine({ from: start, to: start });
        return;
      }
    }
    if (nodeEl) {
      const key = nodeEl.dataset['key']!;
      const box = layout.nodes.get(key);
      gesture.current = { kind: 'node', pointerId: e.pointerId, key, startX: e.clientX, startY: e.clientY, origin: { x: box?.x ?? 0, y: box?.y ?? 0 }, moved: false };
      return;
    }
    if ((e.shiftKey || e.ctrlKey || e.metaKey) && props.onSelectArea) {
      container.current!.setPointerCapture(e.pointerId);
      const start = toWorld(e.clientX, e.clientY);
      gesture.current = { kind: 'band', pointerId: e.pointerId, start };
      setBand({ from: start, to: start });
      return;
    }
    gesture.current = { kind: 'pan', pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, from: viewport, moved: false };
  };

  const onPointerMove = (e: React.PointerEvent) => {
    const g = gesture.current;
    if (!g || g.pointerId !== e.pointerId) return;
    if (g.kind === 'pan') {
      const dx = e.clientX - g.startX;
      const dy = e.clientY - g.startY;
      if (!g.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      if (!g.moved) container.current!.setPointerCapture(e.pointerId);
      g.moved = true;
      moveView({ ...g.from, x: g.from.x + dx, y: g.from.y + dy });
    } else if (g.kind === 'node') {
      const dx = (e.clientX - g.startX) / viewport.k;
      const dy = (e.clientY - g.startY) / viewport.k;
      if (!g.moved && Math.hypot(dx * viewport.k, dy * viewport.k) < DRAG_THRESHOLD) return;
      if (!editable) return;
      if (!g.moved) container.current!.setPointerCapture(e.pointerId);
      g.moved = true;
      setDragged({ key: g.key, at: { x: g.origin.x + dx, y: g.origin.y + dy } });
    } else if (g.kind === 'band') {
      setBand({ from: g.start, to: toWorld(e.clientX, e.clientY) });
    } else {
      setConnectLine({ from: g.start, to: toWorld(e.clientX, e.clientY) });
    }
  };

  const onPointerUp = (e: React.PointerEvent) => {
    const g = gesture.current;
    gesture.current = undefined;
    if (!g || g.pointerId !== e.pointerId) return;
    if (g.kind === 'pan') {
      if (!g.moved) props.onSelect(null);
    } else if (g.kind === 'node') {
      if (g.moved && dragged) {
        props.onPin(g.key, dragged.at);
        // Keep the node where it was dropped until the document says so.
      } else if ((e.shiftKey || e.ctrlKey || e.metaKey) && props.onToggleSelect) {
        props.onToggleSelect(g.key);
      } else {
        props.onSelect(g.key);
      }
    } else if (g.kind === 'band') {
      setBand(undefined);
      const end = toWorld(e.clientX, e.clientY);
      const x0 = Math.min(g.start.x, end.x);
      const x1 = Math.max(g.start.x, end.x);
      const y0 = Math.min(g.start.y, end.y);
      const y1 = Math.max(g.start.y, end.y);
      const inside = model.nodes.filter((n) => {
        const box = layout.nodes.get(n.key);
        return n.kind !== 'missing' && box && box.x < x1 && box.x + box.width > x0 && box.y < y1 && box.y + box.height > y0;
      });
      props.onSelectArea?.(inside.map((n) => n.key));
    } else {
      setConnectLine(undefined);
      const target = nodeAt(toWorld(e.clientX, e.clientY));
      if (target && target !== g.edge.from && nodeByKey.get(target)?.kind === 'point') props.onConnect(g.edge, target);
    }
  };

  // A drop stays drawn until the layout (with the new pin) replaces it.
  useEffect(() => setDragged(undefined), [props.layout, model]);

  const onDoubleClick = (e: React.MouseEvent) => {
    const key = (e.target as Element).closest<SVGGElement>('g.node')?.dataset['key'];
    const node = key ? nodeByKey.get(key) : undefined;
    if (node && isCollapsedNode(node)) {
      const owner = ownerOfPlaceholder(node.key);
      if (owner) toggleBranches(owner);
    } else if (node && node.kind !== 'missing') props.onReveal(node);
  };

  const moveSelection = (dx: number, dy: number) => {
    const from = selected ? layout.nodes.get(selected) : undefined;
    if (!from) {
      const first = model.nodes[0];
      if (first) props.onSelect(first.key);
      return;
    }
    const cx = from.x + from.width / 2;
    const cy = from.y + from.height / 2;
    const successors = new Set((outgoing.get(selected!) ?? []).map((e) => e.to));
    let best: { key: string; score: number } | undefined;
    for (const [key, box] of layout.nodes) {
      if (key === selected) continue;
      const ox = box.x + box.width / 2 - cx;
      const oy = box.y + box.height / 2 - cy;
      const along = ox * dx + oy * dy;
      if (along <= 1) continue;
      const across = Math.abs(ox * dy) + Math.abs(oy * dx);
      const score = along + 3 * across - (dy > 0 && successors.has(key) ? 40 : 0);
      if (!best || score < best.score) best = { key, score };
    }
    if (best) props.onSelect(best.key);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.target as Element).closest('.palette, input, textarea')) return;
    const node = selected ? nodeByKey.get(selected) : undefined;
    const handled = (() => {
      if (e.ctrlKey || e.metaKey || e.altKey) return false;
      switch (e.key) {
        case 'ArrowDown':
          moveSelection(0, 1);
          return true;
        case 'ArrowUp':
          moveSelection(0, -1);
          return true;
        case 'ArrowLeft':
          moveSelection(-1, 0);
          return true;
        case 'ArrowRight':
          moveSelection(1, 0);
          return true;
        case 'Home': {
          const first = model.nodes[0];
          if (first) props.onSelect(first.key);
          return true;
        }
        case 'Enter':
          if (node && isCollapsedNode(node)) {
            const owner = ownerOfPlaceholder(node.key);
            if (owner) toggleBranches(owner);
          } else if (node && node.kind !== 'missing') props.onReveal(node);
          return !!node;
        case 'Escape':
          props.onSelect(null);
          return true;
        case 'Delete':
        case 'Backspace':
          if (node && node.kind !== 'missing' && editable) props.onDelete(node);
          return !!node;
        case 'Insert':
        case 'a': {
          const edges = node ? (outgoing.get(node.key) ?? []) : [];
          const box = node ? layout.nodes.get(node.key) : undefined;
          if (!editable || edges.length === 0 || !box) return false;
          props.onInsert(edges, { x: (box.x + box.width / 2) * viewport.k + viewport.x, y: (box.y + box.height) * viewport.k + viewport.y });
          return true;
        }
        case '+':
        case '=':
          moveView((v) => zoomAt(v, ZOOM_STEP, screen.width / 2, screen.height / 2));
          return true;
        case '-':
          moveView((v) => zoomAt(v, 1 / ZOOM_STEP, screen.width / 2, screen.height / 2));
          return true;
        case '0':
          fitView();
          return true;
        case '1':
          moveView((v) => zoomAt(v, 1 / v.k, screen.width / 2, screen.height / 2));
          return true;
      }
      return false;
    })();
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  // Keyboard selection follows focus; focus follows selection. A node an
  // edit added (and selected) is revealed once the layout has it.
  const lastSelected = useRef<string | null>(null);
  useEffect(() => {
    if (selected && selected !== lastSelected.current) {
      if (!layout.nodes.has(selected)) return;
      const inside = container.current?.contains(document.activeElement) ?? false;
      revealKey(selected, inside);
    }
    lastSelected.current = selected;
  }, [selected, revealKey, layout]);

  const titleOf = useCallback((key: string) => nodeByKey.get(key)?.title ?? key, [nodeByKey]);
  // One callback for every "+" (so each is drawn again only when it moves or its label changes), reading the latest edges and view.
  const latest = useRef({ model, viewport, onInsert: props.onInsert });
  latest.current = { model, viewport, onInsert: props.onInsert };
  const activateInsert = useCallback((edgeKey: string, at: Point) => {
    const { model: m, viewport: v, onInsert } = latest.current;
    const edge = m.edges.find((e) => e.key === edgeKey);
    if (edge) onInsert([edge], { x: at.x * v.k + v.x, y: at.y * v.k + v.y });
  }, []);
  const focusKey = selected && nodeByKey.has(selected) ? selected : model.nodes[0]?.key;
  const overflow = layout.width * viewport.k > screen.width + 1 || layout.height * viewport.k > screen.height + 1;
  const selectedNode = selected ? nodeByKey.get(selected) : undefined;
  const selectedBox = selected ? layout.nodes.get(selected) : undefined;

  return (
    <div
      ref={container}
      className="map-canvas"
      tabIndex={-1}
      onWheel={onWheel}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        gesture.current = undefined;
        setDragged(undefined);
        setConnectLine(undefined);
        setBand(undefined);
      }}
      onDoubleClick={onDoubleClick}
      onKeyDown={onKeyDown}
    >
      <svg ref={svgRef} className={`map-svg${viewport.k < FAR_ZOOM ? ' zoom-far' : ''}`} width="100%" height="100%" role="group" aria-label={`Journey map of ${model.title || 'the journey'}: ${model.nodes.length} nodes. Arrow keys move between nodes, Enter shows the JSON, + and - zoom, 0 fits.`}>
        <defs>
          {(['arrow', 'arrow-path', 'arrow-dangling'] as const).map((id) => (
            <marker key={id} id={id} className={`marker ${id}`} viewBox="0 0 10 10" refX={9} refY={5} markerUnits="userSpaceOnUse" markerWidth={9} markerHeight={9} orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" />
            </marker>
          ))}
        </defs>
        <g className="map-world" transform={`translate(${viewport.x} ${viewport.y}) scale(${viewport.k})`}>
          <g className="edges">
            {model.edges.map((edge) => {
              const route = layout.edges.get(edge.key);
              if (!route) return null;
              const from = nodeByKey.get(edge.from);
              const to = nodeByKey.get(edge.to);
              const inPath = pathSet.steps.has(`${from?.id}>${to?.id}`);
              return <EdgeView key={edge.key} edge={edge} route={route} inPath={inPath} accessibleName={`Edge from ${from?.title ?? edge.from} to ${to?.title ?? edge.toId}${edge.label ? `, ${edge.label}` : ''}${edge.dangling ? ', missing point' : ''}`} />;
            })}
          </g>
          <g className="nodes">
            {model.nodes.map((node) => {
              const box = layout.nodes.get(node.key);
              if (!box) return null;
              const startStats = node.kind === 'start' ? props.overlay?.startingPoints?.[node.id] : undefined;
              const stats = statsText(node.kind === 'point' ? props.overlay?.points[node.id] : undefined, node.kind === 'start' && props.overlay ? (startStats?.entered ?? 0) : undefined, startStats?.text);
              const compareMark = node.kind === 'point' ? props.overlay?.points[node.id]?.mark : startStats?.mark;
              return (
                <NodeView
                  key={node.key}
                  node={node}
                  box={box}
                  selected={node.key === selected || (props.multiSelected?.has(node.key) ?? false)}
                  focusable={node.key === focusKey}
                  inPath={pathSet.nodes.has(node.id)}
                  stats={stats}
                  compareMark={compareMark}
                  font={font}
                  editable={editable}
                  accessibleName={nodeAccessibleName(node, outgoing.get(node.key) ?? [], titleOf, stats, props.overlay?.live ? 'Live' : 'Simulation')}
                  {...(props.overlay && props.onViewQueue && node.kind === 'point' ? { onViewQueue: () => props.onViewQueue!(node) } : {})}
                  {...(branchState.has(node.key) ? { branches: branchState.get(node.key)!, onToggleBranches: toggleBranches, tabbableFold: node.key === focusKey } : {})}
                />
              );
            })}
          </g>
          {editable && (
            <g className="edge-buttons no-export">
              {model.edges.map((edge) => {
                const route = layout.edges.get(edge.key);
                if (!route || isCollapsedNode({ key: edge.from })) return null;
                const at = insertButtonPoint(edge, route, (incomingCount.get(edge.to) ?? 0) > 1);
                const label = `Insert a point between ${titleOf(edge.from)} and ${titleOf(edge.to)}${edge.label ? ` (${edge.label})` : ''}`;
                // The "+" of the node in the Tab order (the focused or selected one) come next in it.
                return <InsertButton key={edge.key} edgeKey={edge.key} x={at.x} y={at.y} label={label} tabbable={edge.from === focusKey} onActivate={activateInsert} />;
              })}
            </g>
          )}
          {editable && selectedNode && selectedBox && (
            <g className="port-handles no-export" transform={`translate(${selectedBox.x} ${selectedBox.y})`}>
              {(outgoing.get(selectedNode.key) ?? []).map((edge) => {
                const port = selectedBox.ports.get(edge.key) ?? { x: selectedBox.width / 2, y: selectedBox.height };
                return (
                  <circle key={edge.key} className="port-handle" data-edge={edge.key} cx={port.x} cy={selectedBox.height} r={5}>
                    <title>{`Drag to connect ${edge.label ? `the ${edge.label} branch` : 'the next point'} of ${selectedNode.title} to another point`}</title>
                  </circle>
                );
              })}
            </g>
          )}
          {band && <rect className="rubber-band no-export" x={Math.min(band.from.x, band.to.x)} y={Math.min(band.from.y, band.to.y)} width={Math.abs(band.to.x - band.from.x)} height={Math.abs(band.to.y - band.from.y)} />}
          {connectLine && <line className="connect-line no-export" x1={connectLine.from.x} y1={connectLine.from.y} x2={connectLine.to.x} y2={connectLine.to.y} />}
        </g>
      </svg>
      {props.overlay && (props.overlay.stale || props.overlay.contact) && <SimulationLegend overlay={props.overlay} />}
      {props.onCollapse && model.nodes.length >= COLUMN_MIN_NODES && (
        <div className="map-controls" role="group" aria-label="Branches">
          <button type="button" className="tool-button with-text" data-action="collapse-all" onClick={() => props.onCollapse!(new Set([...branchState.keys()]))}>
            <span className="codicon-glyph" aria-hidden="true">{iconChar('fold')}</span>
            <span>Collapse branches</span>
          </button>
          <button type="button" className="tool-button with-text" data-action="expand-all" disabled={collapsed.size === 0} onClick={() => props.onCollapse!(new Set())}>
            <span className="codicon-glyph" aria-hidden="true">{iconChar('unfold')}</span>
            <span>Expand all</span>
          </button>
        </div>
      )}
      {overflow && <Minimap model={model} layout={layout} viewport={viewport} screen={screen} onMove={moveView} selected={selected} />}
    </div>
  );
}
