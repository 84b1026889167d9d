// Runs every benchmark of this folder (`*.bench.ts`, `*.bench.mjs`, ...)
// one after another and fails if any of them fails. Usage: npm run bench
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(here).filter((f) => /\.bench\.[cm]?[jt]sx?$/.test(f)).sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file}`);
  const args = /\.[cm]?tsx?$/.test(file) ? ['--import', 'tsx', join(here, file)] : [join(here, file)];
  const result = spawnSync(process.execPath, [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`=== ${file}: FAILED (exit ${result.status ?? result.signal})`);
  }
}
console.log(`\n${benches.length - failed} of ${benches.length} benchmarks passed`);
process.exitCode = failed > 0 ? 1 : 0;
