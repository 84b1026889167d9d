// Schema-driven completion and hover, from vscode-json-languageservice fed
// with the JSON Schema generated from our zod schema, for the positions our
// own features leave to it (property names, enum values, descriptions).
// Validation is NOT done here: the core's validator is the one source of
// diagnostics, so no error is ever published twice. The service's parse of
// a document is kept per (uri, version), like the core's analysis.
import { getLanguageService, type JSONDocument, type LanguageService } from 'vscode-json-languageservice';
import type { CompletionList, Hover, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { journeyJsonSchema } from '../src/core/jsonSchema';
import type { DocumentAnalysis } from './documentAnalysis';

const SCHEMA_URI = 'journey-designer://schema/journey.schema.json';

export class JsonSchemaService {
  private readonly service: LanguageService;
  private readonly parsed = new Map<string, { version: number; document: TextDocument; json: JSONDocument }>();

  constructor() {
    const schemaText = JSON.stringify(journeyJsonSchema());
    this.service = getLanguageService({
      // Journey files name the generated schema in `$schema` (e.g. ../dist/journey.schema.json):
      // answer with the same schema from memory; nothing is fetched.
      workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
      schemaRequestService: (uri) => (/journey\.schema\.json$/.test(uri) ? Promise.resolve(schemaText) : Promise.reject(new Error(`journey: not loading the schema ${uri}`))),
    });
    this.service.configure({
      validate: false,
      allowComments: false,
      schemas: [{ uri: SCHEMA_URI, fileMatch: ['*'], schema: JSON.parse(schemaText) as object }],
    });
  }

  /** The service's parse of exactly the analysed text. */
  private parse(analysis: DocumentAnalysis): { document: TextDocument; json: JSONDocument } {
    const cached = this.parsed.get(analysis.uri);
    if (cached && cached.version === analysis.version) return cached;
    const document = TextDocument.create(analysis.uri, 'json', analysis.version, analysis.text);
    const entry = { version: analysis.version, document, json: this.service.parseJSONDocument(document) };
    this.parsed.set(analysis.uri, entry);
    return entry;
  }

  async complete(analysis: DocumentAnalysis, position: Position): Promise<CompletionList | null> {
    const { document, json } = this.parse(analysis);
    return this.service.doComplete(document, position, json);
  }

  async hover(analysis: DocumentAnalysis, position: Position): Promise<Hover | null> {
    const { document, json } = this.parse(analysis);
    return this.service.doHover(document, position, json);
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
  }
}
