// Schema-driven completion and hover, from vscode-json-languageservice fed
// with the JSON Schema generated from our zod schema. Validation is NOT done
// here: the core's validator is the one source of diagnostics, so no error
// is ever published twice.
import { getLanguageService, type LanguageService } from 'vscode-json-languageservice';
import type { CompletionList, Hover, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { journeyJsonSchema } from '../src/core/jsonSchema';

const SCHEMA_URI = 'journey-designer://schema/journey.schema.json';

export class JsonSchemaService {
  private readonly service: LanguageService;

  constructor() {
    this.service = getLanguageService({});
    this.service.configure({
      validate: false,
      allowComments: false,
      schemas: [{ uri: SCHEMA_URI, fileMatch: ['*'], schema: journeyJsonSchema() as object }],
    });
  }

  async complete(document: TextDocument, position: Position): Promise<CompletionList | null> {
    const json = this.service.parseJSONDocument(document);
    return this.service.doComplete(document, position, json);
  }

  async hover(document: TextDocument, position: Position): Promise<Hover | null> {
    const json = this.service.parseJSONDocument(document);
    return this.service.doHover(document, position, json);
  }
}
