// The map's toolbar: journey name and status badges (problems, published,
// out of sync, simulation or live stats), then the actions: add a starting
// point, show or stop the live stats of a published journey, undo and redo
// (VS Code's), zoom, fit, tidy the layout, export, open the text.
import { iconChar } from './icons';

export interface ToolbarProps {
  title: string;
  fileName: string;
  errors: number;
  warnings: number;
  published: boolean;
  outOfSync: boolean;
  simulationLabel: string | undefined;
  /** The overlay shows the running service's live stats (then `simulationLabel` is the live label). */
  live: boolean;
  /** The journey is published, so its live stats can be shown. */
  canShowLive: boolean;
  onLiveView(on: boolean): void;
  editable: boolean;
  canAddStartingPoint: boolean;
  addStartingPointReason: string;
  layoutPending: boolean;
  onAddStartingPoint(anchor: HTMLElement): void;
  onCommand(command: 'undo' | 'redo' | 'zoomIn' | 'zoomOut' | 'fit' | 'tidyLayout' | 'exportSvg' | 'exportPng' | 'openAsText'): void;
}

function ToolButton(props: { icon: string; label: string; onClick(e: React.MouseEvent<HTMLButtonElement>): void; disabled?: boolean; name: string; text?: string; pressed?: boolean }) {
  return (
    <button type="button" className={`tool-button${props.text ? ' with-text' : ''}`} title={props.label} aria-label={props.label} disabled={props.disabled} data-action={props.name} onClick={props.onClick} {...(props.pressed !== undefined ? { 'aria-pressed': props.pressed } : {})}>
      <span className="codicon-glyph" aria-hidden="true">{iconChar(props.icon)}</span>
      {props.text && <span>{props.text}</span>}
    </button>
  );
}

export function Toolbar(p: ToolbarProps) {
  return (
    <header className="toolbar" role="toolbar" aria-label="Journey map">
      <div className="toolbar-title">
        <h1>{p.title || p.fileName}</h1>
        <span className="muted file-name">{p.fileName}</span>
        {p.errors + p.warnings > 0 && (
          <span className={`badge ${p.errors ? 'badge-error' : 'badge-warning'}`} role="status">
            {p.errors > 0 && `${p.errors} error${p.errors === 1 ? '' : 's'}`}
            {p.errors > 0 && p.warnings > 0 && ', '}
            {p.warnings > 0 && `${p.warnings} warning${p.warnings === 1 ? '' : 's'}`}
          </span>
        )}
        {p.published && <span className="badge badge-info">Published · read-only</span>}
        {p.outOfSync && <span className="badge badge-warning" role="status">Out of sync</span>}
        {p.simulationLabel !== undefined && !p.live && <span className="badge badge-info" role="status">{p.simulationLabel || 'Simulation'}</span>}
        {p.simulationLabel !== undefined && p.live && (
          <span className="badge badge-live" role="status" aria-label={`Live stats of the running journey: ${p.simulationLabel}`}>
            <span className="live-dot" aria-hidden="true" />
            {p.simulationLabel}
          </span>
        )}
        {p.layoutPending && <span className="muted" role="status">Laying out…</span>}
      </div>
      <div className="toolbar-actions">
        {p.editable && (
          <ToolButton name="add-starting-point" icon="add" text="Starting point" label={p.canAddStartingPoint ? 'Add a starting point' : `Cannot add a starting point: ${p.addStartingPointReason} (R1)`} disabled={!p.canAddStartingPoint} onClick={(e) => p.onAddStartingPoint(e.currentTarget)} />
        )}
 {(p.canShowLive || p.live) && (
          <ToolButton name="live-view" icon={p.live ? 'debug-stop' : 'pulse'} text={p.live ? 'Stop live' : 'Live'} pressed={p.live} label={p.live ? 'Stop showing the live stats' : 'Show the live stats of the running journey (Journey: Show Live Stats)'} onClick={() => p.onLiveView(!p.live)} />
        )}
        <ToolButton name="undo" icon="discard" label="Undo (the text document's undo)" disabled={!p.editable} onClick={() => p.onCommand('undo')} />
        <ToolButton name="redo" icon="redo" label="Redo" disabled={!p.editable} onClick={() => p.onCommand('redo')} />
        <span className="toolbar-separator" />
        <ToolButton name="zoom-out" icon="zoom-out" label="Zoom out (-)" onClick={() => p.onCommand('zoomOut')} />
        <ToolButton name="zoom-in" icon="zoom-in" label="Zoom in (+)" onClick={() => p.onCommand('zoomIn')} />
        <ToolButton name="fit" icon="screen-full" label="Fit to view (0)" onClick={() => p.onCommand('fit')} />
        <ToolButton name="tidy-layout" icon="layout" label="Tidy layout: lay the whole map out again (edits keep every point where it was)" onClick={() => p.onCommand('tidyLayout')} />
        <span className="toolbar-separator" />
        <ToolButton name="export-svg" icon="export" text="SVG" label="Export the map as SVG" onClick={() => p.onCommand('exportSvg')} />
        <ToolButton name="export-png" icon="export" text="PNG" label="Export the map as PNG" onClick={() => p.onCommand('exportPng')} />
        <ToolButton name="open-as-text" icon="go-to-file" label="Open as text" onClick={() => p.onCommand('openAsText')} />
      </div>
    </header>
  );
}
