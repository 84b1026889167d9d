// Asks where the edges that lead to a deleted point should go when that is
// not obvious: the point ends its path, or it has several successors.
import { useEffect, useRef, useState } from 'react';
import type { MapModel, MapNode } from '../src/core/mapModel';
import { Button, Dropdown } from './inspector/toolkit';

export function DeletePointDialog(props: { node: MapNode; model: MapModel; incoming: number; onDelete(reconnectTo: string): void; onCancel(): void }) {
  const successors = [...new Set(props.model.edges.filter((e) => e.from === props.node.key && e.toId !== props.node.id && !e.dangling).map((e) => e.toId))];
  const others = props.model.nodes.filter((n) => n.kind === 'point' && n.id !== props.node.id);
  const [target, setTarget] = useState(successors[0] ?? others[0]?.id ?? '');
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  const choices = [
    ...successors.map((id) => ({ value: id, label: `${props.model.nodes.find((n) => n.id === id)?.title ?? id} (a successor)` })),
    ...others.filter((n) => !successors.includes(n.id)).map((n) => ({ value: n.id, label: n.title === n.id ? n.id : `${n.title} (${n.id})` })),
  ];
  return (
    <div className="modal-scrim">
      <div ref={dialog} className="modal" role="dialog" aria-modal="true" aria-labelledby="delete-title" tabIndex={-1} onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
        <h2 id="delete-title">Delete “{props.node.title}”</h2>
        <p>
          {props.incoming} edge{props.incoming === 1 ? ' leads' : 's lead'} to this point.{' '}
          {successors.length === 0 ? 'It ends its path, so choose where they should go instead.' : `It has ${successors.length} different successors: choose which one they should go to.`}
        </p>
        <Dropdown label="Reconnect the edges to" name="reconnect-to" value={target} choices={choices} onChange={setTarget} />
        <div className="row modal-actions">
          <Button appearance="primary" name="confirm-delete" disabled={!target} onClick={() => props.onDelete(target)}>
            Delete and reconnect
          </Button>
          <Button name="cancel" onClick={props.onCancel}>
            Cancel
          </Button>
        </div>
      </div>
    </div>
  );
}
