// What the map shows of a live reading (liveStats.ts): the running service's
// counts per point and starting point, drawn by the same overlay as a
// simulation, labelled "Live · v<version> · updated hh:mm:ss" with the
// journey's totals; after a failed reading, the last numbers marked out of
// date with the reason, which the map shows as a message.
import { setOwn } from '../core/ownProperty';
import type { SimulationOverlay } from '../webviewProtocol';
import type { LiveResult } from './liveStatsPoller';

const two = (n: number) => String(n).padStart(2, '0');

/** hh:mm:ss of a wall instant, in the local time of the extension host. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** The overlay after `result`; `previous` is the live overlay shown before (its numbers stay after a failure). */
export function liveOverlay(result: LiveResult, ingressUrl: string, previous?: SimulationOverlay | null, wantedVersion?: number): SimulationOverlay {
  if (!result.ok) {
    const live = previous?.live;
    if (previous && live?.updatedAt) return { ...previous, stale: true, live: { ...live, ingressUrl, error: result.message } };
    const version = wantedVersion ?? null;
    return { label: `Live${version !== null ? ` · v${version}` : ''} · not connected`, points: {}, stale: true, live: { version, updatedAt: null, ingressUrl, error: result.message } };
  }
  const { stats, version } = result;
  const points: SimulationOverlay['points'] = {};
  for (const [id, p] of Object.entries(stats.points)) setOwn(points, id, { entered: p.entered, left: p.left, queued: p.queued, sent: p.sent, suppressed: p.suppressed });
  const startingPoints: NonNullable<SimulationOverlay['startingPoints']> = {};
  for (const [id, s] of Object.entries(stats.startingPoints)) setOwn(startingPoints, id, { entered: s.entered });
  const older = result.liveVersion !== version ? ` (live: v${result.liveVersion})` : '';
  return {
    label: `Live · v${version}${older} · updated ${clockTime(result.at)} · ${stats.started} started · ${stats.inProgress} in progress · ${stats.completed} completed · ${stats.exited} exited`,
    points,
    startingPoints,
    live: { version, updatedAt: new Date(result.at).toISOString(), ingressUrl },
  };
}
