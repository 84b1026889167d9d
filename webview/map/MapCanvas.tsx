// The journey map itself: laid-out nodes and edges in one SVG with zoom
// (ctrl/cmd + wheel, + and -), pan (drag the background, wheel), fit to view
// (0), keyboard navigation between nodes (arrows, Home, Enter to show the
// JSON, Delete, Insert), drag a node to pin it, drag from a node's port to
// connect it, "+" on every edge, and an overview when the map is larger
// than the screen.
import { type Ref, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { MapEdge, MapModel, MapNode } from '../../src/core/mapModel';
import type { SimulationOverlay } from '../../src/webviewProtocol';
import { iconChar } from '../icons';
import type { MapLayout, Point } from '../layout/elkLayout';
import { applyPins } from '../layout/pinnedLayout';
import { EdgeView, insertButtonPoint } from './EdgeView';
import { Minimap } from './Minimap';
import { NodeView } from './NodeView';
import { nodeAccessibleName, statsText } from './nodeStyle';
import { fitViewport, initialViewport, revealRect, type Size, type Viewport, ZOOM_STEP, zoomAt } from './viewport';

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
  handle: Ref<MapCanvasHandle>;
}

type Gesture =
  | { kind: 'pan'; pointerId: number; startX: number; startY: number; from: Viewport; moved: boolean }
  | { kind: 'node'; pointerId: number; key: string; startX: number; startY: number; origin: Point; moved: boolean }
  | { kind: 'connect'; pointerId: number; edge: MapEdge; start: Point };

const DRAG_THRESHOLD = 4;

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
  const font = useMemo(() => getComputedStyle(document.body).fontFamily || 'sans-serif', []);

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

  // The first layout gets a first view; later layouts keep the user's viewport.
  useLayoutEffect(() => {
    if (fitted.current || layout.width === 0) return;
    fitted.current = true;
    let focus: { x: number; y: number; width: number; height: number } | undefined;
    for (const n of model.nodes) {
      const box = n.kind === 'start' ? layout.nodes.get(n.key) : undefined;
      if (!box) continue;
      const right = Math.max(box.x + box.width, focus ? focus.x + focus.width : -Infinity);
      const bottom = Math.max(box.y + box.height, focus ? focus.y + focus.height : -Infinity);
      const x = Math.min(box.x, focus?.x ?? Infinity);
      const y = Math.min(box.y, focus?.y ?? Infinity);
      focus = { x, y, width: right - x, height: bottom - y };
    }
    setViewport(initialViewport(layout, focus, screen));
  }, [layout, screen, model]);

  const revealKey = useCallback(
    (key: string, focus: boolean) => {
      const box = layout.nodes.get(key);
      if (box) setViewport((v) => revealRect(v, box, screen));
      if (focus) requestAnimationFrame(() => svgRef.current?.querySelector<SVGGElement>(`g.node[data-key="${CSS.escape(key)}"]`)?.focus({ preventScroll: true }));
    },
    [layout, screen],
  );

  useImperativeHandle(
    props.handle,
    () => ({
      fit: () => setViewport(fitViewport(layout, screen)),
      zoomIn: () => setViewport((v) => zoomAt(v, ZOOM_STEP, screen.width / 2, screen.height / 2)),
      zoomOut: () => setViewport((v) => zoomAt(v, 1 / ZOOM_STEP, screen.width / 2, screen.height / 2)),
      actualSize: () => setViewport((v) => zoomAt(v, 1 / v.k, screen.width / 2, screen.height / 2)),
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
      setViewport((v) => zoomAt(v, Math.exp(-e.deltaY * 0.0025), e.clientX - box.left, e.clientY - box.top));
    } else {
      setViewport((v) => ({ ...v, x: v.x - e.deltaX, y: v.y - e.deltaY }));
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
      setViewport({ ...g.from, x: g.from.x + dx, y: g.from.y + dy });
    } else if (g.kind === 'node') {
      const dx = (e.clientX - g.startX) / viewport.k;
      const dy = (e.clientY - g.startY) / viewport.k;
      if (!g.moved && Math.hypot(dx * viewport.k, dy * viewport.k) < DRAG_THRESHOLD) return;
      if (!editable) return;
      if (!g.moved) container.current!.setPointerCapture(e.pointerId);
      g.moved = true;
      setDragged({ key: g.key, at: { x: g.origin.x + dx, y: g.origin.y + dy } });
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
      } else {
        props.onSelect(g.key);
      }
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
    if (node && node.kind !== 'missing') props.onReveal(node);
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
          if (node && node.kind !== 'missing') props.onReveal(node);
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
          setViewport((v) => zoomAt(v, ZOOM_STEP, screen.width / 2, screen.height / 2));
          return true;
        case '-':
          setViewport((v) => zoomAt(v, 1 / ZOOM_STEP, screen.width / 2, screen.height / 2));
          return true;
        case '0':
          setViewport(fitViewport(layout, screen));
          return true;
        case '1':
          setViewport((v) => zoomAt(v, 1 / v.k, screen.width / 2, screen.height / 2));
          return true;
      }
      return false;
    })();
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  // Keyboard selection follows focus; focus follows selection.
  const lastSelected = useRef<string | null>(null);
  useEffect(() => {
    if (selected && selected !== lastSelected.current) {
      const inside = container.current?.contains(document.activeElement) ?? false;
      revealKey(selected, inside);
    }
    lastSelected.current = selected;
  }, [selected, revealKey]);

  const titleOf = useCallback((key: string) => nodeByKey.get(key)?.title ?? key, [nodeByKey]);
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
      }}
      onDoubleClick={onDoubleClick}
      onKeyDown={onKeyDown}
    >
      <svg ref={svgRef} className="map-svg" width="100%" height="100%" role="group" aria-label={`Journey map of ${model.title || 'the journey'}: ${model.nodes.length} nodes. Arrow keys move between nodes, Enter shows the JSON, + and - zoom, 0 fits.`}>
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
                  selected={node.key === selected}
                  focusable={node.key === focusKey}
                  inPath={pathSet.nodes.has(node.id)}
                  stats={stats}
                  compareMark={compareMark}
                  font={font}
                  editable={editable}
                  accessibleName={nodeAccessibleName(node, outgoing.get(node.key) ?? [], titleOf, stats)}
                />
              );
            })}
          </g>
          {editable && (
            <g className="edge-buttons no-export">
              {model.edges.map((edge) => {
                const route = layout.edges.get(edge.key);
                if (!route) return null;
                const at = insertButtonPoint(edge, route);
                const label = `Insert a point between ${titleOf(edge.from)} and ${titleOf(edge.to)}${edge.label ? ` (${edge.label})` : ''}`;
                return (
                  <g
                    key={edge.key}
                    className="insert-button"
                    data-edge={edge.key}
                    transform={`translate(${at.x} ${at.y})`}
                    role="button"
                    aria-label={label}
                    tabIndex={-1}
                    onClick={(e) => {
                      e.stopPropagation();
                      props.onInsert([edge], { x: at.x * viewport.k + viewport.x, y: at.y * viewport.k + viewport.y });
                    }}
                  >
                    <title>{label}</title>
                    <circle r={9} />
                    <text className="codicon-glyph" textAnchor="middle" dominantBaseline="central">{iconChar('add')}</text>
                  </g>
                );
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
          {connectLine && <line className="connect-line no-export" x1={connectLine.from.x} y1={connectLine.from.y} x2={connectLine.to.x} y2={connectLine.to.y} />}
        </g>
      </svg>
      {overflow && <Minimap model={model} layout={layout} viewport={viewport} screen={screen} onMove={setViewport} selected={selected} />}
    </div>
  );
}
