// The state one edit operation works on: the original journey value, the
// composer that collects the text changes, and lookups of nodes by id.
// Operations throw `EditRefused` with a message a person can act on when
// the edit cannot be made; nothing is half-applied then. Pure.
import type { JsonPath } from '../jsonDocument';
import type { Plan } from '../schema';
import type { EditComposer } from './textEdits';
import { arrayField, type RawObject, stringField } from './nodeReferences';

export interface EditOptions {
  /** "Now", for defaults such as a new wait-until's date. */
  now?: Date;
  /** The plan assumed when the journey declares none (R1). */
  defaultPlan?: Plan;
}

export class EditRefused extends Error {}

export interface NodeLocation {
  kind: 'start' | 'point';
  index: number;
  node: unknown;
  /** Absolute path of the node object. */
  path: JsonPath;
}

export interface EditContext {
  readonly journey: RawObject;
  readonly composer: EditComposer;
  readonly options: EditOptions;
  /** The node (starting point or journey point) with this id. */
  find(id: string): NodeLocation | undefined;
  /** Like `find`, but refuses the edit when there is no such node. */
  require(id: string, kind?: 'start' | 'point'): NodeLocation;
  /** The id of the node the map should select after the edit. */
  select?: string;
}

export function createEditContext(journey: RawObject, composer: EditComposer, options: EditOptions): EditContext {
  const find = (id: string): NodeLocation | undefined => {
    const starts = arrayField(journey, 'startingPoints');
    const si = starts.findIndex((n) => stringField(n, 'id') === id);
    if (si >= 0) return { kind: 'start', index: si, node: starts[si], path: ['startingPoints', si] };
    const points = arrayField(journey, 'points');
    const pi = points.findIndex((n) => stringField(n, 'id') === id);
    if (pi >= 0) return { kind: 'point', index: pi, node: points[pi], path: ['points', pi] };
    return undefined;
  };
  return {
    journey,
    composer,
    options,
    find,
    require(id, kind) {
      const found = find(id);
      if (!found || (kind && found.kind !== kind)) {
        throw new EditRefused(`There is no ${kind === 'start' ? 'starting point' : kind === 'point' ? 'journey point' : 'point'} "${id}" in the journey any more.`);
      }
      return found;
    },
  };
}
