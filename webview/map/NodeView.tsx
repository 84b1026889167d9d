// One node of the map in SVG: accent bar and codicon of its category, type,
// title and one-line summary, its problems badge (with the messages as a
// tooltip), the simulation stats badge, and the pin mark. Focusable, with an
// accessible name that says all of it.
import { memo } from 'react';
import type { MapNode } from '../../src/core/mapModel';
import { iconChar } from '../icons';
import type { LaidOutNode } from '../layout/elkLayout';
import { categoryOf } from './nodeStyle';
import { fitText } from './textFit';

export interface NodeViewProps {
  node: MapNode;
  box: LaidOutNode;
  selected: boolean;
  focusable: boolean;
  inPath: boolean;
  stats: string;
  accessibleName: string;
  font: string;
  editable: boolean;
  /** A comparison's mark of the point in this version (added, changed, renamed), drawn as a colored outline and said by the accessible name. */
  compareMark?: 'added' | 'changed' | 'renamed' | undefined;
}

const TEXT_X = 46;

export const NodeView = memo(function NodeView(p: NodeViewProps) {
  const { node, box } = p;
  const textWidth = box.width - TEXT_X - 12;
  const errors = node.problems.filter((d) => d.severity === 'error').length;
  const warnings = node.problems.length - errors;
  const category = categoryOf(node);
  const classes = ['node', `node-${node.kind}`, `cat-${category}`, p.selected ? 'selected' : '', p.inPath ? 'in-path' : '', errors ? 'has-errors' : warnings ? 'has-warnings' : '', p.editable ? 'editable' : '', p.compareMark ? `compare-${p.compareMark}` : ''];
  return (
    <g
      className={classes.filter(Boolean).join(' ')}
      transform={`translate(${box.x} ${box.y})`}
      data-key={node.key}
      data-id={node.id}
      data-kind={node.kind}
      data-title={node.title}
      data-compare={p.compareMark}
      role="button"
      aria-roledescription={node.kind === 'start' ? 'starting point' : node.kind === 'missing' ? 'missing point' : 'journey point'}
      aria-pressed={p.selected}
      aria-label={p.accessibleName}
      tabIndex={p.focusable ? 0 : -1}
    >
      <rect className="node-box" width={box.width} height={box.height} rx={6} />
      <rect className="node-accent" x={0} y={0} width={5} height={box.height} rx={2} />
      <text className="node-icon codicon-glyph" x={24} y={box.height / 2} dominantBaseline="central" textAnchor="middle" aria-hidden="true">
        {iconChar(node.icon)}
      </text>
      {node.kind === 'missing' ? (
        <>
          <text className="node-title" x={TEXT_X} y={20}>{fitText(`Missing "${node.id}"`, textWidth, `600 13px ${p.font}`)}</text>
          <text className="node-summary" x={TEXT_X} y={38}>{node.summary}</text>
        </>
      ) : (
        <>
          <text className="node-type" x={TEXT_X} y={19}>{fitText(node.typeLabel, textWidth - (node.pinned ? 18 : 0), `11px ${p.font}`)}</text>
          <text className="node-title" x={TEXT_X} y={39}>{fitText(node.title, textWidth, `600 13px ${p.font}`)}</text>
          <text className="node-summary" x={TEXT_X} y={58}>{fitText(node.summary, textWidth, `12px ${p.font}`)}</text>
        </>
      )}
      <title>{`${node.typeLabel}: ${node.title}\n${node.summary}${node.problems.length ? `\n\n${node.problems.map((d) => `${d.severity === 'error' ? 'Error' : 'Warning'}: ${d.message}`).join('\n')}` : ''}`}</title>
      {node.pinned && (
        <text className="node-pin codicon-glyph" x={box.width - 14} y={14} dominantBaseline="central" textAnchor="middle" aria-hidden="true">
          {iconChar('pinned')}
        </text>
      )}
      {node.problems.length > 0 && (
        <g className={`problem-badge ${errors ? 'badge-error' : 'badge-warning'}`} transform={`translate(${box.width - 4} 4)`} aria-hidden="true">
          <circle r={10} />
          <text className="codicon-glyph" dominantBaseline="central" textAnchor="middle">{iconChar(errors ? 'error' : 'warning')}</text>
          {node.problems.length > 1 && (
            <text className="problem-count" x={12} y={-6} dominantBaseline="central">{node.problems.length}</text>
          )}
        </g>
      )}
      {p.stats && (
        <g className="stats-badge" transform={`translate(${TEXT_X - 8} ${box.height - 9})`}>
          <rect width={Math.min(box.width - TEXT_X, p.stats.length * 6.4 + 14)} height={18} rx={9} />
          <text x={7} y={9} dominantBaseline="central">{fitText(p.stats, box.width - TEXT_X - 14, `11px ${p.font}`)}</text>
        </g>
      )}
    </g>
  );
});
