// The `journey` command line: validate journeys (and, as the simulator and
// exporter land, simulate and publish them) outside VS Code, e.g. in CI.
import type { CommandResult } from './command';
import { publishCommand } from './publishCommand';
import { referenceCommand } from './referenceCommand';
import { simulateCommand } from './simulateCommand';
import { testCommand } from './testCommand';
import { validateCommand } from './validateCommand';

const USAGE = `Usage: journey <command> [options]

Commands:
  validate FILE...    check journeys; prints file:line:col severity message; exit 1 on errors
  simulate FILE --timeline T [--at TIME] [--json] [--seed N] [--no-trace]
                      replay a contact timeline against a journey: stats, queues, trace
  test [PATH...] [--junit FILE]
                      check the expectations of *.scenario.json files in the simulator
  publish FILE [--out DIR] [--dry-run] [--register ADMIN_URL --service URL]
                      check R21/R22, write the compiled journey and its Restate service, freeze the version
  reference [--update FILE | --check FILE]
                      the file format reference (Markdown), generated from the schema
  help                show this help
`;

async function main(argv: string[]): Promise<CommandResult> {
  const [command, ...rest] = argv;
  const print = (line: string) => process.stdout.write(line + '\n');
  switch (command) {
    case 'validate':
      return validateCommand(rest, print);
    case 'reference':
      return referenceCommand(rest, print);
    case 'simulate':
      return simulateCommand(rest, print);
    case 'test':
      return testCommand(rest, print);
    case 'publish':
      return publishCommand(rest, print);
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
    if (result.error) process.stderr.write(result.error + '\n');
    process.exitCode = result.exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`journey: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
