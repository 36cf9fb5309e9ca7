import type { CliIO } from '../../src/output/io.js';

/** A {@link CliIO} that records what a command writes, for in-process CLI tests. */
export interface CapturedIO extends CliIO {
  readonly out: () => string;
  readonly err: () => string;
}

/** Builds a captured IO with the given environment and terminal flags. */
export function captureIO(
  env: Record<string, string | undefined> = {},
  tty: { stdout?: boolean; stderr?: boolean } = {},
): CapturedIO {
  let out = '';
  let err = '';
  return {
    stdout: {
      write: (text: string) => {
        out += text;
        return true;
      },
    },
    stderr: {
      write: (text: string) => {
        err += text;
        return true;
      },
    },
    env,
    stdoutIsTTY: tty.stdout ?? false,
    stderrIsTTY: tty.stderr ?? false,
    out: () => out,
    err: () => err,
  };
}
