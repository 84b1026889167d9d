// The overview of a map larger than the screen: every node as a small
// rectangle and the part on screen as a frame; click or drag to move there.
import { useRef } from 'react';
import type { MapModel } from '../../src/core/mapModel';
import type { MapLayout } from '../layout/elkLayout';
import { type Size, type Viewport, visibleWorld } from './viewport';

const MAX_WIDTH = 220;
const MAX_HEIGHT = 180;
/** The overview never takes more than this share of the canvas either way. */
const MAX_SHARE = 0.3;

export function Minimap(props: { model: MapModel; layout: MapLayout; viewport: Viewport; screen: Size; onMove: (v: Viewport) => void; selected: string | null }) {
  const { layout, viewport, screen } = props;
  const scale = Math.min(Math.min(MAX_WIDTH, screen.width * MAX_SHARE) / Math.max(layout.width, 1), Math.min(MAX_HEIGHT, screen.height * MAX_SHARE) / Math.max(layout.height, 1));
  const width = Math.ceil(layout.width * scale);
  const height = Math.ceil(layout.height * scale);
  const view = visibleWorld(viewport, screen);
  const dragging = useRef(false);

  const moveTo = (event: React.PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const wx = (event.clientX - box.left) / scale;
    const wy = (event.clientY - box.top) / scale;
    props.onMove({ ...viewport, x: screen.width / 2 - wx * viewport.k, y: screen.height / 2 - wy * viewport.k });
  };

  return (
    <svg
      className="minimap"
      width={width}
      height={height}
      role="img"
      aria-label="Overview of the whole map; click to move there"
      onPointerDown={(e) => {
        e.stopPropagation();
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => dragging.current && moveTo(e)}
      onPointerUp={() => (dragging.current = false)}
    >
      <rect className="minimap-bg" width={width} height={height} />
      {props.model.nodes.map((n) => {
        const box = layout.nodes.get(n.key);
        if (!box) return null;
        return <rect key={n.key} data-category={n.type} className={`minimap-node${n.key === props.selected ? ' selected' : ''}${n.problems.length ? ' invalid' : ''}`} x={box.x * scale} y={box.y * scale} width={Math.max(2, box.width * scale)} height={Math.max(2, box.height * scale)} />;
      })}
      <rect className="minimap-view" x={view.x * scale} y={view.y * scale} width={view.width * scale} height={view.height * scale} />
    </svg>
  );
}
