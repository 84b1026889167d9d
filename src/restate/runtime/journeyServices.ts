// The Restate services of one journey (all its published versions):
//
// - Contact (virtual object, key = contact id): the ingress for contact events
//   and profile imports, and the keyed state of the contact (its data, where
//   it is, its stays, re-entry bookkeeping). Every handler runs the contact
//   machine on the state, makes the sends through the channel adapters inside
//   durable steps, adds the step's stats deltas to the contact's own stats,
//   writes all it keeps as one state entry (`contact`: its state, trace,
//   failed deliveries and stats; one read and one write per step), and sends
//   itself one delayed wake-up per timer: the end of a wait (wait, wait
//   until, the timeout of a wait for event; carrying its stay token, so a
//   wake-up that comes after the contact moved on earlier is ignored), a
//   birthday tick, a segment run. A contact costs its events' invocations and
//   one per timer, nothing else.
// - Stay (workflow, key = v<version>/<contact>/<entry>): kept only for the
//   contacts an earlier runtime left waiting, which started one workflow per
//   stay to hold its timers (a durable sleep raced against a promise the
//   contact resolved). Such a workflow still wakes its contact when its sleep
//   ends; the contact's first step under this runtime arms its own wake-up
//   and tells the workflow to end (handed over). Nothing starts one any more.
// - Stats (service): the read side of the stats. It sums the stats every
//   contact keeps, read through Restate's SQL introspection
//   (contactStatsQuery.ts): counters and contact queues per point of a
//   version. Nothing is written for stats outside the contact's own step, so
//   a contact step costs no extra invocation and no key serialises the
//   journey.
// - journey.<id> (service): stats, queue and contact-activity queries, and
//   `rehearsal`, which (when the configuration allows it) gives the journey
//   a rehearsal's time scale and live window in this process until it
//   restarts (src/restate/rehearsal.ts).
import * as restate from '@restatedev/restate-sdk';
import type { SimEvent } from '../../core/simulator/matching';
import type { TraceEntry } from '../../core/simulator/types';
import type { ChannelAdapters } from './channels';
import { ContactMachine, type ContactInput, type ContactState, type Effects, type StayOutcome, type StayState, type StayToken } from './contactMachine';
import { type ProfileImport, parseIngressEvent, parseProfileImport } from './ingressEvent';
import { JourneyClock } from './clock';
import { RehearsalSettings, type RuntimeConfig } from './runtimeConfig';
import { loadRuntimeJourney, type RuntimeJourney } from './runtimeJourney';
import { serviceNames, stayKey } from './serviceNames';
import { own } from './dictionary';
import { CONTACT_RECORD_KEY, ContactStatsQueryError, readContactStats } from './contactStatsQuery';
import { addDeltas, type ContactStats, type Counters, type JourneyStats, type QueueEntry, sumContactStats, toJourneyStats } from './statsDelta';

const json = restate.serde.json;
/** The journaled step that reads the clock for an event without an instant, and tries the step's first delivery once. */
const CLOCK_STEP = 'clock, first delivery';

/** What CLOCK_STEP journals: the wall clock it read, and how the one try of the first delivery went (absent: there was none). */
interface ClockReading {
  wall: number;
  first?: FirstTry;
}

/** made: delivered; failed: refused for good (TerminalError); retry: failed otherwise, to be made in a step of its own. */
type FirstTry = 'made' | 'failed' | 'retry';
/** The most trace entries kept per contact (the oldest go first). */
const MAX_TRACE = 5_000;

export interface JourneyServicesOptions {
  /** Every published version of the journey that may still have contacts; the newest is live. */
  versions: readonly RuntimeJourney[];
  clock: JourneyClock;
  config: RuntimeConfig;
  channels: ChannelAdapters;
}

/** What the contact query answers. */
export interface ContactReport {
  contact: string;
  status: ContactState['status'] | 'unknown';
  entry: number;
  version: number | null;
  /** The point the contact waits at, if it does. */
  waitingAt: string | null;
  /** The journey instant the contact has been handled up to. */
  clock: number | null;
  /** Timers still to come (journey instants). */
  pending: { kind: string; due: number }[];
  trace: TraceEntry[];
  late: number;
  failedDeliveries: number;
  /** Passes stopped because the contact looped without waiting (each discarded whole; the contact was removed). */
  zeroTimeCycles: number;
  /** How its last stays ended (up to 16, oldest first), kept durably in its state. */
  stays: StayOutcome[];
}

/** Everything the contact object keeps, in one state entry (CONTACT_RECORD_KEY): read once and written once per step. */
interface Stored {
  state: ContactState;
  trace: TraceEntry[];
  failed: number;
  /** The contact's own share of the journey's stats (summed on read by the Stats service). */
  stats?: ContactStats;
}

export function journeyServices(options: JourneyServicesOptions) {
  const { config, channels } = options;
  // A rehearsal replaces both (retime): every handler reads them when it runs.
  let clock = options.clock;
  let machine = new ContactMachine(options.versions);
  const journeyId = machine.live.ir.journey.id;
  const names = serviceNames(journeyId);
  const settle = config.settleMs;
  const retryPolicy = config.retry
    ? { initialInterval: config.retry.initialIntervalMs, maxInterval: config.retry.maxIntervalMs, exponentiationFactor: 2, ...(config.retry.maxAttempts ? { maxAttempts: config.retry.maxAttempts } : {}) }
    : undefined;
  const serviceOptions = { ...(retryPolicy ? { retryPolicy } : {}) };
  const sendRetry = config.sendAttempts !== undefined ? { maxRetryAttempts: config.sendAttempts } : {};

  // ---------------------------------------------------------------------------
  // Contact.

  /** The contact's record; a contact an earlier runtime kept under separate keys (state, trace, failed) is read from them. */
  async function read(ctx: restate.ObjectSharedContext | restate.ObjectContext): Promise<(Stored & { legacy?: true }) | null> {
    const record = await ctx.get<Stored>(CONTACT_RECORD_KEY);
    if (record) return record;
    const state = await ctx.get<ContactState>('state');
    if (!state) return null;
    return { state, trace: (await ctx.get<TraceEntry[]>('trace')) ?? [], failed: (await ctx.get<number>('failed')) ?? 0, legacy: true };
  }

  async function load(ctx: restate.ObjectContext, at: () => Promise<number>): Promise<Stored & { legacy?: true }> {
    return (await read(ctx)) ?? { state: machine.create(ctx.key, await at()), trace: [], failed: 0 };
  }

  async function journeyNow(ctx: restate.Context): Promise<number> {
    return clock.journeyAt(await ctx.date.now());
  }

  /** The deliveries a step makes through the channel adapters, in order: sends, then webhook calls (those without an adapter are skipped). */
  function deliveriesOf(fx: Effects): { name: string; make: () => Promise<void> }[] {
    const out: { name: string; make: () => Promise<void> }[] = [];
    for (const message of fx.sends) {
      const adapter = message.channel === 'email' ? channels.email : channels.sms;
      if (adapter) out.push({ name: `${message.channel} ${message.point}`, make: () => adapter(message) });
    }
    const webhook = channels.webhook;
    if (webhook) for (const call of fx.webhooks) out.push({ name: `webhook ${call.point}`, make: () => webhook(call) });
    return out;
  }

  /**
   * Carries out the effects of one step: deliveries (each in its own
   * journaled step, except the first when the clock's step tried it:
   * `firstTry`), state, the contact's stats, wake-ups (and the end of an
   * earlier runtime's Stay workflow).
   */
  async function apply(ctx: restate.ObjectContext, stored: Stored & { legacy?: true }, fx: Effects, options: { legacyCaller?: StayToken; firstTry?: FirstTry } = {}): Promise<void> {
    if (fx.stale) return;
    if (fx.cycle) ctx.console.warn(`Journey "${journeyId}": ${fx.cycle} Nothing of that pass was carried out; the contact was removed from the journey.`);
    let failed = stored.failed;
    const deliveries = deliveriesOf(fx);
    for (let i = 0; i < deliveries.length; i++) {
      const delivery = deliveries[i]!;
      let retry = sendRetry;
      if (i === 0 && options.firstTry) {
        if (options.firstTry === 'failed' || (options.firstTry === 'retry' && config.sendAttempts === 1)) failed++;
        if (options.firstTry !== 'retry' || config.sendAttempts === 1) continue;
        // Its try in the clock's step counts as one of its attempts.
        if (config.sendAttempts !== undefined) retry = { maxRetryAttempts: config.sendAttempts - 1 };
      }
      try {
        await ctx.run(delivery.name, delivery.make, retry);
      } catch (error) {
        if (!(error instanceof restate.TerminalError)) throw error;
        failed++;
      }
    }
    let trace = stored.trace;
    if (fx.trace.length > 0) {
      trace = trace.concat(fx.trace);
      if (trace.length > MAX_TRACE) trace = trace.slice(trace.length - MAX_TRACE);
    }
    const stats = fx.stats.length > 0 ? addDeltas(stored.stats, fx.stats) : stored.stats;
    ctx.set<Stored>(CONTACT_RECORD_KEY, { state: stored.state, trace, failed, ...(stats ? { stats } : {}) });
    if (stored.legacy) for (const key of ['state', 'trace', 'failed']) ctx.clear(key);
    const legacy = fx.legacyStay;
    const legacyCaller = options.legacyCaller;
    if (legacy && !(legacyCaller && legacyCaller.entry === legacy.entry && legacyCaller.gen === legacy.gen)) {
      const now = machine.stayState(stored.state, legacy.entry);
      const state: StayState = now?.kind === 'done' ? now : { kind: 'handedOver', ...legacy };
      ctx.genericSend({ service: names.stay, method: 'signal', key: stayKey(legacy.version, ctx.key, legacy.entry), parameter: { gen: legacy.gen, state }, inputSerde: json });
    }
    if (fx.arm.length > 0) {
      // Not journaled: Restate keeps a delayed call's invocation time from its first run and does not compare it on replay.
      const now = Date.now();
      for (const wake of fx.arm) {
        ctx.genericSend({ service: names.contact, method: 'tick', key: ctx.key, parameter: wake, inputSerde: json, delay: clock.wallDelayUntil(wake.due, now) + settle });
      }
    }
  }

  async function step(ctx: restate.ObjectContext, input: ContactInput, legacyCaller?: StayToken): Promise<ContactState> {
    const at = input.type === 'wake' ? input.due : input.at;
    const stored = await load(ctx, async () => at);
    const fx = machine.handle(stored.state, input);
    await apply(ctx, stored, fx, { legacyCaller });
    return stored.state;
  }

  /**
   * An event without an instant happens now. The clock is read in a
   * journaled step (so that a replay decides as the first run did), and that
   * same step tries the step's first delivery once: one journaled step where
   * there would be two. If that try fails but may be retried, the clock is
   * journaled all the same (the event keeps the instant it arrived at) and
   * the delivery gets a journaled step of its own, retried as usual. The
   * step is decided with the clock as it reads before it is journaled; on a
   * replay the journaled reading is what counts, and the step is decided
   * again from it (the same decision as the first run: the kernel is
   * deterministic).
   */
  async function eventNow(ctx: restate.ObjectContext, event: SimEvent): Promise<{ at: number; fx: Effects }> {
    const record = await read(ctx);
    const decide = (at: number) => {
      const stored: Stored & { legacy?: true } = record ? { ...record, state: structuredClone(record.state) } : { state: machine.create(ctx.key, at), trace: [], failed: 0 };
      return { at, stored, fx: machine.handle(stored.state, { type: 'event', at, event }) };
    };
    const wall = Date.now();
    let step = decide(clock.journeyAt(wall));
    const first = deliveriesOf(step.fx)[0];
    const reading = await ctx.run<ClockReading>(CLOCK_STEP, async () => {
      if (!first) return { wall };
      try {
        await first.make();
        return { wall, first: 'made' };
      } catch (error) {
        if (!(error instanceof restate.TerminalError)) ctx.console.warn(`Journey "${journeyId}": ${first.name} for ${ctx.key} failed (${error instanceof Error ? error.message : String(error)}); retrying it.`);
        return { wall, first: error instanceof restate.TerminalError ? 'failed' : 'retry' };
      }
    });
    if (reading.wall !== wall) step = decide(clock.journeyAt(reading.wall));
    await apply(ctx, step.stored, step.fx, reading.first ? { firstTry: reading.first } : {});
    return step;
  }

  const contact = restate.object({
    name: names.contact,
    options: serviceOptions,
    handlers: {
      /** Ingress: one contact event (tag added, email clicked, unsubscribed ...), `at` defaulting to now. */
      event: async (ctx: restate.ObjectContext, input: unknown): Promise<{ accepted: true; at: string; late: boolean }> => {
        let parsed: ReturnType<typeof parseIngressEvent>;
        try {
          parsed = parseIngressEvent(input);
        } catch (error) {
          throw new restate.TerminalError(`Not a contact event: ${error instanceof Error ? error.message : String(error)}`, { errorCode: 400 });
        }
        let at = parsed.at;
        let fx: Effects;
        if (at === undefined) {
          ({ at, fx } = await eventNow(ctx, parsed.event));
        } else {
          const stored = await load(ctx, async () => at!);
          fx = machine.handle(stored.state, { type: 'event', at, event: parsed.event });
          await apply(ctx, stored, fx);
        }
        return { accepted: true, at: new Date(at).toISOString(), late: fx.late };
      },
      /** Ingress: imports the contact's profile (data only: it triggers nothing). */
      upsert: async (ctx: restate.ObjectContext, input: unknown): Promise<{ accepted: true }> => {
        let parsed: ProfileImport;
        try {
          parsed = parseProfileImport(input);
        } catch (error) {
          throw new restate.TerminalError(`Not a contact profile: ${error instanceof Error ? error.message : String(error)}`, { errorCode: 400 });
        }
        const { at: atText, ...profile } = parsed;
        const at = atText !== undefined ? Date.parse(atText) : await journeyNow(ctx);
        await step(ctx, { type: 'upsert', at, profile });
        return { accepted: true };
      },
      /**
       * The timer of a Stay workflow an earlier runtime started came due: move
       * the contact on (unless it left that wait already), and tell the
       * workflow to end: how the stay ended if it did, else handed over (the
       * contact's own wake-ups hold its timers now).
       */
      wake: restate.handlers.object.exclusive(
        { ingressPrivate: true },
        async (ctx: restate.ObjectContext, input: { entry: number; gen: number; due: number }): Promise<StayState> => {
          const token = { entry: input.entry, gen: input.gen };
          const state = await step(ctx, { type: 'wake', due: input.due, stay: token }, token);
          const now = machine.stayState(state, input.entry);
          return now?.kind === 'done' ? now : { kind: 'handedOver', entry: input.entry, version: state.version ?? machine.live.version, gen: input.gen };
        },
      ),
      /** A delayed wake-up the contact sent itself: the end of a wait (with its stay token), a birthday tick or a segment run. */
      tick: restate.handlers.object.exclusive({ ingressPrivate: true }, async (ctx: restate.ObjectContext, input: { due: number; stay?: StayToken }): Promise<void> => {
        await step(ctx, { type: 'wake', due: input.due, ...(input.stay ? { stay: input.stay } : {}) });
      }),
      /** Query: where the contact is and what happened to it in this journey. */
      get: restate.handlers.object.shared(async (ctx: restate.ObjectSharedContext): Promise<ContactReport> => {
        const record = await read(ctx);
        const trace = record?.trace ?? [];
        const failed = record?.failed ?? 0;
        const state = record?.state;
        if (!state) return { contact: ctx.key, status: 'unknown', entry: 0, version: null, waitingAt: null, clock: null, pending: [], trace, late: 0, failedDeliveries: 0, zeroTimeCycles: 0, stays: [] };
        const j = machine.journey(state.version);
        return {
          contact: ctx.key,
          status: state.status,
          entry: state.entry,
          version: state.version,
          waitingAt: state.status === 'in' && state.where >= 0 ? (j.ir.points[state.where]?.id ?? null) : null,
          clock: state.clock,
          pending: state.timers.map((t) => ({ kind: t.kind, due: t.due })),
          trace,
          late: state.late,
          failedDeliveries: failed,
          zeroTimeCycles: state.stuck,
          stays: state.outcomes,
        };
      }),
    },
  });

  // ---------------------------------------------------------------------------
  // Stay: only for the stays an earlier runtime started a workflow for. Its
  // code is that runtime's, unchanged, so that its journaled invocations
  // replay on this one; it ends when the contact answers or signals a state
  // other than waiting (done, handed over).

  const stay = restate.workflow({
    name: names.stay,
    options: { ...serviceOptions },
    handlers: {
      run: async (ctx: restate.WorkflowContext, input: { contact: string; state: StayState }): Promise<StayState> => {
        let state = input.state;
        let timerSpent = -1;
        while (state.kind === 'waiting') {
          const signal = ctx.promise<StayState>(`g${state.gen}`, json);
          let next: StayState | 'timer';
          if (state.due === null || timerSpent === state.gen) {
            next = await signal.get();
          } else {
            // Not journaled: Restate keeps a sleep's wake-up time from its first run and compares only its name on replay.
            const delay = clock.wallDelayUntil(state.due, Date.now()) + settle;
            next = await restate.RestatePromise.race([signal.get(), ctx.sleep(delay, `until ${new Date(state.due).toISOString()}`).map(() => 'timer' as const)]);
          }
          if (next === 'timer') {
            timerSpent = state.gen;
            const woken = await ctx.genericCall<{ entry: number; gen: number; due: number }, StayState | null>({
              service: names.contact,
              method: 'wake',
              key: input.contact,
              parameter: { entry: state.entry, gen: state.gen, due: state.due! },
              inputSerde: json,
              outputSerde: json,
            });
            if (woken) state = woken;
          } else {
            state = next;
          }
        }
        return state;
      },
      /** The contact object tells the stay that it moved on, ended, or took the stay's timers over. */
      signal: async (ctx: restate.WorkflowSharedContext, input: { gen: number; state: StayState }): Promise<void> => {
        await ctx.promise<StayState>(`g${input.gen}`, json).resolve(input.state);
      },
    },
  });

  // ---------------------------------------------------------------------------
  // Stats: summed on read from the stats each contact keeps.

  const stats = restate.service({
    name: names.stats,
    options: serviceOptions,
    handlers: {
      /** The counters and contact queues of a version, summed over its contacts. */
      read: async (_ctx: restate.Context, input: { version: number }): Promise<{ counters: Counters; queues: Record<string, QueueEntry[]> }> => {
        try {
          return sumContactStats(await readContactStats(config.adminUrls, names.contact), input.version);
        } catch (error) {
          if (error instanceof ContactStatsQueryError) throw new restate.TerminalError(error.message, { errorCode: 503 });
          throw error;
        }
      },
    },
  });

  // ---------------------------------------------------------------------------
  // Queries.

  function gather(ctx: restate.Context, version: number): Promise<{ counters: Counters; queues: Record<string, QueueEntry[]> }> {
    return ctx.genericCall<{ version: number }, { counters: Counters; queues: Record<string, QueueEntry[]> }>({ service: names.stats, method: 'read', parameter: { version }, inputSerde: json, outputSerde: json });
  }

  const versionOf = (v: number | undefined) => machine.journey(v ?? null);

  /** Runs every version of the journey on the rehearsal's clock, live window and split seed. */
  function retime(settings: RehearsalSettings): void {
    clock = new JourneyClock(settings);
    machine = new ContactMachine(options.versions.map((v) => loadRuntimeJourney(v.ir, settings)));
  }

  const api = restate.service({
    name: names.api,
    options: serviceOptions,
    handlers: {
      /** Journey-level and per-point stats of a version (default: the live one) (R15). */
      stats: async (ctx: restate.Context, input: { version?: number } | undefined): Promise<JourneyStats> => {
        const j = versionOf(input?.version);
        const { counters, queues } = await gather(ctx, j.version);
        return toJourneyStats(counters, queues, j.ir.points.map((p) => p.id), j.ir.startingPoints.map((s) => s.id));
      },
      /** The contacts waiting at a point (its contact queue), in order of arrival. */
      queue: async (ctx: restate.Context, input: { point: string; version?: number }): Promise<{ point: string; version: number; contacts: QueueEntry[] }> => {
        const j = versionOf(input.version);
        if (!j.ir.points.some((p) => p.id === input.point)) throw new restate.TerminalError(`Journey "${journeyId}" version ${j.version} has no point "${input.point}".`, { errorCode: 404 });
        const { queues } = await gather(ctx, j.version);
        return { point: input.point, version: j.version, contacts: own(queues, input.point) ?? [] };
      },
      /** One contact's place and activity in the journey. */
      contact: async (ctx: restate.Context, input: { contact: string }): Promise<ContactReport> =>
        ctx.genericCall<void, ContactReport>({ service: names.contact, method: 'get', key: input.contact, parameter: undefined, inputSerde: restate.serde.empty, outputSerde: json }),
      /**
       * Rehearsal: from now until this process restarts, the journey runs on
       * the given time scale (one journey day lasts dayMs wall ms from the
       * epoch), live window and split seed. Refused unless the runtime
       * configuration sets allowRehearsal.
       */
      rehearsal: async (ctx: restate.Context, input: unknown): Promise<{ journey: string; live: number; settleMs: number }> => {
        if (!config.allowRehearsal) {
          throw new restate.TerminalError(`Journey "${journeyId}": this service does not allow rehearsals. Set "allowRehearsal": true in its runtime configuration (journey-runtime.config.json) and restart it; keep it off for a service that runs real contacts.`, { errorCode: 403 });
        }
        const parsed = RehearsalSettings.safeParse(input);
        if (!parsed.success) throw new restate.TerminalError(`Not rehearsal settings: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ')}`, { errorCode: 400 });
        try {
          retime(parsed.data);
        } catch (error) {
          throw new restate.TerminalError(`Journey "${journeyId}" cannot run on these rehearsal settings: ${error instanceof Error ? error.message : String(error)}`, { errorCode: 400 });
        }
        ctx.console.info(`Journey "${journeyId}" rehearses: one journey day lasts ${parsed.data.dayMs} ms, live ${new Date(parsed.data.activeFrom).toISOString()} to ${new Date(parsed.data.activeUntil).toISOString()}.`);
        return { journey: journeyId, live: machine.live.version, settleMs: settle };
      },
      /** The versions this service runs, newest (live) first. */
      versions: async (): Promise<{ id: string; name: string; live: number; versions: { version: number; hash?: string; publishedAt?: string }[] }> => ({
        id: journeyId,
        name: machine.live.ir.journey.name,
        live: machine.live.version,
        versions: [...options.versions].sort((a, b) => b.version - a.version).map((v) => ({ version: v.version, ...(v.ir.journey.hash ? { hash: v.ir.journey.hash } : {}), ...(v.ir.journey.publishedAt ? { publishedAt: v.ir.journey.publishedAt } : {}) })),
      }),
    },
  });

  return {
    names,
    /** The contact machine the handlers currently run (a rehearsal replaces it). */
    get machine() {
      return machine;
    },
    services: [contact, stay, stats, api] as const,
  };
}
