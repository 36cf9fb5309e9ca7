/**
 * The limits PVE's API schema puts on a value (`PVE::JSONSchema::check_prop`): a range for
 * numbers, a set of values, a length. The client checks them before sending, so a value the
 * host would refuse with "Parameter verification failed" is refused here, naming the parameter.
 */
export interface ValueLimits {
  /** The smallest number allowed. */
  readonly minimum?: number;
  /** The largest number allowed. */
  readonly maximum?: number;
  /** The only values allowed. */
  readonly enum?: readonly string[];
  /** The most characters (code points, as PVE's Perl counts a decoded string) allowed. */
  readonly maxLength?: number;
}

/** What is wrong with `value` under `limits`, as the expectation to report, or `undefined`. */
export function limitsProblem(value: string | number, limits: ValueLimits): string | undefined {
  if (typeof value === 'number') {
    const { minimum, maximum } = limits;
    if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) {
      if (maximum === undefined) return `at least ${minimum}`;
      if (minimum === undefined) return `at most ${maximum}`;
      return `from ${minimum} to ${maximum}`;
    }
    return undefined;
  }
  if (limits.enum && !limits.enum.includes(value)) {
    return `one of ${limits.enum.map((item) => `'${item}'`).join(', ')}`;
  }
  if (limits.maxLength !== undefined && [...value].length > limits.maxLength) {
    return `at most ${limits.maxLength} characters`;
  }
  return undefined;
}
