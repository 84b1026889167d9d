// Prints the mutation score of the last Stryker run (reports/mutation/
// mutation.json) per folder, against the goals of the project: the core
// (src/core) at least 90 %, the language server (language/) and the CLI
// (src/cli) at least 80 %; then every surviving or uncovered mutant with its
// place, so each can be killed by a test or listed as equivalent.
// Score = (killed + timed out) / (killed + timed out + survived + no coverage).
import { readFileSync } from 'node:fs';

const REPORT = 'reports/mutation/mutation.json';
const GOALS = [
  { folder: 'src/core/', goal: 90 },
  { folder: 'language/', goal: 80 },
  { folder: 'src/cli/', goal: 80 },
];

const report = JSON.parse(readFileSync(REPORT, 'utf8'));
const rows = new Map();
const survivors = [];
const count = (key) => rows.get(key) ?? rows.set(key, { killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 }).get(key);

for (const [file, { mutants }] of Object.entries(report.files)) {
  const path = file.replace(/\\/g, '/');
  const top = GOALS.find((g) => path.startsWith(g.folder))?.folder ?? 'other';
  const sub = path.split('/').slice(0, -1).join('/') + '/';
  for (const m of mutants) {
    for (const key of new Set([top, sub])) {
      const row = count(key);
      if (m.status === 'Killed') row.killed++;
      else if (m.status === 'Timeout') row.timeout++;
      else if (m.status === 'Survived') row.survived++;
      else if (m.status === 'NoCoverage') row.noCoverage++;
      else row.other++;
    }
    if (m.status === 'Survived' || m.status === 'NoCoverage') survivors.push(`${path}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName}${m.replacement !== undefined ? ` → ${JSON.stringify(m.replacement).slice(0, 80)}` : ''}`);
  }
}

const score = (r) => {
  const valid = r.killed + r.timeout + r.survived + r.noCoverage;
  return valid === 0 ? undefined : (100 * (r.killed + r.timeout)) / valid;
};
const line = (name, r, goal) => {
  const s = score(r);
  const verdict = goal === undefined || s === undefined ? '' : s >= goal ? `goal ${goal} % met` : `goal ${goal} % NOT met`;
  return `${name.padEnd(34)} ${(s === undefined ? '-' : s.toFixed(1) + ' %').padStart(8)}  killed ${r.killed}, timeout ${r.timeout}, survived ${r.survived}, no coverage ${r.noCoverage}${r.other ? `, not counted (compile error, ignored) ${r.other}` : ''}  ${verdict}`;
};

console.log(`Mutation score per folder (${REPORT}):`);
for (const { folder, goal } of GOALS) if (rows.has(folder)) console.log(line(folder, rows.get(folder), goal));
console.log('By folder:');
for (const key of [...rows.keys()].filter((k) => !GOALS.some((g) => g.folder === k) && k !== 'other').sort()) console.log('  ' + line(key, rows.get(key)));
if (survivors.length) {
  console.log(`Surviving and uncovered mutants (${survivors.length}): kill each with a test that states its rule, or list it as equivalent with the reason.`);
  for (const s of survivors) console.log('  ' + s);
}
