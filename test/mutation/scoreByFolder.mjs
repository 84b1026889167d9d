// Prints the mutation score per folder against the goals of the project: the
// core (src/core) at least 90 %, the language server (language/) and the CLI
// (src/cli) at least 80 %; then every surviving or uncovered mutant with its
// place, so each can be killed by a test or listed as equivalent.
//
// A whole run over every folder is long on a 2-core machine, so the score is
// built from slices: each Stryker run's report (reports/mutation/mutation.json)
// is kept by test/mutation/run.mjs as reports/mutation/slices/NAME.json when
// MUTATION_SLICE=NAME is set. For every mutated file the newest report that
// mutated it counts. Every source file of a goal folder that no report has
// mutated is listed, so a folder's score never hides files nobody ran.
// Score = (killed + timed out) / (killed + timed out + survived + no coverage);
// static mutants (ignored: see stryker.config.mjs) and mutants that do not
// compile are shown apart and not counted.
//
// Equivalent mutants: a survivor that no test can kill because the mutated
// program behaves the same is listed, with its reason, in a slice's record
// test/mutation/survivors/NAME.md, one line each, as
//   - `src/core/x.ts:12:5 ConditionalExpression → true` equivalent: REASON
// (the mutant exactly as this script prints it, without its status). Each
// folder then gets a second score over the mutants that are not listed as
// equivalent; the raw score is always printed beside it, and a listed line
// that matches no surviving mutant any more is reported as stale.
// A survivor that is not equivalent but not killed yet is listed the same
// way with `not killed: WHY`; each folder's line says how many of its
// survivors no record lists, so "every survivor is killed or listed" can be
// checked, and a goal counts as met only when every file of its folder ran.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Instrumenter } from '@stryker-mutator/instrumenter';

const LAST = 'reports/mutation/mutation.json';
const SLICES = 'reports/mutation/slices';
const GOALS = [
  { folder: 'src/core/', goal: 90 },
  { folder: 'language/', goal: 80 },
  { folder: 'src/cli/', goal: 80 },
];

/** Every report on disk, oldest first, so a newer report of a file replaces an older one. */
function reports() {
  const paths = existsSync(SLICES) ? readdirSync(SLICES).filter((f) => f.endsWith('.json')).map((f) => join(SLICES, f)) : [];
  if (existsSync(LAST)) paths.push(LAST);
  return paths.map((path) => ({ path, mtime: statSync(path).mtimeMs })).sort((a, b) => a.mtime - b.mtime);
}

const files = new Map(); // source path → { mutants, from }
const used = reports();
if (used.length === 0) {
  console.error(`no mutation report: run \`npm run test:mutation\` first (${LAST}, ${SLICES}/*.json)`);
  process.exit(1);
}
for (const { path } of used) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  for (const [file, { mutants }] of Object.entries(report.files)) files.set(file.replace(/\\/g, '/'), { mutants, from: path });
}

/** Mutants listed as equivalent in test/mutation/survivors/*.md: their key → where it is listed. */
const SURVIVOR_RECORDS = 'test/mutation/survivors';
const equivalents = new Map();
/** Mutants listed as not killed yet (with why) in the same records: their key → where it is listed. */
const notKilled = new Map();
if (existsSync(SURVIVOR_RECORDS)) {
  for (const name of readdirSync(SURVIVOR_RECORDS).filter((f) => f.endsWith('.md')).sort()) {
    readFileSync(join(SURVIVOR_RECORDS, name), 'utf8').split('\n').forEach((text, k) => {
      const listed = /^\s*- `(.+?)` (equivalent|not killed): \S/.exec(text); // a key may hold backticks (a template literal)
      if (listed) (listed[2] === 'equivalent' ? equivalents : notKilled).set(listed[1].trim(), `${SURVIVOR_RECORDS}/${name}:${k + 1}`);
    });
  }
}
const matched = new Set();
/** A mutant as printed and listed: place, mutator and the start of its replacement (cut at 80 characters, no trailing blank). */
const mutantKey = (path, m) => `${path}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}${m.replacement !== undefined ? ` → ${JSON.stringify(m.replacement).slice(0, 80)}` : ''}`.trimEnd();

const rows = new Map();
const survivors = [];
const count = (key) => rows.get(key) ?? rows.set(key, { killed: 0, timeout: 0, survived: 0, noCoverage: 0, equivalent: 0, notKilled: 0, ignored: 0, other: 0 }).get(key);
for (const [path, { mutants }] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const top = GOALS.find((g) => path.startsWith(g.folder))?.folder ?? 'other';
  const dir = path.split('/').slice(0, -1).join('/') + '/';
  const sub = dir === top ? `${dir} (its own files)` : dir; // a goal folder's own files get a row of their own
  for (const m of mutants) {
    const key = mutantKey(path, m);
    const surviving = m.status === 'Survived' || m.status === 'NoCoverage';
    const equivalent = surviving && equivalents.has(key);
    const listedNotKilled = surviving && !equivalent && notKilled.has(key);
    if (equivalent || listedNotKilled) matched.add(key);
    for (const key of new Set([top, sub])) {
      const row = count(key);
      if (equivalent) row.equivalent++;
      if (listedNotKilled) row.notKilled++;
      if (m.status === 'Killed') row.killed++;
      else if (m.status === 'Timeout') row.timeout++;
      else if (m.status === 'Survived') row.survived++;
      else if (m.status === 'NoCoverage') row.noCoverage++;
      else if (m.status === 'Ignored') row.ignored++;
      else row.other++;
    }
    if (surviving && !equivalent) survivors.push(`${key} (${m.status}${listedNotKilled ? ', listed: not killed' : ''})`);
  }
}

/** Stryker's own instrumenter, to count the mutants of a file no report covers (its logger silent). */
const silent = { isDebugEnabled: () => false, isTraceEnabled: () => false, isInfoEnabled: () => false, debug() {}, trace() {}, info() {}, warn() {}, error() {}, fatal() {} };
const instrumenter = new Instrumenter(silent);
/** How many mutants Stryker would make of a file (0 for files of types, re-exports or plain wiring). */
async function mutantsIn(path) {
  const result = await instrumenter.instrument([{ name: path, content: readFileSync(path, 'utf8'), mutate: true }], { plugins: null, excludedMutations: [], ignorers: [], noHeader: true });
  return result.mutants.length;
}

/** Source files of a folder that no report covers: those Stryker would mutate (not run) and those it makes no mutant of. */
async function notRun(folder) {
  const missing = [];
  const noMutants = [];
  const walk = async (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !files.has(path)) ((await mutantsIn(path)) > 0 ? missing : noMutants).push(path);
    }
  };
  if (existsSync(folder)) await walk(folder.replace(/\/$/, ''));
  return { missing: missing.sort(), noMutants: noMutants.sort() };
}

const score = (r) => {
  const valid = r.killed + r.timeout + r.survived + r.noCoverage;
  return valid === 0 ? undefined : (100 * (r.killed + r.timeout)) / valid;
};
/** The score over the mutants not listed as equivalent. */
const scoreOfValid = (r) => {
  const valid = r.killed + r.timeout + r.survived + r.noCoverage - r.equivalent;
  return valid === 0 ? undefined : (100 * (r.killed + r.timeout)) / valid;
};
const percent = (x) => (x === undefined ? '-' : x.toFixed(1) + ' %');
const line = (name, r, goal, allRun = true) => {
  const raw = score(r);
  const valid = scoreOfValid(r);
  const verdict = goal === undefined || valid === undefined ? '' : valid >= goal && allRun ? `goal ${goal} % met` : `goal ${goal} % NOT met`;
  const unlisted = r.survived + r.noCoverage - r.equivalent - r.notKilled;
  const apart = [r.ignored ? `static (ignored) ${r.ignored}` : '', r.other ? `compile errors ${r.other}` : ''].filter(Boolean).join(', ');
  return (
    `${name.padEnd(34)} ${percent(valid).padStart(8)} without the ${r.equivalent} listed equivalent, ${percent(raw)} raw  ` +
    `killed ${r.killed}, timeout ${r.timeout}, survived ${r.survived}, no coverage ${r.noCoverage}${apart ? `; not counted: ${apart}` : ''}; ` +
    `survivors listed ${r.equivalent + r.notKilled} (${r.notKilled} not killed), unlisted ${unlisted}  ${verdict}`
  );
};

console.log(`Mutation score per folder, from ${used.length} report(s): ${used.map((u) => u.path).join(', ')}`);
const unreported = new Map();
for (const { folder } of GOALS) unreported.set(folder, await notRun(folder));
for (const { folder, goal } of GOALS) {
  const { missing } = unreported.get(folder);
  if (rows.has(folder)) console.log(line(folder, rows.get(folder), goal, missing.length === 0) + (missing.length ? ` (${missing.length} file(s) not run, below)` : ' (every file run)'));
  else console.log(`${folder.padEnd(34)} not run`);
}
console.log('By folder:');
for (const key of [...rows.keys()].filter((k) => !GOALS.some((g) => g.folder === k) && k !== 'other').sort()) console.log('  ' + line(key, rows.get(key)));
const missing = GOALS.flatMap(({ folder }) => unreported.get(folder).missing);
if (missing.length) console.log(`Files no report has mutated (${missing.length}); their folder's score does not include them:\n  ${missing.join('\n  ')}`);
const noMutants = GOALS.flatMap(({ folder }) => unreported.get(folder).noMutants);
console.log(`Files Stryker makes no mutant of (types, re-exports, plain wiring; ${noMutants.length}): ${noMutants.join(', ')}`);
const stale = [...equivalents, ...notKilled].filter(([key]) => !matched.has(key));
if (stale.length) console.log(`Listed as equivalent or not killed but matching no surviving mutant of the reports (${stale.length}): the code moved or a test kills it now; update the record:\n  ${stale.map(([key, where]) => `${where}: ${key}`).join('\n  ')}`);
if (survivors.length) {
  console.log(`Surviving and uncovered mutants (${survivors.length}): kill each with a test that states its rule, or list it in its slice's record as equivalent (with the reason) or not killed (with why).`);
  for (const s of survivors) console.log('  ' + s);
}
