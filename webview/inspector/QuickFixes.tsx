// "Fix…" beside a problem in the inspector: asks VS Code for the quick fixes
// it offers there (the language server's, as the text editor's light bulb
// lists them) and applies the one chosen, as one edit of the document.
import { useEffect, useRef, useState } from 'react';
import type { MapDiagnostic } from '../../src/core/mapModel';
import { onHostMessage, postToHost } from '../hostBridge';
import { Button } from './toolkit';

let counter = 0;

/** Sends a quick-fix request and resolves with the host's answer. */
function ask(message: { type: 'quickFixes'; code: string; line: number; character: number } | { type: 'applyQuickFix'; title: string }): Promise<{ fixes: string[]; applied?: boolean; error?: string }> {
  const requestId = `fix-${++counter}`;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stop();
      resolve({ fixes: [], error: 'VS Code did not answer in time.' });
    }, 20_000);
    const stop = onHostMessage((m) => {
      if (m.type !== 'quickFixesResult' || m.requestId !== requestId) return;
      clearTimeout(timer);
      stop();
      resolve({ fixes: m.fixes, ...(m.applied !== undefined ? { applied: m.applied } : {}), ...(m.error ? { error: m.error } : {}) });
    });
    postToHost({ ...message, requestId });
  });
}

export function QuickFixes(props: { problem: MapDiagnostic; disabled: boolean }) {
  const [fixes, setFixes] = useState<string[] | undefined>();
  const [note, setNote] = useState<string | undefined>();
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);
  const { problem } = props;
  if (props.disabled) return null;
  return (
    <span className="quick-fixes">
      {fixes === undefined ? (
        <Button
          appearance="secondary"
          icon="lightbulb"
          name="quick-fix"
          title="The quick fixes VS Code offers for this problem"
          onClick={() => {
            setNote('Looking for fixes…');
            void ask({ type: 'quickFixes', code: problem.code, line: problem.line, character: 0 }).then((r) => {
              if (!alive.current) return;
              setFixes(r.fixes);
              setNote(r.error ?? (r.fixes.length === 0 ? 'No quick fix for this problem.' : undefined));
            });
          }}
        >
          Fix…
        </Button>
      ) : (
        <ul className="quick-fix-list" aria-label="Quick fixes">
          {fixes.map((title) => (
            <li key={title}>
              <button
                type="button"
                className="link-button"
                data-action="apply-fix"
                data-title={title}
                onClick={() =>
                  void ask({ type: 'applyQuickFix', title }).then((r) => {
                    if (!alive.current) return;
                    setFixes(undefined);
                    setNote(r.applied ? undefined : (r.error ?? 'The fix was not applied.'));
                  })
                }
              >
                {title}
              </button>
            </li>
          ))}
        </ul>
      )}
      {note && <span className="muted"> {note}</span>}
    </span>
  );
}
