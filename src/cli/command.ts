// The shape every `journey` sub-command returns, so main.ts owns the exit.
export interface CommandResult {
  exitCode: number;
  /** A usage or input problem, printed on stderr. */
  error?: string;
}
