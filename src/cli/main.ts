// The `journey` command line: validate journeys (and, as the simulator and
// exporter land, simulate and publish them) outside VS Code, e.g. in CI.
// Exit codes: 0 success, 1 errors in the input (located on stdout) or a
// refusal, 2 usage, 70 an internal error (a bug: please report it).
import type { CommandResult } from './command';
import { compareCommand } from './compareCommand';
import { importCommand } from './importCommand';
import { publishCommand } from './publishCommand';
import { referenceCommand } from './referenceCommand';
import { rehearseCommand } from './rehearseCommand';
import { simulateCommand } from './simulateCommand';
import { testCommand } from './testCommand';
import { timelineCommand } from './timelineCommand';
import { terminalSafeLines } from './sourceFiles';
import { validateCommand } from './validateCommand';

const USAGE = `Usage: journey <command> [options]

Commands:
  validate FILE...    check journeys; prints file:line:col severity message; exit 1 on errors
  simulate FILE --timeline T [--at TIME] [--json] [--seed N] [--no-trace] [--threads N|auto] [--progress]
                      replay a contact timeline against a journey: stats, queues, trace
  compare A B --timeline T [--seed N] [--json]
                      replay one timeline through two versions: counts A → B, contacts whose path changed;
                      exit 0 when the outcomes are equal, 1 when they differ, 2 on bad input
  import segment|csv FILE --mapping M --out X.timeline.ndjson [--skip-bad-rows]
                      turn an exported event history (Segment Spec NDJSON, CSV) into a timeline
  test [PATH...] [--junit FILE]
                      check the expectations of *.scenario.json files in the simulator
  publish FILE [--out DIR] [--dry-run] [--register ADMIN_URL --service URL]
                      check R21/R22, write the compiled journey and its Restate service, freeze the version
  rehearse FILE --timeline T [--ingress URL] [--day-ms N] [--seed N] [--horizon TIME] [--json]
                      replay the timeline live through the journey's running Restate service and compare
                      stats, queues and traces with the simulator, contact by contact; exit 1 when they differ
  timeline FILE [--start INSTANT] [--out FILE]
                      a timeline skeleton: one contact per starting point and branch
  reference [--update FILE | --check FILE]
                      the file format reference (Markdown), generated from the schema
  help                show this help
`;

// A reader that stops early (`journey simulate ... | head`) closes the pipe:
// the rest of the output goes nowhere and the command ends with its own exit
// code, without an EPIPE stack.
let stdoutClosed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    if (stream === process.stdout) stdoutClosed = true;
  });
}

async function main(argv: string[]): Promise<CommandResult> {
  const [command, ...rest] = argv;
  // Every line is printed with control characters from files escaped (sourceFiles.terminalSafe).
  const print = (line: string) => {
    if (!stdoutClosed) process.stdout.write(terminalSafeLines(line) + '\n');
  };
  switch (command) {
    case 'validate':
      return validateCommand(rest, print);
    case 'reference':
      return referenceCommand(rest, print);
    case 'simulate':
      return simulateCommand(rest, print);
    case 'compare':
      return compareCommand(rest, print);
    case 'import':
      return importCommand(rest, print);
    case 'test':
      return testCommand(rest, print);
    case 'publish':
      return publishCommand(rest, print);
    case 'timeline':
      return timelineCommand(rest, print);
    case 'rehearse':
      return rehearseCommand(rest, print);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return { exitCode: command === undefined ? 2 : 0 };
    default:
      return { exitCode: 2, error: `journey: unknown command "${command}"\n\n${USAGE}` };
  }
}

main(process.argv.slice(2)).then(
  (result) => {
    if (result.error) process.stderr.write(terminalSafeLines(result.error) + '\n');
    process.exitCode = result.exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`journey: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
