// Benchmark: our full validation of a generated 2,000-point journey (about
// 1 MB) against vscode-json-languageservice validating the same text with
// the JSON Schema generated from our zod schema. Ours is the whole check the
// editor shows (syntax, duplicate keys, schema, every semantic rule R1-R22);
// theirs is schema-only (parse + doValidation). Runs both alternately, prints
// the median of each and the ratio; the goal is ours ≤ 1.0× theirs (the
// process fails if it is missed). Also prints, for information, what the
// editing features add once per document version (the tree and the index).
// Usage: npm run bench:validate [-- --runs 15 --points 2000]
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../language/documentAnalysis';
import { journeyJsonSchema } from '../../src/core/jsonSchema';
import { validateJourneyText } from '../../src/core/validate';
import { largeJourneyText } from './largeJourney';

const GOAL = 1.0;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  const runs = option('runs', 15);
  const pointCount = option('points', 2000);
  const text = largeJourneyText(pointCount);
  const uri = 'file:///bench/large.journey.json';

  // Ours: the single entry point of the CLI, the language server and the publish gate.
  const ours = () => validateJourneyText(text);
  const check = ours();
  if (check.diagnostics.length > 0) throw new Error(`the generated journey should be valid, but: ${check.diagnostics.slice(0, 3).map((d) => d.message).join(' | ')}`);

  // Theirs: vscode-json-languageservice with our generated JSON Schema, schema validation only.
  const service = getLanguageService({});
  service.configure({ validate: true, allowComments: false, schemas: [{ uri: 'journey-designer://bench/journey.schema.json', fileMatch: ['*.journey.json'], schema: journeyJsonSchema() as object }] });
  const document = TextDocument.create(uri, 'json', 1, text);
  const theirs = async () => service.doValidation(document, service.parseJSONDocument(document), { schemaValidation: 'error', comments: 'error', trailingCommas: 'error' });
  const theirProblems = await theirs();
  if (theirProblems.length > 0) throw new Error(`vscode-json-languageservice reports problems: ${theirProblems.slice(0, 3).map((d) => d.message).join(' | ')}`);

  // What the editor adds once per version: the parse tree and the id/name index of the language features.
  const editorAnalysis = () => {
    const analysis = new AnalysisCache().get(TextDocument.create(uri, 'journey-json', 1, text));
    return analysis.index.points.length;
  };

  for (let i = 0; i < 3; i++) {
    ours();
    await theirs();
    editorAnalysis();
  }
  const oursMs: number[] = [];
  const theirsMs: number[] = [];
  const editorMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    ours();
    oursMs.push(performance.now() - started);
    started = performance.now();
    await theirs();
    theirsMs.push(performance.now() - started);
    started = performance.now();
    editorAnalysis();
    editorMs.push(performance.now() - started);
  }

  const oursMedian = median(oursMs);
  const theirsMedian = median(theirsMs);
  const ratio = oursMedian / theirsMedian;
  console.log(`Journey: ${pointCount} points, ${(text.length / 1024 / 1024).toFixed(2)} MB (${text.length} characters), ${runs} runs each, alternating, after 3 warm-up runs`);
  console.log(`ours   validateJourneyText (syntax + schema + all rules): median ${ms(oursMedian)} (min ${ms(Math.min(...oursMs))}, max ${ms(Math.max(...oursMs))})`);
  console.log(`theirs vscode-json-languageservice parse + doValidation (schema only): median ${ms(theirsMedian)} (min ${ms(Math.min(...theirsMs))}, max ${ms(Math.max(...theirsMs))})`);
  console.log(`ratio  ours / theirs = ${ratio.toFixed(2)}× (goal ≤ ${GOAL.toFixed(1)}×): ${ratio <= GOAL ? 'met' : 'MISSED'}`);
  console.log(`info   language server analysis of a new version (validation + tree + index): median ${ms(median(editorMs))}`);
  if (ratio > GOAL) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
