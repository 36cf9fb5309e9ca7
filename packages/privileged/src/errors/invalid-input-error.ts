import { describeValue } from './describe-value.js';
import { PrivilegedError } from './privileged-error.js';

/**
 * An input was rejected before any command ran: names the parameter, what was expected and the
 * value received. Throwing it guarantees that nothing was executed.
 */
export class InvalidInputError extends PrivilegedError {
  override name = 'InvalidInputError';
  override readonly reason = 'invalid-input' as const;
  /** The parameter that was wrong, e.g. `spec.vmid` or `device`. */
  readonly parameter: string;
  /** The value received. */
  readonly value: unknown;
  /** What was expected, e.g. `an integer from 100 to 999999999`. */
  readonly expected: string;

  constructor(parameter: string, value: unknown, expected: string) {
    super(`invalid ${parameter}: expected ${expected}, got ${describeValue(value)}`);
    this.parameter = parameter;
    this.value = value;
    this.expected = expected;
  }
}
