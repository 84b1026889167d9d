// Shown when the document is not parseable JSON and no earlier version of
// it parsed: the errors with their line and column, and a button to fix
// them in the text editor. The map never edits such a document.
import type { WireDiagnostic } from '../src/webviewProtocol';
import { postToHost } from './hostBridge';

export function ParseErrorView(props: { fileName: string; documentVersion: number; errors: WireDiagnostic[] }) {
  return (
    <section className="parse-error" aria-labelledby="parse-error-title">
      <h1 id="parse-error-title">{props.fileName} is not valid JSON</h1>
      <p>The map cannot be drawn until the text parses. Nothing was changed in the file.</p>
      <ul>
        {props.errors.map((e, i) => (
          <li key={i} className="problem problem-error">
            Line {e.line + 1}, column {e.character + 1}: {e.message}
          </li>
        ))}
      </ul>
      <button type="button" className="button" data-action="open-as-text" onClick={() => postToHost({ type: 'openAsText' })}>
        Open as text
      </button>
    </section>
  );
}
