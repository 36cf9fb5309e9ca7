import { ProxmoxError } from './proxmox-error.js';

/**
 * An input was rejected before any request was sent: a malformed vmid, node name, snapshot
 * name, storage id or option. Names the parameter and shows the value received.
 */
export class InvalidArgumentError extends ProxmoxError {
  override name = 'InvalidArgumentError';
  override readonly reason = 'invalid-argument' as const;
  /** The parameter that was wrong, e.g. `vmid` or `options.timeout`. */
  readonly parameter: string;
  /** The value received (as given; never a secret). */
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

/** Renders a received value for a message: strings quoted, long values cut. */
function describeValue(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
