// R4: every point names its successor(s) and every reference resolves; ids
// are unique; no successor after an end or exit.
import type { JourneyRule } from './ruleContext';

export const referencesRule: JourneyRule = {
  rule: 'R4',
  title: 'ids are unique and every successor reference resolves',
  check(ctx) {
    const { journey, graph } = ctx;
    const seen = new Map<string, string>();
    const checkId = (id: string, path: (string | number)[], what: string) => {
      const earlier = seen.get(id);
      if (earlier) {
        ctx.report({
          code: 'R4.duplicate-id',
          rule: 'R4',
          severity: 'error',
          message: `Duplicate id "${id}": it already names ${earlier}. Every starting point and journey point needs its own id (R4); rename this one.`,
          path,
          data: { id },
        });
      } else seen.set(id, what);
    };
    journey.startingPoints.forEach((sp, i) => checkId(sp.id, ['startingPoints', i, 'id'], `starting point ${i + 1}`));
    journey.points.forEach((p, i) => checkId(p.id, ['points', i, 'id'], `journey point ${i + 1} (${p.type})`));

    const pointIds = [...graph.points.keys()];
    for (const edge of graph.edges) {
      if (graph.points.has(edge.to)) continue;
      const suggestion = ctx.closestName(edge.to, pointIds);
      const of = edge.label === 'start' ? `next of starting point "${edge.from}"` : edge.label === 'next' ? `next of "${edge.from}"` : `branch ${edge.label} of "${edge.from}"`;
      ctx.report({
        code: 'R4.dangling-reference',
        rule: 'R4',
        severity: 'error',
        message: `No journey point has the id "${edge.to}" (${of}). Every successor must name an existing point (R4): ${suggestion ? `did you mean "${suggestion}", or ` : ''}create the point.`,
        path: edge.path,
        data: { missing: edge.to, suggestion, from: edge.from },
      });
    }
  },
};
