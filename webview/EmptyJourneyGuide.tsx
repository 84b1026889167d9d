// Guidance on the canvas while a journey has nothing between its starting
// points and its ends: how to add the first point, more starting points,
// and where the settings and declarations are.
import { arrayField, stringField } from '../src/core/edits/nodeReferences';

const TERMINAL = new Set(['end', 'exit']);

/** Whether the journey has no action or rule yet (only starting points and ends). */
export function isEmptyJourney(journey: unknown): boolean {
  return arrayField(journey, 'points').every((p) => TERMINAL.has(stringField(p, 'type') ?? ''));
}

export function EmptyJourneyGuide(props: { editable: boolean }) {
  return (
    <aside className="empty-guide" role="note" aria-label="How to build this journey">
      <h2>An empty journey</h2>
      <ol>
        <li>Click <strong>+</strong> on the edge below a starting point to add an email, a wait, an if/else…</li>
        <li>Select the starting point to choose its trigger and who may enter; <strong>Starting point</strong> in the toolbar adds another.</li>
        <li>Click the background to see the journey's settings (platform, plan, time zone, re-entry, exit criteria) and its declarations (tags, lists, content…).</li>
      </ol>
      {!props.editable && <p className="muted">This map is read-only.</p>}
    </aside>
  );
}
