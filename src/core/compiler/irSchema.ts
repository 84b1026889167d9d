// The compiled journey: a versioned intermediate representation (IR) that a
// runtime interprets without reading the `.journey.json` format. Plain JSON,
// written once with zod (types inferred from here, JSON Schema generated from
// here by irJsonSchema.ts). Everything a runtime would otherwise have to work
// out is resolved: successors are point indices with their edge labels,
// durations are milliseconds (with the nominal days among them, R0), wait-until and segment instants are epoch
// milliseconds, content facts (transactional, list) are on the send points.
// Filters, triggers and awaited events keep the journey format's own shapes.
// See ir-format.md for the documentation of every field.
import { z } from 'zod';
import { AwaitedEvent, FieldValue, Filter, Id, Trigger } from '../schema';

/** The IR format version; a runtime refuses an IR whose version it does not know. */
export const IR_VERSION = 1;

const index = z.number().int().nonnegative();
const ms = z.number().int().nonnegative().describe('Milliseconds');
const epochMs = z.number().int().describe('Epoch milliseconds (UTC)');
/** R0: of a duration's milliseconds (days counted as 24 h), the whole days to count on the wall clock of the journey zone; absent: none. */
const nominalDays = z.number().int().positive().optional().describe('R0: how many of the duration\'s days (each counted as 86400000 ms in the total) are nominal: same wall-clock time in the journey zone; absent means 0 (all exact)');

export const IrEdge = z.strictObject({
  to: index.describe('Index of the successor in `points`'),
  label: z.string().describe('Edge label as the simulator traces it: next, yes, no, timeout, or a split label such as 30%'),
});
export type IrEdge = z.infer<typeof IrEdge>;

const point = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({
    id: Id,
    type: z.literal(type),
    title: z.string().optional(),
    next: z.array(IrEdge).describe('Successors in graph order; empty for exit and end'),
    ...shape,
  });

const send = {
  content: Id.describe('The content item sent'),
  transactional: z.boolean().describe('Sent regardless of marketing consent (R17)'),
  list: Id.optional().describe("The content's list, whose consent a marketing send needs (R17)"),
  subject: z.string().optional(),
};

export const IrPoint = z.discriminatedUnion('type', [
  point('sendEmail', send),
  point('sendSms', { ...send, phoneField: z.string().optional().describe('Contact field with the phone number; default phone') }),
  point('addTag', { tag: z.string() }),
  point('removeTag', { tag: z.string() }),
  point('updateField', { field: z.string(), value: FieldValue }),
  point('subscribeList', { list: Id }),
  point('unsubscribeList', { list: Id }),
  point('webhook', { url: z.string(), method: z.enum(['POST', 'PUT']) }),
  point('exit', { reason: z.string().optional() }),
  point('end', {}),
  point('ifElse', { condition: Filter }),
  point('wait', { durationMs: ms, durationDays: nominalDays }),
  point('waitUntil', { atMs: epochMs, at: z.string().describe('The local date-time as written'), timeZone: z.string() }),
  point('waitForEvent', { event: AwaitedEvent, timeoutMs: ms, timeoutDays: nominalDays }),
  point('split', { percents: z.array(z.number()).min(2) }),
]);
export type IrPoint = z.infer<typeof IrPoint>;
export type IrPointType = IrPoint['type'];

export const IrStartingPoint = z.strictObject({
  id: Id,
  trigger: Trigger,
  filter: Filter.optional(),
  next: index.describe('Index of the first journey point'),
  dateTrigger: z
    .strictObject({ field: z.string(), hour: z.number().int().min(0).max(23), minute: z.number().int().min(0).max(59), timeZone: z.string() })
    .optional()
    .describe('For a date-field trigger (R20): the field and the daily instant at which it is checked, zone resolved'),
});
export type IrStartingPoint = z.infer<typeof IrStartingPoint>;

export const IrReEntry = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('never') }),
  z.strictObject({ mode: z.literal('afterCompletion') }),
  z.strictObject({ mode: z.literal('afterCooldown'), cooldownMs: ms, cooldownDays: nominalDays }),
]);

export const IrExitCriterion = z.union([
  z.strictObject({ id: Id, when: z.literal('condition'), condition: Filter }),
  z.strictObject({ id: Id, when: z.literal('event'), event: AwaitedEvent }),
]);

export type IrExitCriterion = z.infer<typeof IrExitCriterion>;

export const IrSegmentPlan = z.strictObject({
  segment: Id,
  schedule: z.enum(['oneTimeStatic', 'oneTimeRolling', 'recurring']),
  startMs: epochMs.nullable().describe("The schedule's start; null: when the runtime goes live"),
  everyMs: ms.describe('recurring: the interval between runs (0 otherwise)'),
  everyDays: nominalDays,
  timeZone: z.string().optional().describe("R19: the zone whose wall clock the runs keep, when not the journey's"),
  untilMs: epochMs.nullable().describe('recurring: the last possible run; null: no end'),
  entry: index.describe('Index of the starting point segment entries go through (its filter applies)'),
});
export type IrSegmentPlan = z.infer<typeof IrSegmentPlan>;

export const JourneyIr = z
  .strictObject({
    $schema: z.string().optional(),
    irVersion: z.literal(IR_VERSION),
    journey: z.strictObject({
      id: Id,
      name: z.string(),
      version: z.number().int().positive().describe('The published version this IR is'),
      hash: z.string().optional().describe('journeyLogicHash of the source when it was published (R22)'),
      publishedAt: z.string().optional(),
    }),
    kind: z.enum(['trigger', 'segment']),
    timeZone: z.string().describe('The journey time zone (IANA)'),
    marketing: z.boolean().describe('Whether any send is marketing: a master unsubscribe exits the contact (R17)'),
    reEntry: IrReEntry,
    exitCriteria: z.array(IrExitCriterion),
    startingPoints: z.array(IrStartingPoint),
    points: z.array(IrPoint),
    segment: IrSegmentPlan.nullable().describe('Segment-based journeys (R19): how contacts enter; null for trigger journeys'),
    maxChainSteps: z.number().int().positive().describe('Most points one contact may pass at one instant (a zero-time cycle guard)'),
  })
  .superRefine((ir, ctx) => {
    // Every index names something that is there: a damaged compiled journey is refused at the index, not a crash mid-journey.
    const points = ir.points.length;
    const mustBePoint = (to: number, path: (string | number)[], what: string) => {
      if (to >= points) ctx.addIssue({ code: 'custom', path, message: `${what} point index ${to}, but the compiled journey has ${points} points (0 to ${points - 1}): it is damaged; compile or publish the journey again` });
    };
    ir.startingPoints.forEach((sp, s) => mustBePoint(sp.next, ['startingPoints', s, 'next'], `Starting point "${sp.id}" leads to`));
    ir.points.forEach((p, i) => p.next.forEach((edge, k) => mustBePoint(edge.to, ['points', i, 'next', k, 'to'], `Point "${p.id}" (${edge.label}) leads to`)));
    if (ir.segment && ir.segment.entry >= ir.startingPoints.length) {
      ctx.addIssue({ code: 'custom', path: ['segment', 'entry'], message: `The segment entry goes through starting point index ${ir.segment.entry}, but the compiled journey has ${ir.startingPoints.length} starting points: it is damaged; compile or publish the journey again` });
    }
  })
  .meta({ id: 'JourneyIr', description: 'A compiled journey (Journey Designer IR)' });
export type JourneyIr = z.infer<typeof JourneyIr>;
