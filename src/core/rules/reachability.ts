// R4: every journey point is reachable from some starting point (an
// unreachable one is a warning on its `id` key), and no cycle of points
// takes no time (R8: actions take no time, so such a loop would repeat
// forever at one instant; reported on the reference that closes the loop).
// A wait of zero, a wait-until (whose instant has passed after the first
// round) and a zero wait-for-event timeout take no time.
import { parseDuration } from '../durations';
import type { Edge } from '../graph';
import type { JourneyPoint } from '../schema';
import type { JourneyRule, RuleContext } from './ruleContext';

/** Whether leaving `point` along the edge labelled `label` can only happen later than arriving. */
export function edgeTakesTime(point: JourneyPoint, label: string): boolean {
  switch (point.type) {
    case 'wait':
      return (parseDuration(point.duration) ?? 0) > 0;
    case 'waitForEvent':
      // The yes branch needs a new event each time round.
      return label === 'yes' || (parseDuration(point.timeout) ?? 0) > 0;
    default:
      return false;
  }
}

const DONE = -1;
/** The most ids of a loop a message names; longer loops show their start and end. */
const CYCLE_SHOWN = 20;

const isWaitUntil = (ctx: RuleContext, id: string) => ctx.graph.points.get(id)?.point.type === 'waitUntil';

/** Reports the loop closed by `edge`, whose target is open at position `from` of the search path. */
function reportCycle(ctx: RuleContext, path: readonly string[], untilsBefore: readonly number[], from: number, edge: Edge): void {
  const length = path.length - from;
  const ids = (start: number, end: number) => path.slice(start, end);
  const cycle = length <= CYCLE_SHOWN ? [...ids(from, path.length), edge.to] : [...ids(from, from + CYCLE_SHOWN / 2), '…', ...ids(path.length - CYCLE_SHOWN / 2, path.length), edge.to];
  const last = path.length - 1;
  const viaWaitUntil = untilsBefore[last]! - untilsBefore[from]! + (isWaitUntil(ctx, path[last]!) ? 1 : 0) > 0;
  const shown = cycle.map((c) => (c === '…' ? `… (${length - CYCLE_SHOWN} more) …` : `"${c}"`)).join(' → ');
  ctx.report({
    code: 'R4.zero-time-cycle',
    rule: 'R4',
    severity: 'error',
    message:
      `This reference closes a loop that takes no time: ${shown}. Actions take no time (R8), so a contact would go round it forever at one instant; every cycle must pass a wait that takes time (R4)` +
      (viaWaitUntil ? ' (a wait-until takes no time once its instant has passed)' : '') +
      `. Add a wait to the loop, or lead "${edge.from}" elsewhere.`,
    path: edge.path,
    data: { cycle, from: edge.from, to: edge.to, length },
  });
}

export const reachabilityRule: JourneyRule = {
  rule: 'R4',
  title: 'every point is reachable and no cycle takes zero time',
  check(ctx) {
    const { journey, graph } = ctx;

    // Reachability from every starting point, duplicates included.
    const reachable = new Set<string>();
    const stack = journey.startingPoints.map((sp) => sp.next);
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (reachable.has(id) || !graph.points.has(id)) continue;
      reachable.add(id);
      for (const edge of graph.out.get(id) ?? []) stack.push(edge.to);
    }
    journey.points.forEach((p, i) => {
      if (reachable.has(p.id) || graph.points.get(p.id)?.index !== i) return; // duplicates: reported as such
      ctx.report({
        code: 'R4.unreachable-point',
        rule: 'R4',
        severity: 'warning',
        message: `Journey point "${p.id}" (${p.type}) cannot be reached: every point must be reachable from some starting point (R4), and no starting point or reachable point leads here. Connect it by naming "${p.id}" as the successor of a point, or delete it.`,
        path: ['points', i, 'id'],
        on: 'key',
        data: { id: p.id, fix: 'deletePoint' },
      });
    });

    // Zero-time cycles: depth-first search over the edges that take no time, in
    // document order, with an explicit stack (a journey of any size cannot
    // overflow the call stack). Each back edge closes a loop; the loop is
    // named from the search path, of which at most CYCLE_SHOWN ids are shown
    // so that many long loops stay linear to report.
    const zeroTimeEdges = (id: string): Edge[] => {
      const point = graph.points.get(id)?.point;
      if (!point) return [];
      return (graph.out.get(id) ?? []).filter((e) => graph.points.has(e.to) && !edgeTakesTime(point, e.label));
    };
    /** Per node: its position on the search path while open, DONE once finished. */
    const state = new Map<string, number>();
    const path: string[] = [];
    /** Per position of the path: how many wait-until points come before it on the path. */
    const untilsBefore: number[] = [];
    const frames: { edges: Edge[]; next: number }[] = [];
    const open = (id: string): void => {
      const k = path.length;
      state.set(id, k);
      untilsBefore.push(k === 0 ? 0 : untilsBefore[k - 1]! + (isWaitUntil(ctx, path[k - 1]!) ? 1 : 0));
      path.push(id);
      frames.push({ edges: zeroTimeEdges(id), next: 0 });
    };
    const roots = [...journey.startingPoints.map((sp) => sp.next), ...journey.points.map((p) => p.id)];
    for (const root of roots) {
      if (!graph.points.has(root) || state.has(root)) continue;
      open(root);
      while (frames.length > 0) {
        const frame = frames[frames.length - 1]!;
        const edge = frame.edges[frame.next++];
        if (!edge) {
          frames.pop();
          state.set(path.pop()!, DONE);
          untilsBefore.pop();
          continue;
        }
        const s = state.get(edge.to);
        if (s === undefined) open(edge.to);
        else if (s !== DONE) reportCycle(ctx, path, untilsBefore, s, edge);
      }
    }
  },
};
