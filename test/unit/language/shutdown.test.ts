// Specification of the language server's shutdown (LSP): once the client has
// asked it to shut down, the server sends nothing more; a validation still
// waiting for its debounce (language/diagnosticsPublisher.ts) is dropped,
// not published on a connection the client is closing.
import assert from 'node:assert/strict';
import { DidChangeTextDocumentNotification, ShutdownRequest } from 'vscode-languageserver-protocol/node';
import { DEBOUNCE_MS } from '../../../language/diagnosticsPublisher';
import { tagJourney } from '../../support/tagJourney';
import { startServerInProcess } from './inProcessServer';
import type { TestClient } from './lspSession';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const URI = 'file:///tmp/shutdown/tag.journey.json';

/** A server in process with the tag journey open and validated at version 1, then changed to version 2 (its validation pending). */
async function serverWithAChange(): Promise<TestClient> {
  const client = await startServerInProcess();
  await client.open(URI, tagJourney());
  await client.diagnostics(URI, 1);
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: tagJourney('Renamed') }] });
  return client;
}

describe('language server shutdown (in process)', () => {
  it('a change still waiting for its debounce is not validated after the shutdown request', async () => {
    const client = await serverWithAChange();
    try {
      // The change's validation is due DEBOUNCE_MS after it; the client shuts the server down before that.
      await client.connection.sendRequest(ShutdownRequest.type);
      await sleep(DEBOUNCE_MS + 300);
      assert.deepEqual(client.published.filter((p) => p.uri === URI).map((p) => p.version), [1], 'only the diagnostics of version 1, published before the shutdown');
    } finally {
      await client.stop();
    }
  });

  it('before the shutdown the same change is validated (the debounce is what the first spec waits out)', async () => {
    const client = await serverWithAChange();
    try {
      assert.equal((await client.diagnostics(URI, 2)).version, 2);
    } finally {
      await client.stop();
    }
  });
});
