// Shown for an empty journey file (nothing but whitespace): instead of a
// parse error, an offer to start a journey here, named after the file, to
// build on the map. One edit, undoable like any other.
import { journeyBaseName, journeyIdFromFileName } from '../src/core/journeyTemplate';
import { requestEdit } from './hostBridge';

export function EmptyFileView(props: { fileName: string; onError(message: string): void }) {
  const name = journeyBaseName(props.fileName) || 'New journey';
  const start = async () => {
    const answer = await requestEdit({ op: 'startJourney', id: journeyIdFromFileName(props.fileName), name, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' });
    if (!answer.ok) props.onError(answer.error);
  };
  return (
    <section className="parse-error empty-file" aria-labelledby="empty-file-title">
      <h1 id="empty-file-title">{props.fileName} is empty</h1>
      <p>Start a journey here and build it on the map: it begins with one starting point and an end; add points with “+” on the edge, and declare tags, lists and content in the side panel.</p>
      <button type="button" className="button" data-action="start-journey" onClick={() => void start()}>
        Start a journey here
      </button>
    </section>
  );
}
