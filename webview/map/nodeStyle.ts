// How a node looks by what it is: the accent colour of its category (a
// VS Code chart colour, so every theme defines it) and its accessible name.
import type { MapEdge, MapNode } from '../../src/core/mapModel';
import type { PointStats } from '../../src/webviewProtocol';

export type NodeCategory = 'start' | 'send' | 'action' | 'rule' | 'wait' | 'terminal' | 'invalid';

const CATEGORY_OF_TYPE: Record<string, NodeCategory> = {
  start: 'start',
  sendEmail: 'send',
  sendSms: 'send',
  addTag: 'action',
  removeTag: 'action',
  updateField: 'action',
  subscribeList: 'action',
  unsubscribeList: 'action',
  webhook: 'action',
  ifElse: 'rule',
  split: 'rule',
  waitForEvent: 'rule',
  wait: 'wait',
  waitUntil: 'wait',
  exit: 'terminal',
  end: 'terminal',
};

export function categoryOf(node: MapNode): NodeCategory {
  if (node.type === 'collapsed') return 'terminal';
  if (node.kind === 'missing' || node.type === 'unknown') return 'invalid';
  return CATEGORY_OF_TYPE[node.type] ?? 'action';
}

export function statsText(stats: PointStats | undefined, startEntered: number | undefined, startText?: string): string {
  if (startText !== undefined) return startText;
  if (stats?.text !== undefined) return stats.text;
  if (startEntered !== undefined) return `${startEntered} entered`;
  if (!stats) return '';
  const parts: string[] = [];
  if (stats.entered !== undefined) parts.push(`${stats.entered} in`);
  if (stats.queued) parts.push(`${stats.queued} waiting`);
  if (stats.sent) parts.push(`${stats.sent} sent`);
  if (stats.suppressed) parts.push(`${stats.suppressed} suppressed`);
  if (stats.exited) parts.push(`${stats.exited} exited`);
  return parts.join(' · ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What a screen reader says for a node: kind, title, summary, problems, successors, stats (of a simulation or the live service). */
export function nodeAccessibleName(node: MapNode, outgoing: readonly MapEdge[], titleOf: (key: string) => string, stats: string, statsSource: 'Simulation' | 'Live' = 'Simulation'): string {
  const parts = [`${node.typeLabel}: ${node.title}.`, `${node.summary}.`];
  const errors = node.problems.filter((p) => p.severity === 'error').length;
  const warnings = node.problems.length - errors;
  if (errors || warnings) parts.push(`${[errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(' and ')}: ${node.problems.map((p) => p.message).join(' ')}`);
  if (outgoing.length > 0) parts.push(`Leads to ${outgoing.map((e) => `${titleOf(e.to)}${e.label ? ` (${e.label})` : ''}`).join(', ')}.`);
  if (stats) parts.push(`${statsSource}: ${stats}.`);
  if (node.pinned) parts.push('Pinned.');
  return parts.join(' ');
}
