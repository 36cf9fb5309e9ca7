import { CommandTimeoutError } from '../errors/command-timeout-error.js';
import { abortError } from '../runner/abort-error.js';
import { formatCommand } from '../runner/format-command.js';
import { settle } from '../runner/settle.js';
import type { Command, Runner, RunOptions, RunResult } from '../runner/types.js';
import { validateCommand } from '../runner/validate-command.js';

/** What a scripted command "prints" and how it ends. */
export interface ScriptedReply {
  /** @default 0 */
  readonly exitCode?: number | null;
  /** @default '' */
  readonly stdout?: string;
  /** @default '' */
  readonly stderr?: string;
  /** A signal that "killed" the command. @default null */
  readonly signal?: NodeJS.Signals | null;
  /** Pretend the runner's timeout elapsed: the call rejects with a `CommandTimeoutError`. */
  readonly timedOut?: boolean;
  /** Reject with this error instead of producing a result. */
  readonly error?: Error;
}

/** Which calls a reply answers: an exact file (and args, if given), or a predicate. */
export type CommandMatcher =
  | { readonly file: string; readonly args?: readonly string[] }
  | ((command: Command) => boolean);

/** One call the runner received. */
export interface RecordedCall {
  /** The command as requested. */
  readonly command: Command;
  /** The options it was called with. */
  readonly options: RunOptions;
}

/** Options of {@link RecordingRunner}. */
export interface RecordingRunnerOptions {
  /**
   * `sudo` prefixes recorded argv like `ExecRunner` does and classifies scripted stderr the same
   * way (a scripted `Sorry, user … is not allowed` rejects with `PrivilegeDeniedError`).
   * @default 'direct'
   */
  readonly mode?: 'direct' | 'sudo';
}

interface Rule {
  readonly matcher: CommandMatcher;
  readonly reply: ScriptedReply | ((command: Command) => ScriptedReply);
  remaining: number;
}

/**
 * A {@link Runner} for tests: records every call and answers from scripted replies, applying the
 * same outcome rules as `ExecRunner` (non-zero exit → `CommandFailedError` unless `reject: false`;
 * sudo refusals → `PrivilegeDeniedError` in sudo mode; aborted signals → `AbortError`). A call no
 * rule matches rejects, so an unexpected command fails the test instead of passing silently.
 *
 * @example
 * ```ts
 * const runner = new RecordingRunner().respond({ file: '/usr/sbin/smartctl' }, { exitCode: 0, stdout: json });
 * await new Privileged(runner, options).smart('/dev/sda');
 * expect(runner.calls).toHaveLength(1);
 * ```
 */
export class RecordingRunner implements Runner {
  /** Every call received, in order (including rejected ones). */
  readonly calls: RecordedCall[] = [];
  readonly #rules: Rule[] = [];
  readonly #mode: 'direct' | 'sudo';

  constructor(options: RecordingRunnerOptions = {}) {
    this.#mode = options.mode ?? 'direct';
  }

  /**
   * Scripts a reply for matching calls; later rules do not shadow earlier ones that still have
   * uses left. Returns `this` for chaining.
   */
  respond(
    matcher: CommandMatcher,
    reply: ScriptedReply | ((command: Command) => ScriptedReply),
    options: { readonly times?: number } = {},
  ): this {
    this.#rules.push({ matcher, reply, remaining: options.times ?? Number.POSITIVE_INFINITY });
    return this;
  }

  /** The recorded commands as display strings, e.g. `/usr/sbin/smartctl -j --scan`. */
  get commandLines(): string[] {
    return this.calls.map(({ command }) => formatCommand([command.file, ...command.args]));
  }

  /**
   * Records the call, then answers it with the first scripted reply that matches, settled as a
   * real `Runner` settles it: rejects with `CommandFailedError`, `PrivilegeDeniedError`,
   * `CommandTimeoutError` or a standard `AbortError`, and throws when no reply is scripted.
   */
  async run(command: Command, options: RunOptions = {}): Promise<RunResult> {
    validateCommand(command);
    this.calls.push({ command: { file: command.file, args: [...command.args] }, options });
    if (options.signal?.aborted) throw abortError(options.signal);
    const rule = this.#rules.find(
      (candidate) => candidate.remaining > 0 && matches(candidate.matcher, command),
    );
    if (!rule)
      throw new Error(
        `RecordingRunner: no scripted reply for ${formatCommand([command.file, ...command.args])}`,
      );
    rule.remaining -= 1;
    const reply = typeof rule.reply === 'function' ? rule.reply(command) : rule.reply;
    if (reply.error) throw reply.error;
    const sudo = this.#mode === 'sudo' && options.elevated !== false;
    const argv = sudo
      ? ['/usr/bin/sudo', '-n', '--', command.file, ...command.args]
      : [command.file, ...command.args];
    const result: RunResult = {
      command: formatCommand(argv),
      argv,
      requested: { file: command.file, args: [...command.args] },
      exitCode: reply.exitCode === undefined ? 0 : reply.exitCode,
      signal: reply.signal ?? null,
      stdout: reply.stdout ?? '',
      stderr: reply.stderr ?? '',
      durationMs: 0,
      timedOut: reply.timedOut === true,
      cancelled: false,
    };
    if (result.timedOut) throw new CommandTimeoutError(result, options.timeout ?? 0);
    return settle(result, sudo ? 'sudo' : 'direct', options.reject);
  }
}

function matches(matcher: CommandMatcher, command: Command): boolean {
  if (typeof matcher === 'function') return matcher(command);
  if (matcher.file !== command.file) return false;
  if (!matcher.args) return true;
  return (
    matcher.args.length === command.args.length && matcher.args.every((arg, i) => arg === command.args[i])
  );
}
