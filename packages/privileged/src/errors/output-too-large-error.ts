import { PrivilegedError } from './privileged-error.js';

/** A command printed more than the runner's stdout/stderr cap; it was killed. */
export class OutputTooLargeError extends PrivilegedError {
  override name = 'OutputTooLargeError';
  override readonly reason = 'output-too-large' as const;
  /** The command as executed (display form). */
  readonly command: string;
  /** The cap that was exceeded, in bytes. */
  readonly limitBytes: number;

  constructor(command: string, limitBytes: number, options: { cause?: unknown } = {}) {
    super(`command printed more than ${limitBytes} bytes and was killed: ${command}`, options);
    this.command = command;
    this.limitBytes = limitBytes;
  }
}
