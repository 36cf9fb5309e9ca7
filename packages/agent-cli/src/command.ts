import type { ArgsDef, CommandDef, ParsedArgs } from 'citty';
import type { CliIO } from './output/io.js';

/** What every command receives besides its parsed arguments. */
export interface CommandContext {
  readonly io: CliIO;
  /** Fires on Ctrl-C (SIGINT) or SIGTERM; long-running commands clean up and return 130. */
  readonly signal: AbortSignal;
}

/**
 * A CLI command: a citty definition (name, description, arguments: the source of `--help` and
 * of argument parsing) and a run function that returns the exit code instead of exiting, so
 * `main()` stays in charge of the process.
 */
export interface CliCommand {
  readonly definition: CommandDef<ArgsDef>;
  run(args: ParsedArgs<ArgsDef>, context: CommandContext): Promise<number>;
}

/** Defines a command; `run` sees its arguments typed from the citty definition. */
export function defineCliCommand<const T extends ArgsDef>(
  definition: CommandDef<T>,
  run: (args: ParsedArgs<T>, context: CommandContext) => Promise<number>,
): CliCommand {
  // The registry holds commands of every argument shape; the cast erases T at this one seam,
  // where citty's parser has produced exactly the ParsedArgs<T> the definition describes.
  return {
    definition: definition as unknown as CommandDef<ArgsDef>,
    run: (args, context) => run(args as ParsedArgs<T>, context),
  };
}
