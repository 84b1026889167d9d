// The `.scenario.json` format: a journey, a timeline, and what QA expects
// to happen when it is replayed (contact X ends at point Y, receives content
// Z before T or exactly N times, never receives any SMS or any marketing
// email, takes branch B at point P, is suppressed with reason R at point P,
// is in the queue of point P at T, stats at T; compared with another version,
// nothing or only these contacts change). Checked by
// scenarioCheck.ts; run by `journey test` and VS Code's Test Explorer.
import { z } from 'zod';
import { FORMAT_VERSION, Id } from './schema';
import { Instant } from './timeline';

const expectation = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), name: z.string().optional().describe('How the expectation is listed in test reports'), ...shape });

export const Place = z.enum(['waiting', 'completed', 'exited', 'notEntered']);
export type Place = z.infer<typeof Place>;

export const Expectation = z.discriminatedUnion('type', [
  expectation('endsAt', {
    contact: Id,
    point: Id.optional().describe('Where the contact is (waiting), or where it completed or exited'),
    place: Place.optional(),
    at: Instant.optional().describe('When to look; defaults to the end of the replay'),
  }),
  expectation('receives', {
    contact: Id,
    content: Id,
    before: Instant.optional(),
    after: Instant.optional(),
    times: z.number().int().nonnegative().optional().describe('Exactly this many sends (within before/after); omitted: at least one'),
  }),
  expectation('doesNotReceive', { contact: Id, content: Id }),
  expectation('neverReceives', {
    contact: Id,
    channel: z.enum(['email', 'sms']).optional().describe('Only this channel; omitted: any message'),
    marketing: z.literal(true).optional().describe('Only marketing messages (not transactional ones, R17)'),
  }),
  expectation('suppressed', {
    contact: Id,
    content: Id.optional(),
    point: Id.optional().describe('The point whose send was suppressed'),
    reason: z.enum(['unsubscribedAll', 'listUnsubscribed', 'notSubscribed', 'frequency', 'noPhone', 'noSmsConsent']),
  }),
  expectation('exits', { contact: Id, reason: z.enum(['exitPoint', 'exitCriteria', 'unsubscribed', 'removed']).optional() }),
  expectation('passes', { contact: Id, point: Id, branch: z.string().optional().describe('The branch it must take there') }),
  expectation('takesBranch', { contact: Id, point: Id, branch: z.string().min(1).describe('yes, no, timeout, or a split branch label such as 30%; every pass at the point takes it') }),
  expectation('inQueue', { contact: Id, point: Id, at: Instant.describe('When the contact waits at the point') }),
  expectation('neverEnters', { contact: Id }),
  expectation('comparedWith', {
    with: z
      .union([z.number().int().positive(), z.string().min(1)])
      .describe('The other version: N is published version N of the journey (published/<id>/<id>.vN.journey.json beside the journey), a string the path of a journey file relative to this file'),
    onlyContacts: z.array(Id).optional().describe('Only these contacts change, and each does; omitted: nothing changes (no count, no contact)'),
  }),
  expectation('stats', {
    at: Instant.optional(),
    started: z.number().int().nonnegative().optional(),
    inProgress: z.number().int().nonnegative().optional(),
    completed: z.number().int().nonnegative().optional(),
    exited: z.number().int().nonnegative().optional(),
  }),
]);
export type Expectation = z.infer<typeof Expectation>;

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(FORMAT_VERSION),
  name: z.string().min(1),
  description: z.string().optional(),
  journey: z.string().min(1).describe('Path of the journey file, relative to this file'),
  timeline: z.string().min(1).describe('Path of the timeline file, relative to this file'),
  seed: z.number().int().optional(),
  expectations: z.array(Expectation).min(1),
});
export type Scenario = z.infer<typeof Scenario>;
