import { execFile } from 'node:child_process';
import { CommandFailedError } from '../errors/command-failed-error.js';
import { CommandTimeoutError } from '../errors/command-timeout-error.js';
import { InvalidInputError } from '../errors/invalid-input-error.js';
import { OutputTooLargeError } from '../errors/output-too-large-error.js';
import { abortError } from './abort-error.js';
import { formatCommand } from './format-command.js';
import { settle } from './settle.js';
import type { Command, Runner, RunOptions, RunResult } from './types.js';
import { validateCommand } from './validate-command.js';

/** Options of {@link ExecRunner}. */
export interface ExecRunnerOptions {
  /**
   * `direct` runs commands as the current user (root on the host); `sudo` runs each one as
   * `sudo -n -- FILE ARGS…`, which the drop-in from `sudoersAllowlist` must allow.
   */
  readonly mode: 'direct' | 'sudo';
  /** Default per-command timeout in milliseconds. @default 120_000 */
  readonly timeout?: number;
  /** Largest stdout (and stderr) accepted, in bytes; more kills the child. @default 16 MiB */
  readonly maxOutputBytes?: number;
  /** Absolute path of sudo (sudo mode only). @default '/usr/bin/sudo' */
  readonly sudoPath?: string;
  /** `PATH` of the child's clean environment (the only variable besides `LC_ALL=C`). @default '/usr/sbin:/usr/bin:/sbin:/bin' */
  readonly path?: string;
}

const defaultPath = '/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * Runs commands for real with `execFile`: an argument array, never a shell, an absolute binary
 * path, a clean environment (`PATH` and `LC_ALL=C`, so tool output is never localised), a
 * timeout, an `AbortSignal` and a cap on output size. In `sudo` mode it only prefixes argv with
 * `sudo -n --` and tells sudo's own refusals apart from the tool's exit codes by stderr.
 *
 * @example
 * ```ts
 * const runner = new ExecRunner({ mode: 'sudo' });
 * const result = await runner.run({ file: '/usr/sbin/smartctl', args: ['-j', '--scan'] });
 * ```
 */
export class ExecRunner implements Runner {
  /** The mode this runner was created with. */
  readonly mode: 'direct' | 'sudo';
  readonly #timeout: number;
  readonly #maxOutputBytes: number;
  readonly #sudoPath: string;
  readonly #path: string;

  constructor(options: ExecRunnerOptions) {
    if (options?.mode !== 'direct' && options?.mode !== 'sudo') {
      throw new InvalidInputError('options.mode', options?.mode, "'direct' or 'sudo'");
    }
    this.mode = options.mode;
    this.#timeout = positiveInteger('options.timeout', options.timeout, 120_000);
    this.#maxOutputBytes = positiveInteger(
      'options.maxOutputBytes',
      options.maxOutputBytes,
      16 * 1024 * 1024,
    );
    this.#sudoPath = options.sudoPath ?? '/usr/bin/sudo';
    if (!/^\/[^\0]+$/.test(this.#sudoPath)) {
      throw new InvalidInputError('options.sudoPath', options.sudoPath, 'an absolute path');
    }
    this.#path = options.path ?? defaultPath;
    if (/[\0\n]/.test(this.#path)) throw new InvalidInputError('options.path', options.path, 'a PATH string');
  }

  /** {@inheritDoc Runner.run} */
  async run(command: Command, options: RunOptions = {}): Promise<RunResult> {
    validateCommand(command);
    const timeout = positiveInteger('options.timeout', options.timeout, this.#timeout);
    if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
      throw new InvalidInputError('options.signal', options.signal, 'an AbortSignal');
    }
    const { signal } = options;
    if (signal?.aborted) throw abortError(signal);

    const viaSudo = this.mode === 'sudo' && options.elevated !== false;
    const argv = viaSudo
      ? [this.#sudoPath, '-n', '--', command.file, ...command.args]
      : [command.file, ...command.args];
    const [file, ...args] = argv as [string, ...string[]];
    const display = formatCommand(argv);
    const started = performance.now();

    return new Promise<RunResult>((resolve, reject) => {
      let timedOut = false;
      let cancelled = false;
      const child = execFile(
        file,
        args,
        {
          env: { PATH: this.#path, LC_ALL: 'C' },
          encoding: 'utf8',
          maxBuffer: this.#maxOutputBytes,
          killSignal: 'SIGKILL',
          windowsHide: true,
        },
        (error, stdout, stderr) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          const failure = error as
            | (NodeJS.ErrnoException & { code?: unknown; signal?: NodeJS.Signals })
            | null;
          // A spawn failure (ENOENT, EACCES) carries a string code; the child never had an exit code.
          const spawnFailed =
            typeof failure?.code === 'string' && failure.code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER';
          const result: RunResult = {
            command: display,
            argv,
            requested: { file: command.file, args: [...command.args] },
            exitCode: spawnFailed ? null : child.exitCode,
            signal: child.signalCode ?? null,
            stdout,
            stderr,
            durationMs: Math.round(performance.now() - started),
            timedOut,
            cancelled,
          };
          if (cancelled && signal) return reject(abortError(signal));
          if (timedOut) return reject(new CommandTimeoutError(result, timeout));
          if (failure?.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
            return reject(new OutputTooLargeError(display, this.#maxOutputBytes, { cause: failure }));
          }
          if (spawnFailed) {
            // The child never started: report it as a failed command carrying the OS reason.
            return reject(
              new CommandFailedError(
                { ...result, stderr: stderr || String(failure?.message) },
                { cause: failure },
              ),
            );
          }
          try {
            resolve(settle(result, viaSudo ? 'sudo' : 'direct', options.reject));
          } catch (settled) {
            reject(settled);
          }
        },
      );
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeout);
      const onAbort = (): void => {
        cancelled = true;
        child.kill('SIGKILL');
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      // A child that exits without reading its stdin makes the write fail with EPIPE; that is not our error.
      child.stdin?.on('error', () => {});
      child.stdin?.end(options.stdin ?? '');
    });
  }
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0) throw new InvalidInputError(name, value, 'a positive integer');
  return value;
}
