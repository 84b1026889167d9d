// The `journey` command line's process: runs the command its arguments name
// (journeyCommand.ts) with stdout and stderr, and sets the exit code: 0
// success, 1 errors in the input (located on stdout) or a refusal, 2 usage,
// 70 an internal error (a bug: please report it).
import { runJourneyCommand } from './journeyCommand';
import { terminalSafeLines } from './sourceFiles';

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

// Every line is printed with control characters from files escaped (sourceFiles.terminalSafe).
const print = (line: string) => {
  if (!stdoutClosed) process.stdout.write(terminalSafeLines(line) + '\n');
};

runJourneyCommand(process.argv.slice(2), print, (text) => process.stdout.write(text)).then(
  (result) => {
    if (result.error) process.stderr.write(terminalSafeLines(result.error) + '\n');
    process.exitCode = result.exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`journey: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
