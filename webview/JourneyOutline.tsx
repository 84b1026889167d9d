// The journey's starting points and journey points, each with its type,
// title, one-line summary, successors and problem badge. Renders even when
// some points are invalid: those show their problems instead of a summary.
import { useEffect, useMemo } from 'react';
import { successorsOf } from '../src/core/graph';
import { POINT_TYPE_LABELS, summarizeFilter, summarizePoint, summarizeTrigger } from '../src/core/pointSummary';
import { JourneyPoint, StartingPoint } from '../src/core/schema';
import type { DocumentState, WireDiagnostic } from '../src/webviewProtocol';
import { postToHost } from './hostBridge';

type JourneyState = Extract<DocumentState, { kind: 'journey' }>;

interface Row {
  key: string;
  path: (string | number)[];
  heading: string;
  kindLabel: string;
  summary: string;
  successors: string;
  problems: WireDiagnostic[];
}

const field = (value: unknown, key: string): unknown => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);
const arrayField = (value: unknown, key: string): unknown[] => {
  const v = field(value, key);
  return Array.isArray(v) ? v : [];
};

function problemsAt(diagnostics: WireDiagnostic[], section: string, index: number): WireDiagnostic[] {
  return diagnostics.filter((d) => d.path[0] === section && d.path[1] === index);
}

function rowsOf(state: JourneyState): { starts: Row[]; points: Row[] } {
  const starts = arrayField(state.value, 'startingPoints').map((raw, i): Row => {
    const sp = StartingPoint.safeParse(raw);
    const id = String(field(raw, 'id') ?? `starting point ${i + 1}`);
    return {
      key: `sp-${i}`,
      path: ['startingPoints', i],
      heading: sp.success ? (sp.data.name ?? id) : id,
      kindLabel: 'Starting point',
      summary: sp.success ? summarizeTrigger(sp.data.trigger) + (sp.data.filter ? ` · only if ${summarizeFilter(sp.data.filter)}` : '') : 'Not a valid starting point',
      successors: sp.success ? `→ ${sp.data.next}` : '',
      problems: problemsAt(state.diagnostics, 'startingPoints', i),
    };
  });
  const points = arrayField(state.value, 'points').map((raw, i): Row => {
    const p = JourneyPoint.safeParse(raw);
    const id = String(field(raw, 'id') ?? `point ${i + 1}`);
    const type = String(field(raw, 'type') ?? 'unknown');
    return {
      key: `p-${i}`,
      path: ['points', i],
      heading: p.success ? (p.data.title ?? id) : id,
      kindLabel: p.success ? POINT_TYPE_LABELS[p.data.type] : `Invalid point (${type})`,
      summary: p.success ? summarizePoint(p.data) : 'This point does not fit the format; see its problems.',
      successors: p.success ? successorsOf(p.data).map((s) => (s.label === 'next' ? `→ ${s.to}` : `${s.label} → ${s.to}`)).join(', ') : '',
      problems: problemsAt(state.diagnostics, 'points', i),
    };
  });
  return { starts, points };
}

export function JourneyOutline(props: { fileName: string; documentVersion: number; state: JourneyState }) {
  const { state } = props;
  const name = String(field(state.value, 'name') ?? props.fileName);
  const { starts, points } = useMemo(() => rowsOf(state), [state]);
  const journeyProblems = state.diagnostics.filter((d) => d.path[0] !== 'points' && d.path[0] !== 'startingPoints');

  // Report what the DOM now shows (read back from the page, not from the
  // data), so tests and the host see exactly what a person sees.
  useEffect(() => {
    const headings = (section: string) => [...document.querySelectorAll(`section[aria-label="${section}"] .row-heading`)].map((e) => e.textContent ?? '');
    postToHost({
      type: 'rendered',
      summary: {
        documentVersion: props.documentVersion,
        title: document.querySelector('.journey-header h1')?.textContent ?? '',
        startingPoints: headings('Starting points'),
        points: headings('Journey points'),
        problems: state.diagnostics.length,
        unparseable: false,
      },
    });
  }, [props.documentVersion, name, starts, points, state.diagnostics.length]);

  return (
    <article className="journey" aria-label={`Journey ${name}`}>
      <header className="journey-header">
        <h1>{name}</h1>
        <span className="muted">{props.fileName}</span>
        {state.diagnostics.length > 0 && (
          <span className={`badge ${state.diagnostics.some((d) => d.severity === 'error') ? 'badge-error' : 'badge-warning'}`}>
            {state.diagnostics.length} problem{state.diagnostics.length === 1 ? '' : 's'}
          </span>
        )}
      </header>
      {journeyProblems.length > 0 && <ProblemList problems={journeyProblems} />}
      <Section title="Starting points" rows={starts} />
      <Section title="Journey points" rows={points} />
    </article>
  );
}

function Section(props: { title: string; rows: Row[] }) {
  return (
    <section className="section" aria-label={props.title}>
      <h2>{props.title}</h2>
      <ol className="rows">
        {props.rows.map((row) => (
          <li key={row.key} className={`row${row.problems.length ? ' row-invalid' : ''}`} data-path={row.path.join('.')}>
            <button type="button" className="row-button" title="Show in text" aria-label={`${row.kindLabel}: ${row.heading}. ${row.summary}`} onDoubleClick={() => postToHost({ type: 'revealPath', path: row.path })}>
              <span className="row-kind">{row.kindLabel}</span>
              <span className="row-heading">{row.heading}</span>
              <span className="row-summary">{row.summary}</span>
              {row.successors && <span className="row-next">{row.successors}</span>}
            </button>
            {row.problems.length > 0 && <ProblemList problems={row.problems} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

function ProblemList(props: { problems: WireDiagnostic[] }) {
  return (
    <ul className="problems">
      {props.problems.map((p, i) => (
        <li key={i} className={`problem problem-${p.severity}`}>
          {p.message} <span className="muted">({p.code}, line {p.line + 1})</span>
        </li>
      ))}
    </ul>
  );
}
