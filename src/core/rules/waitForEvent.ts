// R11: wait-for-event rules can work: a timeout above zero and within the
// platform's longest wait (platformLimits.ts); an awaited email open or
// click names a send-email point the contact passed before arriving (a point
// upstream) and, when that email's content declares its links, one of them;
// awaited forms and tags are declared. Exit criteria events (R16) are checked
// the same way, except that their email may be sent anywhere in the journey.
import { DAY, formatDuration, parseDuration } from '../durations';
import { reaches, SearchBudget, upstreamOf } from '../graph';
import type { JsonPath } from '../jsonDocument';
import { maxWaitMs } from '../platformLimits';
import type { AwaitedEvent, ContentItem } from '../schema';
import { checkDeclared, someNames } from './declarations';
import type { JourneyRule, RuleContext } from './ruleContext';

export const DEFAULT_TIMEOUT = 'P1D';

/** `120 days` rather than `17 weeks 1 day`: platforms state wait limits in days. */
const inDays = (ms: number) => (ms % DAY === 0 ? `${ms / DAY} day${ms === DAY ? '' : 's'}` : formatDuration(ms));

export const waitForEventRule: JourneyRule = {
  rule: 'R11',
  title: 'wait-for-event timeouts, awaited emails, links, forms and tags',
  check(ctx) {
    const { journey, options } = ctx;
    const max = maxWaitMs(journey, options.defaultPlan !== undefined ? { defaultPlan: options.defaultPlan } : {});
    journey.points.forEach((p, i) => {
      if (p.type !== 'waitForEvent') return;
      const ms = parseDuration(p.timeout);
      if (ms === 0) {
        ctx.report({
          code: 'R11.zero-timeout',
          rule: 'R11',
          severity: 'error',
          message: `"${p.id}" has a zero timeout: a wait for an event counts only events after the contact arrived and takes the timeout branch at arrival + timeout (R11), so with zero no event can ever count. Set a timeout such as ${DEFAULT_TIMEOUT}.`,
          path: ['points', i, 'timeout'],
          data: { defaultTimeout: DEFAULT_TIMEOUT },
        });
      } else if (ms !== undefined && max && ms > max.ms) {
        ctx.report({
          code: 'R11.timeout-too-long',
          rule: 'R11',
          severity: 'error',
          message: `"${p.id}" waits up to ${inDays(ms)} for the event, but ${max.source} allows a wait-for-event timeout of at most ${inDays(max.ms)} (R11). Shorten the timeout to ${max.value} or less.`,
          path: ['points', i, 'timeout'],
          data: { maxWait: max.value, source: max.source, suggestion: max.value },
        });
      }
      checkEvent(ctx, p.event, ['points', i, 'event'], 'R11', `"${p.id}"`, p.id);
    });
    journey.settings?.exitCriteria?.forEach((c, i) => {
      if (c.when === 'event') checkEvent(ctx, c.event, ['settings', 'exitCriteria', i, 'event'], 'R16', `exit criterion "${c.id}"`, undefined);
    });
  },
};

/** What the checks of one validation share: indexes built once, and one search budget. */
interface Facts {
  budget: SearchBudget;
  sendEmailIds(): string[];
  sendEmailsAmong(ids: Set<string>): string[];
  content(): Map<string, ContentItem>;
  links(item: ContentItem): Set<string>;
}
const factsByContext = new WeakMap<RuleContext, Facts>();

function factsOf(ctx: RuleContext): Facts {
  let facts = factsByContext.get(ctx);
  if (!facts) {
    let sendEmailIds: string[] | undefined;
    let content: Map<string, ContentItem> | undefined;
    const links = new Map<ContentItem, Set<string>>();
    facts = {
      budget: SearchBudget.forGraph(ctx.graph),
      sendEmailIds: () => (sendEmailIds ??= ctx.journey.points.filter((q) => q.type === 'sendEmail').map((q) => q.id)),
      sendEmailsAmong: (ids) => {
        const among: { id: string; index: number }[] = [];
        for (const id of ids) {
          const found = ctx.graph.points.get(id);
          if (found?.point.type === 'sendEmail') among.push({ id, index: found.index });
        }
        return among.sort((a, b) => a.index - b.index).map((e) => e.id);
      },
      content: () => {
        if (!content) {
          content = new Map();
          for (const c of ctx.journey.content ?? []) if (!content.has(c.id)) content.set(c.id, c);
        }
        return content;
      },
      links: (item) => {
        let set = links.get(item);
        if (!set) links.set(item, (set = new Set(item.links)));
        return set;
      },
    };
    factsByContext.set(ctx, facts);
  }
  return facts;
}

/** Checks an awaited event; `waitingAt` is the wait-for-event point (whose email must be upstream), undefined for exit criteria. */
function checkEvent(ctx: RuleContext, event: AwaitedEvent, path: JsonPath, rule: 'R11' | 'R16', where: string, waitingAt: string | undefined): void {
  const { graph } = ctx;
  switch (event.type) {
    case 'formSubmitted':
      checkDeclared(ctx, { kind: 'form', name: event.form, path: [...path, 'form'], rule, where });
      return;
    case 'tagAdded':
      checkDeclared(ctx, { kind: 'tag', name: event.tag, path: [...path, 'tag'], rule, where });
      return;
    case 'purchase':
    case 'customEvent':
      return;
    case 'emailOpened':
    case 'emailClicked':
      break;
  }
  const verb = event.type === 'emailOpened' ? 'opened' : 'clicked';
  const facts = factsOf(ctx);
  const target = graph.points.get(event.point)?.point;
  // The usual case, a send-email point on the way to the wait, needs no search of the whole journey.
  // Searches share one budget per validation: past it (a huge journey asking many searches) the
  // upstream check is not made, and that is said, never a silent pass.
  const found = target?.type === 'sendEmail' && waitingAt !== undefined ? reaches(graph, event.point, waitingAt, facts.budget) : true;
  const fine = target?.type === 'sendEmail' && found === true;
  const upstream = !fine && waitingAt !== undefined && found !== undefined ? upstreamOf(graph, waitingAt, facts.budget) : undefined;
  // The send-email points before the wait (in document order), else every one; read from the
  // upstream set, whose size the search budget already paid for.
  const candidates = fine ? [] : upstream ? facts.sendEmailsAmong(upstream) : facts.sendEmailIds();
  if (found === undefined) {
    ctx.report({
      code: `${rule}.email-point-unchecked`,
      rule,
      severity: 'warning',
      message: `Whether "${event.point}" comes before ${where} was not checked: this journey is too large to search it from every wait for an email event. Only events after a contact arrives count (${rule}); make sure "${event.point}" is on the way to ${where}.`,
      path: [...path, 'point'],
      data: { point: event.point },
    });
    return;
  }
  const targetKind = target ? `a ${target.type} point` : graph.startingPoints.has(event.point) ? 'a starting point' : undefined;
  const pointPath = [...path, 'point'];
  const rest = `${rule === 'R11' ? 'a wait for an email event' : 'an email event'} names the send-email point whose email must be ${verb}`;
  if (!target || target.type !== 'sendEmail') {
    const suggestion = ctx.closestName(event.point, candidates) ?? (candidates.length === 1 ? candidates[0] : undefined);
    ctx.report({
      code: targetKind ? `${rule}.event-point-not-email` : `${rule}.unknown-email-point`,
      rule,
      severity: 'error',
      message:
        (targetKind ? `"${event.point}", awaited by ${where}, is ${targetKind}, not a send-email point: ` : `No journey point has the id "${event.point}", awaited by ${where}: `) +
        `${rest} (${rule}). ` +
        (suggestion ? `Did you mean "${suggestion}"?` : candidates.length > 0 ? `Name one of ${someNames(candidates)}.` : 'Add a send-email point before it, or wait for another event.'),
      path: pointPath,
      data: { point: event.point, candidates: candidates.slice(0, 10), ...(suggestion ? { suggestion } : {}) },
    });
    return;
  }
  if (!fine) {
    const suggestion = candidates.length === 1 ? candidates[0] : undefined;
    ctx.report({
      code: 'R11.email-point-not-upstream',
      rule: 'R11',
      severity: 'error',
      message:
        `"${event.point}", awaited by ${where}, does not come before it: only events after a contact arrives count (R11), and a contact can only have ${verb} an email it was sent on the way there. ` +
        (candidates.length > 0 ? `Name a send-email point before it (${someNames(candidates)}).` : 'Add a send-email point before it, or wait for another event.'),
      path: pointPath,
      data: { point: event.point, candidates: candidates.slice(0, 10), ...(suggestion ? { suggestion } : {}) },
    });
    return;
  }
  if (event.type !== 'emailClicked' || event.link === undefined) return;
  const content = facts.content().get(target.content);
  if (!content?.links || facts.links(content).has(event.link)) return;
  const suggestion = ctx.closestName(event.link, content.links);
  ctx.report({
    code: `${rule}.unknown-link`,
    rule,
    severity: 'error',
    message:
      `The email "${content.id}" sent by "${event.point}" has no link "${event.link}": a click can only be awaited on a link the email contains (${rule}); its links are ${content.links.length > 0 ? content.links.map((l) => `"${l}"`).join(', ') : 'none'}. ` +
      (suggestion ? `Did you mean "${suggestion}"?` : `Name one of its links, or add "${event.link}" to the links of "${content.id}".`),
    path: [...path, 'link'],
    data: { link: event.link, links: content.links, content: content.id, ...(suggestion ? { suggestion } : {}) },
  });
}
