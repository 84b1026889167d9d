// The frame of the inspector beside the map: a splitter to resize it (drag,
// or arrow keys on the focused splitter; Home and End for its narrowest and
// widest), a button to collapse it to a thin strip and to expand it again,
// and a width that never leaves the map less than half of a narrow editor
// (with "Open as Text" beside the map, the map keeps a usable width). The
// width and the collapsed state outlive a reload (webview state).
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { iconChar } from './icons';
import { useWebviewState } from './webviewState';

export const INSPECTOR_MIN = 220;
export const INSPECTOR_MAX = 640;
const DEFAULT_WIDTH = 340;
/** The map keeps at least this share of the editor. */
const MAP_SHARE = 0.55;
const KEY_STEP = 24;

/** The width the inspector gets in an editor `available` pixels wide: its own, less what the map needs, never below the minimum. */
export function inspectorWidth(wanted: number, available: number): number {
  const room = Math.floor(available * (1 - MAP_SHARE));
  return Math.max(Math.min(INSPECTOR_MIN, wanted), Math.min(wanted, INSPECTOR_MAX, Math.max(room, 160)));
}

export function InspectorPanel(props: { children: ReactNode }) {
  const [state, setState] = useWebviewState('inspector', { width: DEFAULT_WIDTH, collapsed: false });
  const [available, setAvailable] = useState(window.innerWidth);
  const drag = useRef<{ pointerId: number; startX: number; from: number } | undefined>(undefined);
  useEffect(() => {
    const update = () => setAvailable(window.innerWidth);
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  const width = inspectorWidth(state.width, available);
  const setWidth = (w: number) => setState({ ...state, width: Math.round(Math.min(INSPECTOR_MAX, Math.max(INSPECTOR_MIN, w))) });

  if (state.collapsed) {
    return (
      <div className="inspector-collapsed">
        <button type="button" className="tool-button" data-action="expand-inspector" aria-label="Show the properties panel" title="Show the properties panel" aria-expanded="false" onClick={() => setState({ ...state, collapsed: false })}>
          <span className="codicon-glyph" aria-hidden="true">{iconChar('chevron-left')}</span>
        </button>
      </div>
    );
  }
  return (
    <div className="inspector-panel" style={{ width }}>
      <div
        className="inspector-splitter"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize the properties panel"
        aria-valuemin={INSPECTOR_MIN}
        aria-valuemax={INSPECTOR_MAX}
        aria-valuenow={width}
        tabIndex={0}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          drag.current = { pointerId: e.pointerId, startX: e.clientX, from: width };
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d && d.pointerId === e.pointerId) setWidth(d.from - (e.clientX - d.startX));
        }}
        onPointerUp={() => (drag.current = undefined)}
        onKeyDown={(e) => {
          const to = e.key === 'ArrowLeft' ? width + KEY_STEP : e.key === 'ArrowRight' ? width - KEY_STEP : e.key === 'Home' ? INSPECTOR_MIN : e.key === 'End' ? INSPECTOR_MAX : undefined;
          if (to === undefined) return;
          e.preventDefault();
          setWidth(to);
        }}
      />
      <button type="button" className="tool-button inspector-collapse" data-action="collapse-inspector" aria-label="Hide the properties panel" title="Hide the properties panel" aria-expanded="true" onClick={() => setState({ ...state, collapsed: true })}>
        <span className="codicon-glyph" aria-hidden="true">{iconChar('chevron-right')}</span>
      </button>
      {props.children}
    </div>
  );
}
