// The side panel that edits the selected node's properties (or, with
// nothing selected, the journey's): id, title, type, trigger and filter,
// the type's own fields, where it leads, its problems, its pin. Read-only
// when the journey is published (R22) or the map is out of sync.
import { useMemo } from 'react';
import type { FieldChange, JourneyOperation } from '../../src/core/edits/journeyOperation';
import { arrayField, isObject, stringField } from '../../src/core/edits/nodeReferences';
import type { MapDiagnostic, MapEdge, MapModel, MapNode } from '../../src/core/mapModel';
import { POINT_TYPE_LABELS } from '../../src/core/pointSummary';
import { POINT_TYPES } from '../../src/core/schema';
import { iconChar } from '../icons';
import { declarationsOf } from './declarations';
import { change } from './fieldChange';
import { PointForm, StartingPointForm } from './nodeForms';
import { Successors } from './Successors';
import { QuickFixes } from './QuickFixes';
import { DeclarationsPanel } from './DeclarationsPanel';
import { JourneySettings } from './JourneySettings';
import type { DeclareAndUse } from './NameField';
import { Button, Dropdown, TextField } from './toolkit';

export interface InspectorProps {
  model: MapModel;
  journey: unknown;
  node: MapNode | undefined;
  editable: boolean;
  startingPointLimit: { max: number | null; reason: string };
  onEdit(op: JourneyOperation): void;
  onReveal(path: (string | number)[]): void;
  onDelete(node: MapNode): void;
  onInsert(edge: MapEdge, anchor: HTMLElement): void;
  onAddStartingPoint(anchor: HTMLElement): void;
  /** "Continue the path" on an end or exit point: a new point goes before it. */
  onContinue?(node: MapNode, anchor: HTMLElement): void;
  /** How many nodes are selected (more than one: the inspector says what the keys do). */
  multiSelected?: number;
}

function Problems(props: { problems: MapDiagnostic[]; onReveal(path: (string | number)[]): void; editable?: boolean }) {
  if (props.problems.length === 0) return null;
  return (
    <section className="inspector-section" aria-label="Problems">
      <h3>Problems</h3>
      <ul className="problem-list">
        {props.problems.map((d, i) => (
          <li key={i} className={`problem problem-${d.severity}`}>
            <span className="codicon-glyph" aria-hidden="true">{iconChar(d.severity === 'error' ? 'error' : 'warning')}</span>
            <button type="button" className="link-button" title="Show in the text" onClick={() => props.onReveal(d.path)}>
              {d.message}
            </button>
            <span className="muted"> ({d.code}, line {d.line + 1})</span>
            <QuickFixes problem={d} disabled={!props.editable} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Inspector(props: InspectorProps) {
  const declarations = useMemo(() => declarationsOf(props.journey), [props.journey]);
  const journeyTimeZone = stringField(isObject(props.journey) ? props.journey['settings'] : undefined, 'timeZone') ?? 'UTC';
  const disabled = !props.editable;
  const { node } = props;
  /** Declares a name, and (with `changes`) uses it on `target` in the same edit. */
  const declareOn = (target: { kind: 'journey' } | { kind: 'start' | 'point'; id: string }): DeclareAndUse => (section, entry, changes) =>
    props.onEdit({ op: 'declare', section, entry: entry as never, ...(changes ? { use: { target, changes } } : {}) });

  if (!node) {
    const j = isObject(props.journey) ? props.journey : {};
    const fields = (changes: FieldChange[]) => props.onEdit({ op: 'setFields', target: { kind: 'journey' }, changes });
    const starts = arrayField(j, 'startingPoints').length;
    const atLimit = props.startingPointLimit.max !== null && starts >= props.startingPointLimit.max;
    const pinned = isObject(j['layout']) ? Object.keys(j['layout']).length : 0;
    return (
      <aside key="journey" className="inspector" aria-label="Journey properties">
        <header className="inspector-header">
          <span className="codicon-glyph inspector-icon" aria-hidden="true">{iconChar('map')}</span>
          <div>
            <div className="inspector-kind">Journey</div>
            <h2>{stringField(j, 'name') ?? 'Journey'}</h2>
          </div>
        </header>
        <TextField label="Name" name="journey.name" value={stringField(j, 'name') ?? ''} disabled={disabled} onCommit={(v) => fields([change(['name'], v)])} />
        <TextField label="Description" name="journey.description" value={stringField(j, 'description') ?? ''} disabled={disabled} onCommit={(v) => fields([change(['description'], v === '' ? undefined : v)])} />
        <dl className="facts">
          <dt>Kind</dt>
          <dd>{stringField(j, 'kind') ?? '—'}</dd>
          <dt>Status</dt>
          <dd>{stringField(j, 'status') ?? 'draft'}{typeof j['version'] === 'number' ? `, version ${j['version']}` : ''}</dd>
          <dt>Starting points</dt>
          <dd>
            {starts}
            {props.startingPointLimit.max !== null ? ` of ${props.startingPointLimit.max}` : ''} <span className="muted" title="Rule R1: starting-point limits">— {props.startingPointLimit.reason}</span>
          </dd>
          <dt>Journey points</dt>
          <dd>{arrayField(j, 'points').length}</dd>
        </dl>
        <div className="row">
          <span title={atLimit ? `${props.startingPointLimit.reason}; this journey has ${starts}.` : undefined}>
            <Button icon="add" name="add-starting-point" disabled={disabled || atLimit} onClick={() => props.onAddStartingPoint(document.querySelector<HTMLElement>('.inspector [data-action="add-starting-point"]') ?? document.body)}>
              Add starting point
            </Button>
          </span>
          {pinned > 0 && (
            <Button icon="discard" name="reset-layout" disabled={disabled} onClick={() => props.onEdit({ op: 'unpinPositions' })}>
              Reset layout ({pinned} pinned)
            </Button>
          )}
        </div>
        {atLimit && !disabled && <p className="muted limit-reason">{props.startingPointLimit.reason}; this journey has {starts}.</p>}
        <Problems problems={props.model.journeyProblems} onReveal={props.onReveal} editable={props.editable} />
        <JourneySettings journey={j} declarations={declarations} disabled={disabled} onChange={fields} declare={declareOn({ kind: 'journey' })} />
        <DeclarationsPanel journey={j} declarations={declarations} disabled={disabled} onEdit={props.onEdit} />
        <p className="muted hint">Select a point on the map to edit it. Double-click a point (or press Enter) to see its JSON.</p>
      </aside>
    );
  }

  if (node.kind === 'missing') {
    return (
      <aside key={node.key} className="inspector" aria-label={`Missing point ${node.id}`}>
        <header className="inspector-header">
          <span className="codicon-glyph inspector-icon error" aria-hidden="true">{iconChar('warning')}</span>
          <div>
            <div className="inspector-kind">Missing point</div>
            <h2>{node.id}</h2>
          </div>
        </header>
        <p>Some edges lead to “{node.id}”, but no journey point has this id. Reconnect them to an existing point, or add a point with this id in the text.</p>
      </aside>
    );
  }

  const raw = props.node ? (arrayField(props.journey, node.kind === 'start' ? 'startingPoints' : 'points')[node.path[1] as number] ?? {}) : {};
  const rawNode = isObject(raw) ? raw : {};
  const target = { kind: node.kind, id: node.id } as const;
  const fields = (changes: FieldChange[]) => props.onEdit({ op: 'setFields', target, changes });
  const edges = props.model.edges.filter((e) => e.from === node.key);
  const startCount = arrayField(props.journey, 'startingPoints').length;
  const titleKey = node.kind === 'start' ? 'name' : 'title';
  return (
    // Keyed by node: a field never carries another node's (or the journey's) label or text over.
    <aside key={node.key} className="inspector" aria-label={`${node.typeLabel} ${node.title}`}>
      <header className="inspector-header">
        <span className="codicon-glyph inspector-icon" aria-hidden="true">{iconChar(node.icon)}</span>
        <div>
          <div className="inspector-kind">{node.typeLabel}</div>
          <h2>{node.title}</h2>
        </div>
      </header>
      <div className="row inspector-actions">
        <Button icon="go-to-file" name="reveal" onClick={() => props.onReveal(node.path)}>
          Show JSON
        </Button>
        {node.kind === 'point' ? (
          <Button icon="trash" name="delete" disabled={disabled} onClick={() => props.onDelete(node)}>
            Delete point
          </Button>
        ) : (
          <span title={startCount <= 1 ? 'A journey needs at least one starting point.' : undefined}>
            <Button icon="trash" name="remove-starting-point" disabled={disabled || startCount <= 1} onClick={() => props.onEdit({ op: 'removeStartingPoint', id: node.id })}>
              Remove starting point
            </Button>
          </span>
        )}
      </div>
      {(props.multiSelected ?? 0) > 1 && (
        <p className="muted multi-selection-note" role="status">
          {props.multiSelected} points selected: Ctrl+C copies them, Ctrl+X cuts, Ctrl+D duplicates, Delete deletes them; Ctrl+V pastes after the selected point.
        </p>
      )}
      {node.kind === 'point' && (node.type === 'end' || node.type === 'exit') && props.onContinue && (
        <Button icon="add" name="continue-path" disabled={disabled} onClick={() => props.onContinue!(node, document.querySelector<HTMLElement>('.inspector [data-action="continue-path"]') ?? document.body)}>
          Continue the path here
        </Button>
      )}
      <TextField label="Id" name="id" value={node.id} disabled={disabled} hint="Renaming also renames every reference to it." onCommit={(v) => props.onEdit({ op: 'rename', id: node.id, newId: v.trim() })} />
      <TextField label={node.kind === 'start' ? 'Name' : 'Title'} name={titleKey} value={stringField(rawNode, titleKey) ?? ''} placeholder={node.id} disabled={disabled} onCommit={(v) => fields([change([titleKey], v === '' ? undefined : v)])} />
      {node.kind === 'point' && (
        <Dropdown label="Type" name="type" value={stringField(rawNode, 'type') ?? ''} choices={POINT_TYPES.map((t) => ({ value: t, label: POINT_TYPE_LABELS[t] }))} disabled={disabled} onChange={(t) => props.onEdit({ op: 'changePointType', id: node.id, pointType: t as (typeof POINT_TYPES)[number] })} />
      )}
      {node.kind === 'start' ? (
        <StartingPointForm node={rawNode} journey={props.journey} declarations={declarations} disabled={disabled} journeyTimeZone={journeyTimeZone} onChange={fields} declare={declareOn(target)} />
      ) : (
        <section className="inspector-section" aria-label="Settings">
          <PointForm node={rawNode} journey={props.journey} declarations={declarations} disabled={disabled} journeyTimeZone={journeyTimeZone} onChange={fields} declare={declareOn(target)} />
        </section>
      )}
      <section className="inspector-section" aria-label="Leads to">
        <h3>Leads to</h3>
        <Successors node={node} raw={rawNode} edges={edges} declarations={declarations} disabled={disabled} onEdit={props.onEdit} onFields={fields} onInsert={props.onInsert} />
      </section>
      <Problems problems={node.problems} onReveal={props.onReveal} editable={props.editable} />
      {node.pinned && (
        <section className="inspector-section" aria-label="Position">
          <h3>Position</h3>
          <p>
            Pinned at {Math.round(node.pinned.x)}, {Math.round(node.pinned.y)}.{' '}
          </p>
          <Button icon="unlock" name="unpin" disabled={disabled} onClick={() => props.onEdit({ op: 'unpinPositions', ids: [node.id] })}>
            Unpin
          </Button>
        </section>
      )}
    </aside>
  );
}
