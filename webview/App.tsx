// The journey map app: holds the document the host sent, draws it as a map
// (or, when the text is not JSON, the last map that parsed with an "out of
// sync" badge, or the parse error), and turns gestures into meaning-level
// edits for the host. It keeps no history: undo and redo are VS Code's.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isPublished } from '../src/core/edits/journeyEdit';
import type { JourneyOperation } from '../src/core/edits/journeyOperation';
import { isObject } from '../src/core/edits/nodeReferences';
import { buildMapModel, type MapEdge, type MapNode, POINT_ICONS } from '../src/core/mapModel';
import { POINT_TYPE_LABELS } from '../src/core/pointSummary';
import { POINT_TYPES, type PointType, TRIGGER_TYPES, type TriggerType } from '../src/core/schema';
import { type DocumentState, type HostToWebview, PROTOCOL_VERSION, type SimulationOverlay, type WireDiagnostic } from '../src/webviewProtocol';
import { type DeleteChoice, DeletePointDialog } from './DeletePointDialog';
import { EmptyFileView } from './EmptyFileView';
import { EmptyJourneyGuide, isEmptyJourney } from './EmptyJourneyGuide';
import { pointsOnlyReachedThrough } from '../src/core/edits/reachability';
import { usePointClipboard } from './selection/pointClipboard';
import { toggled } from './selection/multiSelection';
import { renderPng, serializeMapSvg } from './export/exportMap';
import { editsPending, editsSettled, onHostMessage, postToHost, requestEdit } from './hostBridge';
import { iconChar } from './icons';
import { Inspector } from './inspector/Inspector';
import { InspectorPanel } from './InspectorPanel';
import { TRIGGER_LABELS } from './inspector/nodeForms';
import { Button, hasUncommittedText } from './inspector/toolkit';
import { applyPins } from './layout/pinnedLayout';
import { useMapLayout } from './layout/useMapLayout';
import { MapCanvas, type MapCanvasHandle } from './map/MapCanvas';
import { mapFontFamily } from './map/mapFont';
import { measureView } from './map/measureView';
import { sizeNodes } from './map/nodeText';
import { collapseModel } from './map/collapseBranches';
import { type MenuItem, PopupMenu } from './PopupMenu';
import { ParseErrorView } from './ParseErrorView';
import { Toolbar } from './Toolbar';

type DocumentMessage = Extract<HostToWebview, { type: 'init' | 'update' }>;
type JourneyState = Extract<DocumentState, { kind: 'journey' }>;

type Menu =
  | { kind: 'palette'; edges: MapEdge[]; edgeIndex: number; at: { x: number; y: number } }
  | { kind: 'trigger'; at: { x: number; y: number } }
  | { kind: 'continue'; id: string; at: { x: number; y: number } };

const POINT_GROUPS: Record<PointType, string> = {
  sendEmail: 'Actions',
  sendSms: 'Actions',
  addTag: 'Actions',
  removeTag: 'Actions',
  updateField: 'Actions',
  subscribeList: 'Actions',
  unsubscribeList: 'Actions',
  webhook: 'Actions',
  ifElse: 'Rules',
  waitForEvent: 'Rules',
  split: 'Rules',
  wait: 'Rules',
  waitUntil: 'Rules',
  exit: 'Endings',
  end: 'Endings',
};
const GROUP_ORDER = ['Actions', 'Rules', 'Endings'];
const PALETTE: MenuItem[] = [...POINT_TYPES]
  .sort((a, b) => GROUP_ORDER.indexOf(POINT_GROUPS[a]) - GROUP_ORDER.indexOf(POINT_GROUPS[b]))
  .map((t) => ({ id: t, label: POINT_TYPE_LABELS[t], icon: POINT_ICONS[t], group: POINT_GROUPS[t] }));
const TRIGGER_MENU: MenuItem[] = TRIGGER_TYPES.map((t) => ({ id: t, label: TRIGGER_LABELS[t], icon: 'debug-start' }));

/** The text field a key event is typed into (the toolkit element, or a native input), if any. */
const textEntryOf = (e: KeyboardEvent): HTMLElement | undefined => {
  const path = e.composedPath().filter((t): t is HTMLElement => t instanceof HTMLElement);
  return path.find((t) => t.tagName === 'VSCODE-TEXT-FIELD' || t.tagName === 'VSCODE-TEXT-AREA') ?? path.find((t) => t.tagName === 'INPUT' || t.tagName === 'TEXTAREA');
};
const isUndoRedo = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && (e.key.toLowerCase() === 'z' || e.key.toLowerCase() === 'y');
const isRedo = (e: KeyboardEvent) => e.key.toLowerCase() === 'y' || e.shiftKey;
/** Keys that edit or move in a text field, with Ctrl (Cmd): select all, cut, copy, paste, word moves and deletes. */
const CTRL_EDITING_KEYS = new Set(['a', 'c', 'x', 'v', 'arrowleft', 'arrowright', 'arrowup', 'arrowdown', 'home', 'end', 'backspace', 'delete', 'insert']);
/** Keys that edit or move in a text field on their own (with Shift too). */
const PLAIN_EDITING_KEYS = new Set(['arrowleft', 'arrowright', 'arrowup', 'arrowdown', 'home', 'end', 'pageup', 'pagedown', 'backspace', 'delete', 'insert', 'enter', 'tab']);
/**
 * Whether a key typed into a text field belongs to the field: characters
 * (also with AltGr), select-all, cut, copy, paste, moves and deletes. Other
 * keys (F1, Ctrl+S, Ctrl+P, Escape ...) stay VS Code's.
 */
function isFieldKey(e: KeyboardEvent): boolean {
  const key = e.key.toLowerCase();
  const command = e.ctrlKey || e.metaKey;
  if (e.altKey) return e.key.length === 1 && !e.metaKey; // a character typed with AltGr (Ctrl+Alt) or Option
  return command ? CTRL_EDITING_KEYS.has(key) : e.key.length === 1 || PLAIN_EDITING_KEYS.has(key);
}

export function App() {
  const [doc, setDoc] = useState<DocumentMessage | undefined>();
  const [lastGood, setLastGood] = useState<{ state: JourneyState; documentVersion: number } | undefined>();
  const [overlay, setOverlay] = useState<SimulationOverlay | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  /** Nodes selected besides `selected` (multi-selection). */
  const [multi, setMulti] = useState<ReadonlySet<string>>(new Set());
  const selectOne = useCallback((key: string | null) => {
    setMulti(new Set());
    setSelected(key);
  }, []);
  const [menu, setMenu] = useState<Menu | undefined>();
  const [deleting, setDeleting] = useState<{ node: MapNode; incoming: number } | undefined>();
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | undefined>();
  const canvas = useRef<MapCanvasHandle>(null);

  const journeyState = doc?.state.kind === 'journey' ? doc.state : undefined;
  const shownState = journeyState ?? lastGood?.state;
  const shownVersion = journeyState ? (doc?.documentVersion ?? 0) : (lastGood?.documentVersion ?? 0);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const model = useMemo(() => (shownState ? collapseModel(sizeNodes(buildMapModel(shownState.value, shownState.diagnostics), mapFontFamily()), collapsed) : undefined), [shownState, collapsed]);
  /** "Tidy layout" requests: each lays the whole map out afresh. */
  const [tidy, setTidy] = useState(0);
  const { shown, error: layoutError, pending } = useMapLayout(model, shownVersion, tidy);
  const layout = useMemo(() => (shown ? applyPins(shown.layout, shown.model, new Map()) : undefined), [shown]);
  const outOfSync = doc?.state.kind === 'unparseable' && lastGood !== undefined;
  const published = isPublished(shownState?.value);
  const editable = !!doc && !doc.readOnly && !published && !outOfSync && !!journeyState;

  // The latest state for the message handler, which is registered once.
  const latest = useRef({ shown, title: '' });
  latest.current = { shown, title: shown?.model.title ?? doc?.fileName ?? 'journey' };

  const exportMap = useCallback(async (requestId: string, format: 'svg' | 'png') => {
    try {
      const svgElement = canvas.current?.svg();
      const bounds = canvas.current?.bounds();
      if (!svgElement || !bounds || bounds.width === 0) throw new Error('The map has not been drawn yet.');
      const svg = serializeMapSvg(svgElement, bounds, latest.current.title);
      const data = format === 'svg' ? svg : await renderPng(svg, bounds);
      postToHost({ type: 'exportResult', requestId, format, data });
    } catch (e) {
      postToHost({ type: 'exportResult', requestId, format, error: e instanceof Error ? e.message : String(e) });
    }
  }, []);

  useEffect(() => {
    const unsubscribe = onHostMessage((message) => {
      switch (message.type) {
        case 'init':
        case 'update':
          setDoc(message);
          if (message.state.kind === 'journey') setLastGood({ state: message.state, documentVersion: message.documentVersion });
          return;
        case 'select': {
          const node = message.nodeId === null ? undefined : latest.current.shown?.model.nodes.find((n) => n.id === message.nodeId && n.kind !== 'missing');
          if (message.nodeId === null || node) setSelected(node?.key ?? null);
          return;
        }
        case 'command':
          if (message.command === 'fitToView') canvas.current?.fit();
          else if (message.command === 'zoomIn') canvas.current?.zoomIn();
          else if (message.command === 'zoomOut') canvas.current?.zoomOut();
          else if (message.command === 'actualSize') canvas.current?.actualSize();
          else canvas.current?.focus();
          return;
        case 'exportRequest':
          void exportMap(message.requestId, message.format);
          return;
        case 'simulation':
          setOverlay(message.overlay);
          return;
        case 'error':
          setNotice({ kind: 'error', text: message.message });
          return;
      }
    });
    postToHost({ type: 'ready', protocol: PROTOCOL_VERSION });
    return unsubscribe;
  }, [exportMap]);

  // Keys typed into a field stay with the field: VS Code's webview host
  // forwards every key to the workbench, which may not know yet that the
  // map has focus and would run them in the text editor (Ctrl+A, then the
  // typed text, replaced the whole document). Undo and redo are the
  // document's (VS Code's one stack) once the field's text is committed, and
  // run after the edits in flight; inside text not committed yet they undo
  // the typing. Outside fields they go to VS Code at once unless a map edit
  // is still on its way (it must be undone too, not reach the text after).
  useEffect(() => {
    const keep = (e: KeyboardEvent) => {
      const field = textEntryOf(e);
      if (isUndoRedo(e)) {
        if (field && hasUncommittedText(field)) {
          e.stopPropagation();
        } else if (field || editsPending()) {
          e.stopPropagation();
          e.preventDefault();
          const command = isRedo(e) ? 'redo' : 'undo';
          void editsSettled().then(() => postToHost({ type: 'runCommand', command }));
        }
        return;
      }
      if (field && isFieldKey(e)) e.stopPropagation();
    };
    // On the document, as the key bubbles: after the map's own handlers (React's, on its root), before VS Code's on the window.
    document.addEventListener('keydown', keep);
    return () => document.removeEventListener('keydown', keep);
  }, []);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(undefined), 8000);
    return () => clearTimeout(timer);
  }, [notice]);

  // Tell the host (and tests) what is on screen once it is painted, read back from the page.
  useEffect(() => {
    if (!doc) return;
    // Report a journey only once its own layout is on screen.
    if (doc.state.kind === 'journey' && shown?.documentVersion !== doc.documentVersion) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        performance.mark('journey:map-painted');
        const nodes = (kind: string) => [...document.querySelectorAll<SVGGElement>(`g.node[data-kind="${kind}"]`)].map((e) => e.dataset['title'] ?? '');
        const problems = doc.state.kind === 'journey' ? doc.state.diagnostics.length : doc.state.errors.length;
        postToHost({
          type: 'rendered',
          summary: {
            documentVersion: doc.documentVersion,
            title: document.querySelector('.toolbar h1, .parse-error h1')?.textContent ?? '',
            startingPoints: nodes('start'),
            points: nodes('point'),
            problems,
            unparseable: doc.state.kind === 'unparseable',
            edges: [...document.querySelectorAll<SVGGElement>('g.edge')].map((e) => `${e.dataset['from']} -${e.dataset['label'] ?? ''}-> ${e.dataset['to']}`),
            outOfSync,
            published,
            selected,
            layoutMs: shown?.layoutMs ?? 0,
            ...(doc.state.kind === 'journey' ? { view: measureView() } : {}),
          },
        });
      });
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [doc, shown, outOfSync, published, selected]);

  const edit = useCallback(async (operation: JourneyOperation) => {
    const answer = await requestEdit(operation);
    if (!answer.ok) setNotice({ kind: 'error', text: answer.error });
    else if (answer.select) {
      setMulti(new Set());
      setSelected(answer.select);
    }
  }, []);

  usePointClipboard({
    model: shown?.model,
    journey: shownState?.value,
    selection: [...(selected ? [selected] : []), ...multi],
    primary: selected,
    editable,
    edit: (op) => void edit(op),
    notify: (text) => setNotice({ kind: 'info', text }),
  });

  const openPalette = useCallback((edges: MapEdge[], at: { x: number; y: number }) => setMenu({ kind: 'palette', edges, edgeIndex: 0, at }), []);
  const anchorPoint = (el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.bottom + 4 };
  };

  const requestDelete = useCallback(
    (node: MapNode) => {
      if (!shown) return;
      const selectedPoints = [...(selected ? [selected] : []), ...multi].map((k) => shown.model.nodes.find((n) => n.key === k)).filter((n): n is MapNode => n?.kind === 'point');
      if (selectedPoints.length > 1 && selectedPoints.some((n) => n.key === node.key)) {
        void edit({ op: 'deletePoints', ids: selectedPoints.map((n) => n.id) });
        return;
      }
      if (node.kind === 'start') {
        void edit({ op: 'removeStartingPoint', id: node.id });
        return;
      }
      const incoming = shown.model.edges.filter((e) => e.to === node.key && e.from !== node.key).length;
      const outgoing = shown.model.edges.filter((e) => e.from === node.key && e.toId !== node.id);
      const successors = new Set(outgoing.map((e) => e.toId));
      const branchesGo = outgoing.length > 1 && pointsOnlyReachedThrough(shownState?.value, node.id).length > 0;
      if ((incoming > 0 && successors.size !== 1) || branchesGo) setDeleting({ node, incoming });
      else void edit({ op: 'deletePoint', id: node.id });
    },
    [shown, shownState, edit, selected, multi],
  );

  if (!doc) return <p className="loading">Loading journey…</p>;
  if (doc.state.kind === 'unparseable' && doc.state.empty && !lastGood) {
    return (
      <main className="app app-message">
        <EmptyFileView fileName={doc.fileName} onError={(text) => setNotice({ kind: 'error', text })} />
        {notice && <p className="error" role="alert">{notice.text}</p>}
      </main>
    );
  }
  if (doc.state.kind === 'unparseable' && !lastGood) {
    return (
      <main className="app app-message">
        <ParseErrorView fileName={doc.fileName} documentVersion={doc.documentVersion} errors={doc.state.errors} />
      </main>
    );
  }

  const diagnostics: WireDiagnostic[] = shownState?.diagnostics ?? [];
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const selectedNode = selected ? shown?.model.nodes.find((n) => n.key === selected) : undefined;
  const starts = shown?.model.nodes.filter((n) => n.kind === 'start').length ?? 0;
  const publication = isObject(shownState?.value) && isObject(shownState.value['publication']) ? shownState.value['publication'] : undefined;
  const firstParseError = doc.state.kind === 'unparseable' ? doc.state.errors[0] : undefined;

  return (
    <main className="app">
      <Toolbar
        title={shown?.model.title ?? ''}
        fileName={doc.fileName}
        errors={errors}
        warnings={diagnostics.length - errors}
        published={published}
        outOfSync={outOfSync}
        simulationLabel={overlay ? (overlay.label ?? '') : undefined}
        live={overlay?.live !== undefined}
        canShowLive={published}
        onLiveView={(on) => postToHost({ type: 'liveView', on })}
        editable={editable}
        canAddStartingPoint={doc.startingPointLimit.max === null || starts < doc.startingPointLimit.max}
        addStartingPointReason={`${doc.startingPointLimit.reason}; this journey has ${starts}`}
        layoutPending={pending}
        onAddStartingPoint={(anchor) => setMenu({ kind: 'trigger', at: anchorPoint(anchor) })}
        onCommand={(command) => {
          if (command === 'zoomIn') canvas.current?.zoomIn();
          else if (command === 'zoomOut') canvas.current?.zoomOut();
          else if (command === 'fit') canvas.current?.fit();
          else if (command === 'tidyLayout') setTidy((n) => n + 1);
          else postToHost({ type: 'runCommand', command });
        }}
      />
      {published && (
        <div className="banner banner-info" role="status">
          <span className="codicon-glyph" aria-hidden="true">{iconChar('lock')}</span>
          <span title="Rule R22: a published version is frozen">
            This is published version {String(publication?.['version'] ?? '')}
            {typeof publication?.['publishedAt'] === 'string' ? ` (published ${publication['publishedAt'].replace('T', ' ').replace(/:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/, ' $2')})` : ''}. A published journey is frozen: it opens read-only.
          </span>
          {!doc.readOnly && (
            <Button appearance="primary" name="edit-as-new-version" onClick={() => void edit({ op: 'editAsNewVersion' })}>
              Edit as new version
            </Button>
          )}
        </div>
      )}
      {outOfSync && (
        <div className="banner banner-warning" role="alert">
          <span className="codicon-glyph" aria-hidden="true">{iconChar('warning')}</span>
          <span>
            Out of sync: the text is not valid JSON{firstParseError ? ` (line ${firstParseError.line + 1}, column ${firstParseError.character + 1}: ${firstParseError.message})` : ''}. The map shows the last version that parsed and cannot be edited until the text is fixed.
          </span>
          <Button name="open-as-text" onClick={() => postToHost({ type: 'openAsText' })}>
            Open as text
          </Button>
        </div>
      )}
      {overlay?.live?.error && (
        <div className="banner banner-warning live-error" role="status">
          <span className="codicon-glyph" aria-hidden="true">{iconChar('warning')}</span>
          <span>
            Live stats{overlay.live.updatedAt ? ' (the numbers shown are from the last reading)' : ''}: {overlay.live.error} Trying again…
          </span>
          <Button name="stop-live-view" onClick={() => postToHost({ type: 'liveView', on: false })}>
            Stop live view
          </Button>
        </div>
      )}
      {layoutError && (
        <div className="banner banner-error" role="alert">
          The map could not be laid out: {layoutError}
        </div>
      )}
      {notice && (
        <div className={`banner banner-${notice.kind}`} role="alert">
          <span>{notice.text}</span>
          <button type="button" className="link-button" aria-label="Dismiss" onClick={() => setNotice(undefined)}>
            <span className="codicon-glyph" aria-hidden="true">{iconChar('close')}</span>
          </button>
        </div>
      )}
      <div className="workspace">
        {shown && layout ? (
          <MapCanvas
            handle={canvas}
            model={shown.model}
            layout={layout}
            selected={selected}
            editable={editable}
            overlay={overlay}
            onSelect={selectOne}
            multiSelected={multi}
            onToggleSelect={(key) => {
              const next = toggled(selected, multi, key);
              setSelected(next.primary);
              setMulti(next.others);
            }}
            onSelectArea={(keys) => {
              setSelected(keys[0] ?? null);
              setMulti(new Set(keys.slice(1)));
            }}
            onReveal={(node) => postToHost({ type: 'revealPath', path: node.path })}
            onInsert={openPalette}
            onDelete={requestDelete}
            onPin={(key, at) => {
              const node = shown.model.nodes.find((n) => n.key === key);
              if (node) void edit({ op: 'pinPositions', positions: [{ id: node.id, x: at.x, y: at.y }] });
            }}
            collapsed={collapsed}
            onCollapse={setCollapsed}
            onViewQueue={(node) => postToHost({ type: 'viewContactQueue', nodeId: node.id })}
            onConnect={(e, targetKey) => {
              const from = shown.model.nodes.find((n) => n.key === e.from);
              const to = shown.model.nodes.find((n) => n.key === targetKey);
              if (from && to) void edit({ op: 'connect', from: from.id, slot: e.slot, to: to.id });
            }}
          />
        ) : (
          <div className="map-canvas map-loading" role="status">
            {layoutError ? '' : 'Laying out the map…'}
          </div>
        )}
        {shown && editable && isEmptyJourney(shownState?.value) && <EmptyJourneyGuide editable={editable} />}
        {shown && (
          <InspectorPanel>
          <Inspector
            model={shown.model}
            journey={shownState?.value}
            node={selectedNode}
            editable={editable}
            startingPointLimit={doc.startingPointLimit}
            onEdit={(op) => void edit(op)}
            onReveal={(path) => postToHost({ type: 'revealPath', path })}
            onDelete={requestDelete}
            onInsert={(edge, anchor) => openPalette([edge], anchorPoint(anchor))}
            onAddStartingPoint={(anchor) => setMenu({ kind: 'trigger', at: anchorPoint(anchor) })}
            onContinue={(node, anchor) => setMenu({ kind: 'continue', id: node.id, at: anchorPoint(anchor) })}
            multiSelected={multi.size + (selected ? 1 : 0)}
          />
          </InspectorPanel>
        )}
      </div>
      {menu?.kind === 'palette' && (
        <PopupMenu
          title="Insert a point"
          items={PALETTE}
          at={menu.at}
          header={
            menu.edges.length > 1 ? (
              <div className="palette-branches" role="radiogroup" aria-label="On the edge">
                {menu.edges.map((e, i) => (
                  <button key={e.key} type="button" role="radio" aria-checked={i === menu.edgeIndex} className={i === menu.edgeIndex ? 'active' : ''} onClick={() => setMenu({ ...menu, edgeIndex: i })}>
                    {e.label || 'next'}
                  </button>
                ))}
              </div>
            ) : undefined
          }
          onClose={() => setMenu(undefined)}
          onChoose={(type) => {
            const e = menu.edges[menu.edgeIndex];
            const from = e && shown?.model.nodes.find((n) => n.key === e.from);
            setMenu(undefined);
            if (e && from) void edit({ op: 'insertPoint', from: from.id, slot: e.slot, pointType: type as PointType });
          }}
        />
      )}
      {menu?.kind === 'continue' && (
        <PopupMenu
          title="Continue the path with"
          items={PALETTE.filter((i) => i.id !== 'end' && i.id !== 'exit')}
          at={menu.at}
          onClose={() => setMenu(undefined)}
          onChoose={(type) => {
            setMenu(undefined);
            void edit({ op: 'continuePath', id: menu.id, pointType: type as PointType });
          }}
        />
      )}
      {menu?.kind === 'trigger' && (
        <PopupMenu
          title="Add a starting point"
          items={TRIGGER_MENU}
          at={menu.at}
          onClose={() => setMenu(undefined)}
          onChoose={(type) => {
            setMenu(undefined);
            void edit({ op: 'addStartingPoint', triggerType: type as TriggerType });
          }}
        />
      )}
      {deleting && shown && (
        <DeletePointDialog
          node={deleting.node}
          model={shown.model}
          journey={shownState?.value}
          incoming={deleting.incoming}
          onCancel={() => setDeleting(undefined)}
          onDelete={(choice: DeleteChoice) => {
            setDeleting(undefined);
            if (choice.kind === 'branches') void edit({ op: 'deleteBranches', id: deleting.node.id, ...(choice.keep !== undefined ? { keep: choice.keep } : {}) });
            else void edit({ op: 'deletePoint', id: deleting.node.id, ...(deleting.incoming > 0 ? { reconnectTo: choice.to } : {}) });
          }}
        />
      )}
    </main>
  );
}
