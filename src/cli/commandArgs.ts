// Reads a `journey` sub-command's arguments: file names, switches
// (`--json`) and options with a value (`--at TIME` or `--at=TIME`; the last
// one given wins). Stops at the first problem, in argument order, with a
// message for the usage line: an unknown option, an option without a value,
// or a value the command's own check refuses.

export interface ArgSpec {
  /** Options that take no value. */
  readonly switches: readonly string[];
  /** Options that take a value. */
  readonly valued: readonly string[];
  /** The command's check of an option's value: a message when it is wrong. */
  check?(option: string, value: string): string | undefined;
}

export interface CommandArgs {
  readonly files: string[];
  readonly switches: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
}

/** The arguments as files, switches and values, or the first problem as a message. */
export function readCommandArgs(args: readonly string[], spec: ArgSpec): CommandArgs | string {
  const files: string[] = [];
  const switches = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [option, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (spec.switches.includes(option)) {
      switches.add(option);
    } else if (spec.valued.includes(option)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') return `${option} needs a value`;
      const problem = spec.check?.(option, value);
      if (problem !== undefined) return problem;
      values.set(option, value);
    } else if (arg.startsWith('-')) {
      return `unknown option ${arg}`;
    } else {
      files.push(arg);
    }
  }
  return { files, switches, values };
}
