// The `journey` command line's commands by name (src/cli/main.ts runs it on
// the process's arguments): which command a first argument names, the help
// text, and the exit code 2 with the usage for no command or an unknown one.
// Each command prints its lines through `print`; the help text goes to
// `writeHelp` as it is. Exit codes: 0 success, 1 errors in the input or a
// refusal, 2 usage (main.ts adds 70, an internal error).
import type { CommandResult } from './command';
import { compareCommand } from './compareCommand';
import { importCommand } from './importCommand';
import { publishCommand } from './publishCommand';
import { referenceCommand } from './referenceCommand';
import { rehearseCommand } from './rehearseCommand';
import { simulateCommand } from './simulateCommand';
import { testCommand } from './testCommand';
import { timelineCommand } from './timelineCommand';
import { validateCommand } from './validateCommand';

export const USAGE = `Usage: journey <command> [options]

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

/** Runs the command `argv` names (the arguments after `journey`). */
export async function runJourneyCommand(argv: readonly string[], print: (line: string) => void, writeHelp: (text: string) => void): Promise<CommandResult> {
  const [command, ...rest] = argv;
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
      writeHelp(USAGE);
      return { exitCode: command === undefined ? 2 : 0 };
    default:
      return { exitCode: 2, error: `journey: unknown command "${command}"\n\n${USAGE}` };
  }
}
