/**
 * What a command may touch of the outside world. `main()` builds it from the real process;
 * tests pass their own, so no test depends on the terminal it runs in.
 */
export interface CliIO {
  /** Results: the only thing a script should parse. */
  readonly stdout: { write(text: string): unknown };
  /** Logs, progress, warnings and errors. */
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour for results). */
  readonly stdoutIsTTY: boolean;
  /** Whether stderr is a terminal (colour and spinners for progress). */
  readonly stderrIsTTY: boolean;
}

/** Builds the {@link CliIO} of the running process. */
export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/** Colour is on for a terminal unless `NO_COLOR` holds any non-empty value (no-color.org). */
export function colorEnabled(io: CliIO, stream: 'stdout' | 'stderr'): boolean {
  const noColor = io.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  if (io.env.TERM === 'dumb') return false;
  return stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY;
}
