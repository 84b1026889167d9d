// The journey map app: holds the latest document state from the host and
// shows the journey, or the parse error of text that is not JSON (in which
// case it offers to open the text and never edits anything).
import { useEffect, useState } from 'react';
import { PROTOCOL_VERSION, type HostToWebview } from '../src/webviewProtocol';
import { onHostMessage, postToHost } from './hostBridge';
import { JourneyOutline } from './JourneyOutline';
import { ParseErrorView } from './ParseErrorView';

type Update = Extract<HostToWebview, { type: 'update' }>;

export function App() {
  const [update, setUpdate] = useState<Update | undefined>();
  const [hostError, setHostError] = useState<string | undefined>();

  useEffect(() => {
    const unsubscribe = onHostMessage((message) => {
      if (message.type === 'update') setUpdate(message);
      else setHostError(message.message);
    });
    postToHost({ type: 'ready', protocol: PROTOCOL_VERSION });
    return unsubscribe;
  }, []);

  if (!update) return <p className="loading">Loading journey…</p>;
  return (
    <main className="app">
      {hostError && <div className="banner banner-error" role="alert">{hostError}</div>}
      {update.state.kind === 'unparseable' ? (
        <ParseErrorView fileName={update.fileName} documentVersion={update.documentVersion} errors={update.state.errors} />
      ) : (
        <JourneyOutline fileName={update.fileName} documentVersion={update.documentVersion} state={update.state} />
      )}
    </main>
  );
}
