// The `.journey.json` file format, written once with zod: every TypeScript
// type of a journey is inferred from here, and the JSON Schema contributed to
// VS Code is generated from here (see jsonSchema.ts). Pure: no `vscode`.
//
// Structure rules (R1-R6, R19-R22 of src/core/semantics.md) that a schema can
// express are expressed here; the ones that need the whole document
// (references, reachability, limits) are semantic rules in the validator.
import { z } from 'zod';

/** The current version of the file format; bumped on incompatible changes. */
export const FORMAT_VERSION = 1;

const describe = <T extends z.ZodType>(schema: T, text: string): T => schema.describe(text) as T;

/** An identifier of a point, starting point, list, segment or content item. */
export const Id = describe(
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'an id starts with a letter or _ and holds only letters, digits, _ . -'),
  'An identifier: a letter or _, then letters, digits, _ . -',
);

/**
 * A duration in ISO 8601 form limited to weeks, days, hours, minutes and
 * seconds (no months or years: their length depends on the calendar), e.g.
 * `P1D`, `PT12H`, `P2DT6H`, `P1W`.
 */
export const Duration = describe(
  z.string().regex(
    /^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/,
    'a duration is ISO 8601 with weeks, days, hours, minutes, seconds only, e.g. P1D, PT12H, P2DT6H',
  ),
  'ISO 8601 duration (weeks, days, hours, minutes, seconds), e.g. P1D, PT12H, P1W',
);

/** An IANA time zone name such as `Europe/Berlin`; checked for existence by the validator (R10). */
export const TimeZone = describe(z.string().min(1), 'IANA time zone name, e.g. Europe/Berlin, America/New_York, UTC');

/** A local date-time without offset, interpreted in a time zone: `2026-12-01T09:00` or with seconds. */
export const LocalDateTime = describe(
  z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'a local date-time looks like 2026-12-01T09:00'),
  'Local date-time, without offset, read in the time zone given beside it: 2026-12-01T09:00',
);

/** A time of day, `HH:MM`. */
export const TimeOfDay = describe(
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day looks like 09:00'),
  'Time of day, 24-hour HH:MM',
);

/** A scalar value a field can hold. */
export const FieldValue = z.union([z.string(), z.number(), z.boolean()]);

// ---------------------------------------------------------------------------
// Filters (R3): a tree of all / any / not over contact predicates.

export const CampaignActivityKind = z.enum(['opened', 'clicked', 'notOpened']);

export const FieldOperator = describe(
  z.enum(['exists', 'notExists', 'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'before', 'after', 'isToday', 'isAnniversary']),
  'How the field is compared: exists/notExists need no value; before/after/isToday/isAnniversary are for date fields',
);

export type Filter =
  | { type: 'all'; of: Filter[] }
  | { type: 'any'; of: Filter[] }
  | { type: 'not'; filter: Filter }
  | { type: 'hasTag'; tag: string }
  | { type: 'field'; field: string; op: z.infer<typeof FieldOperator>; value?: string | number | boolean }
  | { type: 'memberOf'; list: string }
  | { type: 'inSegment'; segment: string }
  | { type: 'language'; language: string }
  | { type: 'campaignActivity'; campaign: string; activity: z.infer<typeof CampaignActivityKind> }
  | { type: 'emailEquals'; email: string }
  | { type: 'nameEquals'; name: string };

export const Filter: z.ZodType<Filter> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('all'), of: z.array(Filter).describe('Every filter must hold') }),
    z.strictObject({ type: z.literal('any'), of: z.array(Filter).describe('At least one filter must hold') }),
    z.strictObject({ type: z.literal('not'), filter: Filter }),
    z.strictObject({ type: z.literal('hasTag'), tag: z.string().min(1) }),
    z.strictObject({ type: z.literal('field'), field: z.string().min(1), op: FieldOperator, value: FieldValue.optional() }),
    z.strictObject({ type: z.literal('memberOf'), list: Id }),
    z.strictObject({ type: z.literal('inSegment'), segment: Id }),
    z.strictObject({ type: z.literal('language'), language: describe(z.string().min(2), 'Language code, e.g. de, en, pt-BR') }),
    z.strictObject({ type: z.literal('campaignActivity'), campaign: Id, activity: CampaignActivityKind }),
    z.strictObject({ type: z.literal('emailEquals'), email: z.string().min(3) }),
    z.strictObject({ type: z.literal('nameEquals'), name: z.string().min(1) }),
  ]),
).meta({ id: 'Filter', description: 'A filter: all / any / not over contact predicates (R3)' });

// ---------------------------------------------------------------------------
// Starting points (R1, R2): one trigger each, an optional filter.

export const Trigger = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('audienceJoined'), list: Id.optional().describe('The list joined; omitted means the audience itself') }),
  z.strictObject({ type: z.literal('tagAdded'), tag: z.string().min(1) }),
  z.strictObject({ type: z.literal('tagRemoved'), tag: z.string().min(1) }),
  z.strictObject({
    type: z.literal('customEvent'),
    name: z.string().min(1),
    properties: z.record(z.string(), FieldValue).optional().describe('Every property must match for the event to count'),
  }),
  z.strictObject({ type: z.literal('formSubmitted'), form: z.string().min(1) }),
  z.strictObject({ type: z.literal('campaignActivity'), campaign: Id, activity: CampaignActivityKind }),
  z.strictObject({
    type: z.literal('dateField'),
    field: z.string().min(1).describe('A date field of the contact, e.g. birthday; fires yearly on its month and day'),
    time: TimeOfDay,
    timeZone: TimeZone.optional().describe('Defaults to the journey time zone'),
  }),
  z.strictObject({ type: z.literal('segmentEntered'), segment: Id }),
  z.strictObject({ type: z.literal('api'), description: z.string().optional() }),
]);
export type Trigger = z.infer<typeof Trigger>;
export type TriggerType = Trigger['type'];

export const StartingPoint = z.strictObject({
  id: Id,
  name: z.string().optional(),
  trigger: Trigger,
  filter: Filter.optional().describe('Only contacts for whom the filter holds when the trigger fires enter (R3)'),
  next: Id.describe('The first journey point'),
});
export type StartingPoint = z.infer<typeof StartingPoint>;

// ---------------------------------------------------------------------------
// Journey points (R4): actions and rules, each naming its successor(s).

/** The events a wait-for-event rule can wait for (R11). */
export const AwaitedEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('emailOpened'), point: Id.describe('The send-email point whose email must be opened') }),
  z.strictObject({
    type: z.literal('emailClicked'),
    point: Id.describe('The send-email point whose email must be clicked'),
    link: z.string().min(1).optional().describe('The link that must be clicked; omitted means any link'),
  }),
  z.strictObject({ type: z.literal('formSubmitted'), form: z.string().min(1) }),
  z.strictObject({ type: z.literal('purchase'), product: z.string().optional() }),
  z.strictObject({ type: z.literal('tagAdded'), tag: z.string().min(1) }),
  z.strictObject({ type: z.literal('customEvent'), name: z.string().min(1), properties: z.record(z.string(), FieldValue).optional() }),
]);
export type AwaitedEvent = z.infer<typeof AwaitedEvent>;

const point = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ id: Id, type: z.literal(type), title: z.string().optional(), ...shape });

const next = Id.describe('The next journey point');

export const SplitBranch = z.strictObject({
  percent: z.number().gt(0).lte(100),
  next: Id,
  label: z.string().optional(),
});

/** The URL a webhook point calls: http or https only, no whitespace or control characters (a newline could split the request). */
const WebhookUrl = z
  .string()
  .refine((url) => !/[\s\u0000-\u001f\u007f-\u009f]/.test(url), { error: 'A webhook URL must not contain spaces or control characters (newline, tab...)' })
  .pipe(z.url({ protocol: /^https?$/, error: 'A webhook URL must be an http:// or https:// URL' }));

export const JourneyPoint = z.discriminatedUnion('type', [
  point('sendEmail', { content: Id.describe('The email content item sent'), next }),
  point('sendSms', {
    content: Id.describe('The SMS content item sent'),
    phoneField: z.string().optional().describe('The contact field holding the phone number; defaults to phone'),
    next,
  }),
  point('addTag', { tag: z.string().min(1), next }),
  point('removeTag', { tag: z.string().min(1), next }),
  point('updateField', { field: z.string().min(1), value: FieldValue, next }),
  point('subscribeList', { list: Id, next }),
  point('unsubscribeList', { list: Id, next }),
  point('webhook', { url: WebhookUrl, method: z.enum(['POST', 'PUT']).optional(), next }),
  point('exit', { reason: z.string().optional() }),
  point('ifElse', {
    condition: Filter.describe('Evaluated on the contact data at the instant of arrival (R12)'),
    branches: z.strictObject({ yes: Id, no: Id }),
  }),
  point('wait', { duration: Duration, next }),
  point('waitUntil', {
    at: LocalDateTime,
    timeZone: TimeZone.optional().describe('Defaults to the journey time zone'),
    next,
  }),
  point('waitForEvent', {
    event: AwaitedEvent,
    timeout: Duration.describe('How long the contact waits from its arrival before taking the timeout branch (R11)'),
    branches: z.strictObject({ yes: Id, timeout: Id }),
  }),
  point('split', { branches: z.array(SplitBranch).min(2).describe('Percentages must add up to 100 (R13)') }),
  point('end', {}),
]);
export type JourneyPoint = z.infer<typeof JourneyPoint>;
export type PointType = JourneyPoint['type'];
export type PointOf<T extends PointType> = Extract<JourneyPoint, { type: T }>;

// ---------------------------------------------------------------------------
// Journey-level settings (R5, R6) and declarations.

export const Platform = describe(
  z.enum(['mailchimp', 'dynamics', 'mailup', 'generic']),
  'The marketing platform whose limits and behaviour the journey follows',
);
export type Platform = z.infer<typeof Platform>;

export const Plan = describe(
  z.enum(['free', 'essentials', 'standard', 'premium']),
  'The account plan; sets the starting-point and journey-point limits (R1)',
);
export type Plan = z.infer<typeof Plan>;

export const Limits = z.strictObject({
  startingPoints: z.number().int().positive().optional(),
  journeyPoints: z.number().int().positive().optional(),
  waitForEventRules: z.number().int().nonnegative().optional(),
  maxWait: Duration.optional().describe('The longest wait-for-event timeout the platform allows'),
});

export const ReEntry = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('never') }),
  z.strictObject({ mode: z.literal('afterCompletion') }),
  z.strictObject({ mode: z.literal('afterCooldown'), cooldown: Duration }),
]);
export type ReEntry = z.infer<typeof ReEntry>;

export const ExitCriterion = z.union([
  z.strictObject({ id: Id, when: z.literal('condition'), condition: Filter }),
  z.strictObject({ id: Id, when: z.literal('event'), event: AwaitedEvent }),
]);
export type ExitCriterion = z.infer<typeof ExitCriterion>;

export const Settings = z.strictObject({
  plan: Plan.optional(),
  limits: Limits.optional().describe('Explicit limits; each overrides the plan'),
  reEntry: ReEntry.optional().describe('Whether a contact that left may enter again (R7); defaults to never'),
  exitCriteria: z.array(ExitCriterion).optional().describe('Leave the journey wherever the contact is when one holds (R16)'),
  timeZone: TimeZone.optional().describe('The journey time zone; defaults to UTC'),
});

export const Schedule = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('oneTimeStatic') }),
  z.strictObject({ type: z.literal('oneTimeRolling') }),
  z.strictObject({
    type: z.literal('recurring'),
    every: Duration.describe('The interval between runs'),
    until: LocalDateTime.optional(),
  }),
]);
export type Schedule = z.infer<typeof Schedule>;

export const SegmentEntry = z.strictObject({
  segment: Id.optional(),
  schedule: Schedule.optional(),
  start: LocalDateTime.optional(),
  timeZone: TimeZone.optional(),
});

export const ListDecl = z.strictObject({
  id: Id,
  name: z.string().optional(),
  kind: z.enum(['marketing', 'transactional']).optional().describe('Transactional lists carry messages sent regardless of marketing consent (R17)'),
});
export const SegmentDecl = z.strictObject({ id: Id, name: z.string().optional(), description: z.string().optional() });
export const FieldDecl = z.strictObject({
  name: z.string().min(1),
  type: z.enum(['string', 'number', 'boolean', 'date']),
});
export const CampaignDecl = z.strictObject({ id: Id, name: z.string().optional() });
export const FormDecl = z.strictObject({ id: z.string().min(1), name: z.string().optional() });

export const ContentItem = z.strictObject({
  id: Id,
  channel: z.enum(['email', 'sms']),
  name: z.string().optional(),
  subject: z.string().optional(),
  status: z.enum(['draft', 'ready']).describe('Only ready content can be published (R21)'),
  list: Id.optional().describe('The list whose consent a marketing email needs (R17)'),
  transactional: z.boolean().optional().describe('Transactional messages are sent regardless of marketing consent (R17)'),
  links: z.array(z.string().min(1)).optional().describe('Named links in the email, for wait-for-click rules (R11)'),
});
export type ContentItem = z.infer<typeof ContentItem>;

export const Publication = z.strictObject({
  version: z.number().int().positive(),
  publishedAt: z.iso.datetime({ offset: true }),
  hash: z.string().regex(/^fnv1a64:[0-9a-f]{16}$/).describe('Hash of the journey logic when published; a change means the frozen version was edited (R22)'),
});

export const Journey = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(FORMAT_VERSION),
  id: Id,
  name: z.string().min(1),
  description: z.string().optional(),
  platform: Platform.optional(),
  kind: z.enum(['trigger', 'segment']).describe('Trigger-based journeys start on contact activity; segment-based ones on a segment schedule (R5)'),
  segmentEntry: SegmentEntry.optional().describe('For segment-based journeys: segment, schedule, start and time zone (R5, R19)'),
  status: z.enum(['draft', 'readyToPublish', 'published']).optional().describe('readyToPublish asks the checks of R21'),
  version: z.number().int().positive().optional(),
  publication: Publication.optional().describe('Set when this version was published; it is then frozen (R22)'),
  settings: Settings.optional(),
  lists: z.array(ListDecl).optional(),
  segments: z.array(SegmentDecl).optional(),
  tags: z.array(z.string().min(1)).optional(),
  fields: z.array(FieldDecl).optional(),
  campaigns: z.array(CampaignDecl).optional(),
  forms: z.array(FormDecl).optional(),
  content: z.array(ContentItem).optional(),
  startingPoints: z.array(StartingPoint).describe('Where contacts enter (R1, R2)'),
  points: z.array(JourneyPoint).describe('Actions and rules (R4)'),
  layout: z
    .record(z.string(), z.strictObject({ x: z.number(), y: z.number() }))
    .optional()
    .describe('Positions the user pinned on the map, by point id; not journey logic'),
});
export type Journey = z.infer<typeof Journey>;

/** Every point type, in palette order. */
export const POINT_TYPES: readonly PointType[] = JourneyPoint.options.map((o) => o.shape.type.value);
/** Every trigger type. */
export const TRIGGER_TYPES: readonly TriggerType[] = Trigger.options.map((o) => o.shape.type.value);
