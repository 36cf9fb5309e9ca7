/** A command to run: an absolute binary path and an argument array. There is never a shell. */
export interface Command {
  /** Absolute path of the executable, e.g. `/usr/sbin/smartctl`. */
  readonly file: string;
  /** The arguments, one element each; never joined into a shell string. */
  readonly args: readonly string[];
}

/** Per-call options of {@link Runner.run}. */
export interface RunOptions {
  /** Cancels the command: the child is killed and the call rejects with an `AbortError`. */
  readonly signal?: AbortSignal;
  /**
   * Milliseconds before the child is killed and the call rejects with a `CommandTimeoutError`.
   * @default the runner's `timeout`
   */
  readonly timeout?: number;
  /** Text written to the child's stdin, which is then closed. @default no input (stdin closed) */
  readonly stdin?: string;
  /**
   * Whether a non-zero exit rejects with a `CommandFailedError`. Tools whose exit status carries
   * data (smartctl's bit mask, sensors' exit 1 for "no sensors") pass `false` and read `exitCode`.
   * sudo's own refusals reject with a `PrivilegeDeniedError` either way.
   * @default true
   */
  readonly reject?: boolean;
  /**
   * Whether the command needs root. In sudo mode, `false` runs it as the current user without the
   * `sudo -n --` prefix (`sensors` reads world-readable sysfs); direct mode ignores it.
   * @default true
   */
  readonly elevated?: boolean;
}

/** What a finished command produced. */
export interface RunResult {
  /** The argv actually executed, as one display string (with the `sudo -n --` prefix in sudo mode). */
  readonly command: string;
  /** The argv actually executed, element by element. */
  readonly argv: readonly string[];
  /** The command as requested (without any sudo prefix). */
  readonly requested: Command;
  /** The exit code, or `null` when the child was killed by a signal. */
  readonly exitCode: number | null;
  /** The signal that killed the child, or `null`. */
  readonly signal: NodeJS.Signals | null;
  /** Everything the child printed on stdout (UTF-8). */
  readonly stdout: string;
  /** Everything the child printed on stderr (UTF-8). */
  readonly stderr: string;
  /** Wall-clock milliseconds from spawn to exit. */
  readonly durationMs: number;
  /** True when the runner killed the child because its timeout elapsed. */
  readonly timedOut: boolean;
  /** True when the caller's `AbortSignal` killed the child. */
  readonly cancelled: boolean;
}

/**
 * Runs commands for `Privileged`. `ExecRunner` runs them for real (directly as root, or through
 * `sudo -n`); the recording runner in `@felhom/privileged/testing` returns scripted results.
 */
export interface Runner {
  /**
   * Runs one command to completion.
   *
   * Resolves with the result of a zero exit (or any exit with `reject: false`); rejects with
   * `CommandFailedError`, `PrivilegeDeniedError`, `CommandTimeoutError`, `OutputTooLargeError`
   * or a standard `AbortError`.
   */
  run(command: Command, options?: RunOptions): Promise<RunResult>;
}
