// R4: every journey point is reachable from some starting point (an
// unreachable one is a warning on its `id` key), and no cycle of points
// takes no time (R8: actions take no time, so such a loop would repeat
// forever at one instant; reported on the reference that closes the loop).
// A wait of zero, a wait-until (whose instant has passed after the first
// round) and a zero wait-for-event timeout take no time.
import { parseDuration } from '../durations';
import type { Edge } from '../graph';
import type { JourneyPoint } from '../schema';
import type { JourneyRule } from './ruleContext';

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

    // Zero-time cycles: depth-first search over the edges that take no time, in document order.
    const zeroTimeEdges = (id: string): Edge[] => {
      const point = graph.points.get(id)?.point;
      if (!point) return [];
      return (graph.out.get(id) ?? []).filter((e) => graph.points.has(e.to) && !edgeTakesTime(point, e.label));
    };
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (id: string): void => {
      state.set(id, 'open');
      path.push(id);
      for (const edge of zeroTimeEdges(id)) {
        const s = state.get(edge.to);
        if (s === 'open') {
          const cycle = [...path.slice(path.indexOf(edge.to)), edge.to];
          const viaWaitUntil = cycle.some((c) => graph.points.get(c)?.point.type === 'waitUntil');
          ctx.report({
            code: 'R4.zero-time-cycle',
            rule: 'R4',
            severity: 'error',
            message:
              `This reference closes a loop that takes no time: ${cycle.map((c) => `"${c}"`).join(' → ')}. Actions take no time (R8), so a contact would go round it forever at one instant; every cycle must pass a wait that takes time (R4)` +
              (viaWaitUntil ? ' (a wait-until takes no time once its instant has passed)' : '') +
              `. Add a wait to the loop, or lead "${edge.from}" elsewhere.`,
            path: edge.path,
            data: { cycle, from: edge.from, to: edge.to },
          });
        } else if (s === undefined) visit(edge.to);
      }
      path.pop();
      state.set(id, 'done');
    };
    const roots = [...journey.startingPoints.map((sp) => sp.next), ...journey.points.map((p) => p.id)];
    for (const id of roots) if (graph.points.has(id) && !state.has(id)) visit(id);
  },
};
