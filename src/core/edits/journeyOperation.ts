// The meaning-level edits the journey map asks for ("insert a wait on the
// edge p3 → p4", "delete p5 and reconnect its edges to p6"), as a zod-typed
// tagged union. The webview sends them; the host turns each into one minimal
// text edit with `journeyEditFor`. Pure: shared by the host, the webview
// and the browser test harness.
import { z } from 'zod';
import { POINT_TYPES, TRIGGER_TYPES, type PointType, type TriggerType } from '../schema';
import { DECLARATION_SECTIONS } from './declarationOperations';

/** A JSON value, as the inspector sends it for a property. */
export const JsonValue = z.json();

export const PointTypeName = z.enum(POINT_TYPES as [PointType, ...PointType[]]);
export const TriggerTypeName = z.enum(TRIGGER_TYPES as [TriggerType, ...TriggerType[]]);

/**
 * Which successor reference of a node: `next` (also a starting point's
 * first point), `yes`, `no`, `timeout`, or the index of a split branch.
 */
export const Slot = z.union([z.enum(['next', 'yes', 'no', 'timeout']), z.number().int().nonnegative()]);
export type Slot = z.infer<typeof Slot>;

const NodeId = z.string().min(1);
export const DeclarationSectionName = z.enum(DECLARATION_SECTIONS);
const JsonPathSchema = z.array(z.union([z.string(), z.number().int().nonnegative()]));

/** What a property edit applies to: the journey itself, a starting point or a journey point (by id). */
export const EditTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('journey') }),
  z.object({ kind: z.literal('start'), id: NodeId }),
  z.object({ kind: z.literal('point'), id: NodeId }),
]);
export type EditTarget = z.infer<typeof EditTarget>;

/** One property change: set the value at `path` (relative to the target), remove it (no value), or insert it into an array. */
export const FieldChange = z.object({
  path: JsonPathSchema.min(1),
  value: JsonValue.optional(),
  insert: z.boolean().optional(),
  /** The text a field's typed string `value` was typed on: when the document's string there is no longer it, the typing is merged into it. */
  base: z.string().optional(),
});
export type FieldChange = z.infer<typeof FieldChange>;

export const JourneyOperation = z.discriminatedUnion('op', [
  /** "+" on an edge: a new point of `pointType` between `from` (through `slot`) and the edge's target. */
  z.object({ op: z.literal('insertPoint'), from: NodeId, slot: Slot, pointType: PointTypeName }),
  /** Deletes a point; the references to it go to `reconnectTo`, by default its only successor. */
  z.object({ op: z.literal('deletePoint'), id: NodeId, reconnectTo: NodeId.optional() }),
  /** Points the successor reference `slot` of `from` at `to`. */
  z.object({ op: z.literal('connect'), from: NodeId, slot: Slot, to: NodeId }),
  /** Replaces a point by a new one of `pointType`, keeping its id, title and first successor. */
  z.object({ op: z.literal('changePointType'), id: NodeId, pointType: PointTypeName }),
  /** Adds a starting point with a trigger of `triggerType` (within the R1 limit), leading to `next` or the first starting point's target. */
  z.object({ op: z.literal('addStartingPoint'), triggerType: TriggerTypeName, next: NodeId.optional() }),
  /** Removes a starting point (never the last one, R1). */
  z.object({ op: z.literal('removeStartingPoint'), id: NodeId }),
  /** The inspector's property edits of one gesture, applied together. */
  z.object({ op: z.literal('setFields'), target: EditTarget, changes: z.array(FieldChange).min(1) }),
  /** Renames a starting point or journey point and every reference to it. */
  z.object({ op: z.literal('rename'), id: NodeId, newId: NodeId }),
  /** Pins map positions by node id in the journey's `layout` object. */
  z.object({ op: z.literal('pinPositions'), positions: z.array(z.object({ id: NodeId, x: z.number(), y: z.number() })).min(1) }),
  /** Removes pinned positions (all of them when `ids` is omitted). */
  z.object({ op: z.literal('unpinPositions'), ids: z.array(NodeId).optional() }),
  /** R22: the published journey becomes a new draft version (version + 1, no publication, status draft). */
  z.object({ op: z.literal('editAsNewVersion') }),
  /** Deletes a branching point and the points only it leads to; the `keep` branch (if any) takes its place, else its paths end. */
  z.object({ op: z.literal('deleteBranches'), id: NodeId, keep: Slot.optional() }),
  /** Deletes several journey points in one edit (a multi-selection, a cut). */
  z.object({ op: z.literal('deletePoints'), ids: z.array(NodeId).min(1) }),
  /** Pastes copied journey points with fresh ids (their edges among themselves kept), free or onto the edge `at`. */
  z.object({ op: z.literal('pastePoints'), points: z.array(JsonValue).min(1), at: z.object({ from: NodeId, slot: Slot }).optional() }),
  /** A new point of `pointType` before the end (or exit) point `id`: the path goes on through it. */
  z.object({ op: z.literal('continuePath'), id: NodeId, pointType: PointTypeName }),
  /** Declares a tag, list, segment, field, campaign, form or content item; `use` sets it where it was typed, in the same edit. */
  z.object({ op: z.literal('declare'), section: DeclarationSectionName, entry: JsonValue, use: z.object({ target: EditTarget, changes: z.array(FieldChange).min(1) }).optional() }),
  /** Writes a new journey into an empty file (the map's "Start a journey here"). */
  z.object({ op: z.literal('startJourney'), id: z.string(), name: z.string().min(1), timeZone: z.string().min(1) }),
  /** Removes a declaration by its key (the tag, the field's name, else the id). */
  z.object({ op: z.literal('undeclare'), section: DeclarationSectionName, key: z.string() }),
]);
export type JourneyOperation = z.infer<typeof JourneyOperation>;
