// Where a node leads: one row per successor reference (next, yes, no,
// timeout, or each split branch with its share, R13), each reconnectable to
// another point and with its own "insert a point here".
import type { FieldChange, JourneyOperation } from '../../src/core/edits/journeyOperation';
import { arrayField, isObject, successorRefs } from '../../src/core/edits/nodeReferences';
import type { MapEdge, MapNode } from '../../src/core/mapModel';
import type { Declarations } from './declarations';
import { change } from './fieldChange';
import { Button, Dropdown, NumberField, TextField } from './toolkit';

export interface SuccessorsProps {
  node: MapNode;
  raw: unknown;
  edges: MapEdge[];
  declarations: Declarations;
  disabled: boolean;
  onEdit(op: JourneyOperation): void;
  onFields(changes: FieldChange[]): void;
  onInsert(edge: MapEdge, anchor: HTMLElement): void;
}

/** Even shares of 100 for n branches, the remainder on the first. */
export function evenShares(n: number): number[] {
  const base = Math.floor(100 / n);
  return Array.from({ length: n }, (_, i) => base + (i === 0 ? 100 - base * n : 0));
}

export function Successors(p: SuccessorsProps) {
  const refs = successorRefs(p.node.kind === 'start' ? 'start' : 'point', p.raw);
  if (refs.length === 0) return <p className="muted">This point ends its path.</p>;
  const isSplit = p.node.type === 'split';
  const branches = arrayField(p.raw, 'branches');
  const percents = branches.map((b) => (isObject(b) && typeof b['percent'] === 'number' ? b['percent'] : 0));
  const total = percents.reduce((a, b) => a + b, 0);
  const choices = p.declarations.points.filter((c) => c.value !== p.node.id);

  const setPercent = (i: number, value: number) => {
    const changes = [change(['branches', i, 'percent'], value)];
    // With two branches the other one takes the rest, so the shares keep adding up to 100 (R13).
    if (branches.length === 2 && value < 100) changes.push(change(['branches', 1 - i, 'percent'], 100 - value));
    p.onFields(changes);
  };
  const addBranch = () => {
    const shares = evenShares(branches.length + 1);
    const next = refs[0]?.to ?? '';
    p.onFields([...shares.slice(0, -1).map((s, i) => change(['branches', i, 'percent'], s)), change(['branches', branches.length], { percent: shares[shares.length - 1], next }, true)]);
  };
  const removeBranch = (i: number) => {
    const receiver = i === 0 ? 1 : 0;
    p.onFields([change(['branches', receiver, 'percent'], (percents[receiver] ?? 0) + (percents[i] ?? 0)), change(['branches', i])]);
  };

  return (
    <div className="successors">
      {refs.map((ref, i) => {
        const edge = p.edges.find((e) => e.slot === ref.slot);
        return (
          <fieldset key={String(ref.slot)} className="successor" data-slot={String(ref.slot)}>
            <legend>{typeof ref.slot === 'number' ? `Branch ${ref.slot + 1}` : ref.slot === 'next' ? (p.node.kind === 'start' ? 'First point' : 'Next point') : `“${ref.slot}” branch`}</legend>
            {isSplit && typeof ref.slot === 'number' && (
              <div className="row">
                <NumberField label="Share %" name={`branches.${i}.percent`} value={percents[i]} min={1} max={100} disabled={p.disabled} onCommit={(v) => setPercent(i, v)} />
                <TextField label="Label" name={`branches.${i}.label`} value={String((isObject(branches[i]) && branches[i]['label']) || '')} disabled={p.disabled} onCommit={(v) => p.onFields([change(['branches', i, 'label'], v === '' ? undefined : v)])} />
              </div>
            )}
            <div className="row">
              <Dropdown label="Leads to" name={`successor.${String(ref.slot)}`} value={ref.to ?? ''} choices={choices} disabled={p.disabled} onChange={(to) => p.onEdit({ op: 'connect', from: p.node.id, slot: ref.slot, to })} />
              {edge && !p.disabled && (
                <span className="inline-actions" data-edge={edge.key}>
                  <Button appearance="icon" icon="add" title="Insert a point on this edge" name="insert-on-edge" onClick={() => p.onInsert(edge, document.querySelector<HTMLElement>(`.successor[data-slot="${String(ref.slot)}"]`) ?? document.body)} />
                  {isSplit && branches.length > 2 && <Button appearance="icon" icon="trash" title="Remove this branch" name="remove-branch" onClick={() => removeBranch(i)} />}
                </span>
              )}
            </div>
          </fieldset>
        );
      })}
      {isSplit && (
        <div className="split-footer">
          <span className={total === 100 ? 'muted' : 'error'} role={total === 100 ? undefined : 'alert'}>
            Shares add up to {total}%{total === 100 ? '' : ' — they must add up to 100%'}
          </span>
          <div className="row">
            <Button icon="add" name="add-branch" disabled={p.disabled} onClick={addBranch}>
              Add branch
            </Button>
            <Button name="balance" disabled={p.disabled || percents.every((x, i) => x === evenShares(percents.length)[i])} onClick={() => p.onFields(evenShares(branches.length).map((s, i) => change(['branches', i, 'percent'], s)))}>
              Balance evenly
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
