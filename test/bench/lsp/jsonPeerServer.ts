// The peer of the keystroke benchmark: VS Code's own JSON language service
// (vscode-json-languageservice) behind a minimal LSP server over stdio, with
// the journey JSON Schema and the validation delay VS Code's JSON server uses
// (500 ms after the last change, immediately on open). Not part of the
// product. Run by test/bench/keystroke.bench.ts.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'vscode-json-languageservice';
import { journeyJsonSchema } from '../../../src/core/jsonSchema';

const VALIDATION_DELAY_MS = 500;
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = getLanguageService({});
service.configure({ validate: true, allowComments: false, schemas: [{ uri: 'journey-designer://bench/journey.schema.json', fileMatch: ['*.journey.json'], schema: journeyJsonSchema() as object }] });
const timers = new Map<string, ReturnType<typeof setTimeout>>();

async function validate(document: TextDocument): Promise<void> {
  const version = document.version;
  const diagnostics = await service.doValidation(document, service.parseJSONDocument(document), { schemaValidation: 'error', comments: 'error', trailingCommas: 'error' });
  if (documents.get(document.uri)?.version !== version) return;
  void connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
}

connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
documents.onDidOpen((e) => void validate(e.document));
documents.onDidChangeContent((e) => {
  const uri = e.document.uri;
  clearTimeout(timers.get(uri));
  timers.set(uri, setTimeout(() => {
    const current = documents.get(uri);
    if (current) void validate(current);
  }, VALIDATION_DELAY_MS));
});
documents.listen(connection);
connection.listen();
