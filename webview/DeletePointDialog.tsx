// Asks what deleting a point should do when that is not obvious: the point
// ends its path or has several successors, so the edges leading to it need
// a new target; or it branches, so the branches only it leads to can go
// with it (all of them, the path ending there, or all but one branch, which
// takes its place), each choice saying how many points go.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Slot } from '../src/core/edits/journeyOperation';
import { arrayField, stringField, successorRefs } from '../src/core/edits/nodeReferences';
import { pointsOnlyReachedThrough } from '../src/core/edits/reachability';
import type { MapModel, MapNode } from '../src/core/mapModel';
import { Button, Dropdown } from './inspector/toolkit';

export type DeleteChoice = { kind: 'reconnect'; to: string } | { kind: 'branches'; keep?: Slot };

const points = (n: number) => `${n} point${n === 1 ? '' : 's'}`;

export function DeletePointDialog(props: { node: MapNode; model: MapModel; journey: unknown; incoming: number; onDelete(choice: DeleteChoice): void; onCancel(): void }) {
  const successors = [...new Set(props.model.edges.filter((e) => e.from === props.node.key && e.toId !== props.node.id && !e.dangling).map((e) => e.toId))];
  const others = props.model.nodes.filter((n) => n.kind === 'point' && n.id !== props.node.id);
  const [target, setTarget] = useState(successors[0] ?? others[0]?.id ?? '');
  const raw = arrayField(props.journey, 'points').find((p) => stringField(p, 'id') === props.node.id);
  const branchOptions = useMemo(() => {
    const refs = successorRefs('point', raw).filter((r) => r.to && r.to !== props.node.id);
    if (refs.length < 2) return [];
    const all = { key: 'all', label: '', count: pointsOnlyReachedThrough(props.journey, props.node.id).length, keep: undefined as Slot | undefined };
    const keeping = refs.map((r) => ({ key: `keep-${String(r.slot)}`, label: r.label, count: pointsOnlyReachedThrough(props.journey, props.node.id, r.slot).length, keep: r.slot as Slot | undefined }));
    return [all, ...keeping];
  }, [raw, props.journey, props.node.id]);
  const reconnectNeeded = props.incoming > 0 && successors.length !== 1;
  const [choice, setChoice] = useState<string>(reconnectNeeded ? 'reconnect' : (branchOptions[0]?.key ?? 'reconnect'));
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  const choices = [
    ...successors.map((id) => ({ value: id, label: `${props.model.nodes.find((n) => n.id === id)?.title ?? id} (a successor)` })),
    ...others.filter((n) => !successors.includes(n.id)).map((n) => ({ value: n.id, label: n.title === n.id ? n.id : `${n.title} (${n.id})` })),
  ];
  const confirm = () => {
    if (choice === 'reconnect') return props.onDelete({ kind: 'reconnect', to: target });
    const option = branchOptions.find((o) => o.key === choice);
    if (option) props.onDelete({ kind: 'branches', ...(option.keep !== undefined ? { keep: option.keep } : {}) });
  };
  return (
    <div className="modal-scrim">
      <div ref={dialog} className="modal" role="dialog" aria-modal="true" aria-labelledby="delete-title" tabIndex={-1} onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
        <h2 id="delete-title">Delete “{props.node.title}”</h2>
        {props.incoming > 0 && (
          <p>
            {props.incoming} edge{props.incoming === 1 ? ' leads' : 's lead'} to this point.{' '}
            {choice !== 'reconnect' ? '' : successors.length === 0 ? 'It ends its path, so choose where they should go instead.' : successors.length === 1 ? '' : `It has ${successors.length} different successors: choose which one they should go to.`}
          </p>
        )}
        <div className="delete-options" role="radiogroup" aria-label="What to delete">
          {branchOptions.length > 0 && (
            <label>
              <input type="radio" name="delete-choice" value="reconnect" data-choice="reconnect" checked={choice === 'reconnect'} onChange={() => setChoice('reconnect')} />
              <span>Delete only this point and reconnect what leads here</span>
            </label>
          )}
          {(choice === 'reconnect' || branchOptions.length === 0) && (props.incoming > 0 || branchOptions.length === 0) && (
            <Dropdown label="Reconnect the edges to" name="reconnect-to" value={target} choices={choices} onChange={setTarget} />
          )}
          {branchOptions.map((o) => (
            <label key={o.key}>
              <input type="radio" name="delete-choice" value={o.key} data-choice={o.key} checked={choice === o.key} onChange={() => setChoice(o.key)} />
              <span>
                {o.keep === undefined
                  ? `Delete it with its branches: ${points(o.count)} only it leads to go too${props.incoming > 0 ? '; the path that led here ends' : ''}`
                  : `Keep the “${o.label}” branch in its place, delete the others: ${points(o.count)} go too`}
              </span>
            </label>
          ))}
        </div>
        <div className="row modal-actions">
          <Button appearance="primary" name="confirm-delete" disabled={choice === 'reconnect' && !target && props.incoming > 0} onClick={confirm}>
            {choice === 'reconnect' ? (props.incoming > 0 ? 'Delete and reconnect' : 'Delete') : 'Delete'}
          </Button>
          <Button name="cancel" onClick={props.onCancel}>
            Cancel
          </Button>
        </div>
      </div>
    </div>
  );
}
