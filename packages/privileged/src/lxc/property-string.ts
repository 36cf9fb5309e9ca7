import { InvalidInputError } from '../errors/invalid-input-error.js';

/** A value in a PVE property string: booleans become `1`/`0`, numbers are written as integers. */
export type PropertyValue = string | number | boolean;

// A property-string value must not be able to start a new key (`,`) or change the key (`=`); the
// inputs are validated before they get here, and this is the last line of defence.
const safeValue = /^[A-Za-z0-9._:/+@-]+$/;

/**
 * Serialises `key=value` pairs into one PVE property string (`name=eth0,bridge=vmbr0,ip=dhcp`),
 * in the order given, skipping `undefined` values. The only place a multi-value argument is built.
 */
export function serializePropertyString(
  entries: readonly (readonly [string, PropertyValue | undefined])[],
): string {
  const parts: string[] = [];
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    if (!/^[a-z][a-z0-9-]*$/.test(key)) throw new InvalidInputError('property key', key, 'a lowercase key');
    const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    if (!safeValue.test(text))
      throw new InvalidInputError(`property ${key}`, value, 'a value without , = or spaces');
    parts.push(`${key}=${text}`);
  }
  return parts.join(',');
}
