// Schema-driven completion and hover, from vscode-json-languageservice fed
// with the JSON Schema generated from our zod schema, for the positions our
// own features leave to it (property names, enum values, descriptions); one
// service per format (journey; timeline and scenario with forKind, for
// clients that do not read the contributed schemas themselves).
// Validation is NOT done here: the core's validator is the one source of
// diagnostics, so no error is ever published twice. The service's parse of
// a document is kept per (uri, version), like the core's analysis.
import { getLanguageService, type JSONDocument, type LanguageService } from 'vscode-json-languageservice';
import type { CompletionList, Hover, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { journeyJsonSchema, scenarioJsonSchema, timelineJsonSchema } from '../src/core/jsonSchema';
import type { CompanionKind } from '../src/core/companionNames';
/** A document version as the services need it. */
export interface AnalysedText {
  uri: string;
  version: number;
  text: string;
}


export class JsonSchemaService {
  private readonly service: LanguageService;
  private readonly parsed = new Map<string, { version: number; document: TextDocument; json: JSONDocument }>();

  private readonly companions = new Map<CompanionKind, JsonSchemaService>();

  constructor(private readonly schema: () => Record<string, unknown> = journeyJsonSchema, private readonly fileName = 'journey.schema.json') {
    const schemaText = JSON.stringify(schema());
    this.service = getLanguageService({
      // Journey files name the generated schema in `$schema` (e.g. ../dist/journey.schema.json):
      // answer with the same schema from memory; nothing is fetched.
      workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
      schemaRequestService: (uri) => (uri.endsWith(fileName) ? Promise.resolve(schemaText) : Promise.reject(new Error(`journey: not loading the schema ${uri}`))),
    });
    this.service.configure({
      validate: false,
      allowComments: false,
      schemas: [{ uri: `journey-designer://schema/${fileName}`, fileMatch: ['*'], schema: JSON.parse(schemaText) as object }],
    });
  }

  /** The service's parse of exactly the analysed text. */
  private parse(analysis: AnalysedText): { document: TextDocument; json: JSONDocument } {
    const cached = this.parsed.get(analysis.uri);
    if (cached && cached.version === analysis.version) return cached;
    const document = TextDocument.create(analysis.uri, 'json', analysis.version, analysis.text);
    const entry = { version: analysis.version, document, json: this.service.parseJSONDocument(document) };
    this.parsed.set(analysis.uri, entry);
    return entry;
  }

  async complete(analysis: AnalysedText, position: Position): Promise<CompletionList | null> {
    const { document, json } = this.parse(analysis);
    return this.service.doComplete(document, position, json);
  }

  async hover(analysis: AnalysedText, position: Position): Promise<Hover | null> {
    const { document, json } = this.parse(analysis);
    return this.service.doHover(document, position, json);
  }

  /** The service of timelines or scenarios, made on first use. */
  forKind(kind: CompanionKind): JsonSchemaService {
    let service = this.companions.get(kind);
    if (!service) {
      service = kind === 'timeline' ? new JsonSchemaService(timelineJsonSchema, 'timeline.schema.json') : new JsonSchemaService(scenarioJsonSchema, 'scenario.schema.json');
      this.companions.set(kind, service);
    }
    return service;
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
    for (const service of this.companions.values()) service.forget(uri);
  }
}
