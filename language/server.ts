// The Journey language server: validates `*.journey.json` documents with the
// shared core (syntax, zod schema, semantic rules) and answers the editing
// requests. Runs in its own process, spoken to over IPC by the extension's
// language client (and over stdio by any other LSP client).
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { JsonSchemaService } from './jsonSchemaService';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const diagnostics = new DiagnosticsPublisher(connection, documents);
const jsonSchema = new JsonSchemaService();

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    completionProvider: { triggerCharacters: ['"', ':', ' '] },
    hoverProvider: true,
  },
  serverInfo: { name: 'journey-language-server', version: '0.1.0' },
}));

documents.onDidOpen((e) => diagnostics.validateNow(e.document));
documents.onDidChangeContent((e) => diagnostics.schedule(e.document));
documents.onDidClose((e) => diagnostics.clear(e.document.uri));

connection.onCompletion(async (params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? jsonSchema.complete(document, params.position) : null;
});

connection.onHover(async (params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? jsonSchema.hover(document, params.position) : null;
});

documents.listen(connection);
connection.listen();
