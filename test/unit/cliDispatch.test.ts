// Specification of the `journey` command line's dispatch
// (src/cli/journeyCommand.ts), in process: the first argument names the
// command that runs with the rest, help is the usage text with exit 0, and
// no command or an unknown one is a usage error (exit 2) that shows the
// usage. Each command's own behaviour is specified in cliCommands,
// cliWorkflowCommands and cliTimelineReaders.
import assert from 'node:assert/strict';
import { runJourneyCommand, USAGE } from '../../src/cli/journeyCommand';

async function run(...argv: string[]) {
  const lines: string[] = [];
  let help = '';
  const result = await runJourneyCommand(argv, (line) => lines.push(line), (text) => (help += text));
  return { ...result, lines, help };
}

const COMMANDS = ['validate', 'simulate', 'compare', 'import', 'test', 'publish', 'rehearse', 'timeline', 'reference'];

describe('journey <command>: which command runs', () => {
  for (const command of COMMANDS.filter((c) => c !== 'validate')) {
    it(`"${command}" runs journey ${command} with the arguments after it`, async () => {
      const result = await run(command, '--no-such-option');
      assert.equal(result.exitCode, 2, command);
      assert.match(result.error ?? '', new RegExp(`^journey ${command}: `), 'the error is the command\'s own');
      assert.equal(result.help, '', 'no general help');
    });
  }

  it('"validate" runs journey validate with the arguments after it: a file that is not there is an error on stdout', async () => {
    const result = await run('validate', 'no-such.journey.json');
    assert.equal(result.exitCode, 1);
    assert.ok(result.lines.some((line) => line.includes('no-such.journey.json')), result.lines.join('\n'));
  });

  it('the usage names every command', () => {
    for (const command of [...COMMANDS, 'help']) assert.match(USAGE, new RegExp(`^  ${command}\\b`, 'm'), command);
  });

  for (const flag of ['help', '--help', '-h']) {
    it(`"${flag}" writes the usage as it is and exits 0`, async () => {
      const result = await run(flag);
      assert.equal(result.exitCode, 0);
      assert.equal(result.help, USAGE);
      assert.equal(result.error, undefined);
      assert.deepEqual(result.lines, []);
    });
  }

  it('no command writes the usage and exits 2 (a usage error)', async () => {
    const result = await run();
    assert.equal(result.exitCode, 2);
    assert.equal(result.help, USAGE);
  });

  it('an unknown command is a usage error naming it, followed by the usage', async () => {
    const result = await run('simulte', 'x.journey.json');
    assert.equal(result.exitCode, 2);
    assert.equal(result.error, `journey: unknown command "simulte"\n\n${USAGE}`);
    assert.equal(result.help, '');
  });

  it('a command name is matched exactly (case and spelling)', async () => {
    for (const name of ['Validate', 'validate ', 'HELP', '']) {
      const result = await run(name);
      assert.equal(result.exitCode, 2, JSON.stringify(name));
      assert.equal(result.error, `journey: unknown command "${name}"\n\n${USAGE}`);
    }
  });
});
