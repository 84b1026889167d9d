// One node of the map in SVG: accent bar and codicon of its category, type,
// title and summary (each wrapped to two lines, see nodeText.ts), its problems badge (with the messages as a
// tooltip), the simulation stats badge, and the pin mark. Focusable, with an
// accessible name that says all of it.
import { memo } from 'react';
import type { MapNode } from '../../src/core/mapModel';
import { iconChar } from '../icons';
import type { LaidOutNode } from '../layout/elkLayout';
import { categoryOf } from './nodeStyle';
import { nodeText, TEXT_X, TYPE_BASELINE } from './nodeText';
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
  /** For a point whose branches can be collapsed: whether they are. */
  branches?: 'expanded' | 'collapsed';
  onToggleBranches?(key: string): void;
  /** Whether the fold button is in the Tab order (the node is). */
  tabbableFold?: boolean;
  /** With a simulation: "View Contact Queue" of this point. */
  onViewQueue?(): void;
  /** A comparison's mark of the point in this version (added, changed, renamed), drawn as a colored outline and said by the accessible name. */
  compareMark?: 'added' | 'changed' | 'renamed' | undefined;
}

export const NodeView = memo(function NodeView(p: NodeViewProps) {
  const { node, box } = p;
  const text = nodeText(node, p.font);
  const errors = node.problems.filter((d) => d.severity === 'error').length;
  const warnings = node.problems.length - errors;
  const category = categoryOf(node);
  const collapsedBranch = node.type === 'collapsed';
  const classes = ['node', collapsedBranch ? 'node-collapsed' : `node-${node.kind}`, `cat-${category}`, p.selected ? 'selected' : '', p.inPath ? 'in-path' : '', errors ? 'has-errors' : warnings ? 'has-warnings' : '', p.editable ? 'editable' : '', p.compareMark ? `compare-${p.compareMark}` : ''];
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
      aria-roledescription={node.kind === 'start' ? 'starting point' : collapsedBranch ? 'collapsed branch' : node.kind === 'missing' ? 'missing point' : 'journey point'}
      aria-expanded={collapsedBranch ? false : p.branches === undefined ? undefined : p.branches === 'expanded'}
      aria-pressed={p.selected}
      aria-label={p.accessibleName}
      tabIndex={p.focusable ? 0 : -1}
    >
      <rect className="node-box" width={box.width} height={box.height} rx={6} />
      <rect className="node-accent" x={0} y={0} width={5} height={box.height} rx={2} />
      <text className="node-icon codicon-glyph" x={24} y={box.height / 2} dominantBaseline="central" textAnchor="middle" aria-hidden="true">
        {iconChar(node.icon)}
      </text>
      <text className="node-far-icon codicon-glyph" x={box.width / 2} y={box.height / 2} dominantBaseline="central" textAnchor="middle" aria-hidden="true">
        {iconChar(node.icon)}
      </text>
      {node.kind === 'missing' && !collapsedBranch ? (
        <>
          <text className="node-title" x={TEXT_X} y={20}>{text.title[0]}</text>
          <text className="node-summary" x={TEXT_X} y={38}>{node.summary}</text>
        </>
      ) : (
        <>
          <text className="node-type" x={TEXT_X} y={TYPE_BASELINE}>{text.type}</text>
          <text className="node-title">
            {text.title.map((line, i) => (
              <tspan key={i} x={TEXT_X} y={text.titleY[i]}>{line}</tspan>
            ))}
          </text>
          <text className="node-summary">
            {text.summary.map((line, i) => (
              <tspan key={i} x={TEXT_X} y={text.summaryY[i]}>{line}</tspan>
            ))}
          </text>
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
      {p.branches && p.onToggleBranches && (
        <g
          className="fold-button no-export"
          transform={`translate(${box.width - 14} ${box.height - 12})`}
          role="button"
          aria-label={`${p.branches === 'expanded' ? 'Collapse' : 'Expand'} the branches of ${node.title}`}
          aria-expanded={p.branches === 'expanded'}
          tabIndex={p.tabbableFold ? 0 : -1}
          onClick={(e) => {
            e.stopPropagation();
            p.onToggleBranches!(node.key);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' && e.key !== ' ') return;
            e.preventDefault();
            e.stopPropagation();
            p.onToggleBranches!(node.key);
          }}
        >
          <title>{`${p.branches === 'expanded' ? 'Collapse' : 'Expand'} the branches`}</title>
          <rect x={-9} y={-8} width={18} height={16} rx={3} />
          <text className="codicon-glyph" textAnchor="middle" dominantBaseline="central">{iconChar(p.branches === 'expanded' ? 'fold' : 'unfold')}</text>
        </g>
      )}
      {p.onViewQueue && (
        <g
          className="queue-button no-export"
          transform={`translate(${box.width - (p.branches ? 38 : 14)} ${box.height - 12})`}
          role="button"
          aria-label={`View contact queue of ${node.title}`}
          tabIndex={p.tabbableFold || (p.focusable && !p.branches) ? 0 : -1}
          onClick={(e) => {
            e.stopPropagation();
            p.onViewQueue!();
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' && e.key !== ' ') return;
            e.preventDefault();
            e.stopPropagation();
            p.onViewQueue!();
          }}
        >
          <title>View Contact Queue</title>
          <rect x={-9} y={-8} width={18} height={16} rx={3} />
          <text className="codicon-glyph" textAnchor="middle" dominantBaseline="central">{iconChar('person')}</text>
        </g>
      )}
    </g>
  );
}, sameNodeView);

/** Whether two renders of a node draw the same (a new model rebuilds every node object; most did not change). */
function sameNodeView(a: NodeViewProps, b: NodeViewProps): boolean {
  for (const key of Object.keys(b) as (keyof NodeViewProps)[]) {
    // onViewQueue is a new closure each render, over a node of the same id.
    if (key === 'node' || key === 'onViewQueue') continue;
    if (a[key] !== b[key]) return false;
  }
  if ((a.onViewQueue === undefined) !== (b.onViewQueue === undefined)) return false;
  const [m, n] = [a.node, b.node];
  return m === n || (m.key === n.key && m.id === n.id && m.kind === n.kind && m.type === n.type && m.typeLabel === n.typeLabel && m.icon === n.icon && m.title === n.title && m.summary === n.summary && m.width === n.width && m.height === n.height && m.pinned?.x === n.pinned?.x && m.pinned?.y === n.pinned?.y && JSON.stringify(m.problems) === JSON.stringify(n.problems));
}

