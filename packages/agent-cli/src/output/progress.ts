import { type CliIO, colorEnabled } from './io.js';
import { createStyle } from './style.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Progress of one long step (a task), on stderr. */
export interface Progress {
  /** Shows a log line the task wrote. */
  line(text: string): void;
  /** Ends the step; the spinner line is cleared. */
  done(): void;
}

/** Options of {@link startProgress}. */
export interface ProgressOptions {
  /** Show the seconds spent so far after the label, once there is at least one. @default false */
  readonly elapsed?: boolean;
  /** Print nothing at all when stderr is not a terminal. @default false */
  readonly terminalOnly?: boolean;
}

/**
 * On a terminal: a spinner with the step's label and the task's log lines above it. Anywhere
 * else (a pipe, a log file, CI): plain `label: line` lines and no control characters.
 */
export function startProgress(io: CliIO, label: string, options: ProgressOptions = {}): Progress {
  if (!io.stderrIsTTY && options.terminalOnly) return { line: () => undefined, done: () => undefined };
  if (!io.stderrIsTTY) {
    io.stderr.write(`${label}\n`);
    return {
      line: (text) => io.stderr.write(`  ${text}\n`),
      done: () => undefined,
    };
  }
  const style = createStyle(colorEnabled(io, 'stderr'));
  let frame = 0;
  const started = performance.now();
  const draw = (): void => {
    const seconds = Math.floor((performance.now() - started) / 1000);
    const suffix = options.elapsed && seconds > 0 ? style.dim(` ${seconds} s`) : '';
    io.stderr.write(`\r\u001B[2K${style.dim(FRAMES[frame % FRAMES.length] ?? '-')} ${label}${suffix}`);
    frame += 1;
  };
  draw();
  const timer = setInterval(draw, 100);
  timer.unref();
  return {
    line(text) {
      io.stderr.write(`\r\u001B[2K  ${style.dim(text)}\n`);
      draw();
    },
    done() {
      clearInterval(timer);
      io.stderr.write('\r\u001B[2K');
    },
  };
}
