import { type FormatChecker, splitPveList } from './checker.js';
import { commandBatchFormats } from './command-batch.js';
import { identifierFormats } from './identifiers.js';
import { networkFormats } from './network.js';
import { pemFormats } from './pem.js';
import { volumeFormats } from './volumes.js';

export type { FormatChecker } from './checker.js';

/**
 * The named string formats of PVE's schema this client checks, by name, each as PVE's
 * `register_format` code checks it. A format not listed is accepted as any string (the list of
 * those is kept in the tests, so a new one is seen).
 */
export const formatCheckers: Readonly<Record<string, FormatChecker>> = {
  ...networkFormats,
  ...identifierFormats,
  ...volumeFormats,
  ...commandBatchFormats,
  ...pemFormats,
};

/**
 * Checks `value` against a named format the way `PVE::JSONSchema::check_format` does: a
 * `-list` suffix checks each item of the list (PVE's `split_list`; an empty list is fine), an
 * `-opt` suffix accepts the empty string. Returns the reason for a refusal, or `undefined`
 * (also for a format this client does not check).
 */
export function checkFormat(format: string, value: string): string | undefined {
  const direct = formatCheckers[format];
  if (direct) return direct(value);
  const suffixed = /^(.*?)-(list|opt)$/.exec(format);
  const base = suffixed ? formatCheckers[suffixed[1] as string] : undefined;
  if (!suffixed || !base) return undefined;
  if (suffixed[2] === 'opt') return value === '' ? undefined : base(value);
  for (const item of splitPveList(value)) {
    const problem = base(item);
    if (problem) return problem;
  }
  return undefined;
}

/** Whether this client checks the named format (with its `-list`/`-opt` forms). */
export function isCheckedFormat(format: string): boolean {
  if (formatCheckers[format]) return true;
  const suffixed = /^(.*?)-(list|opt)$/.exec(format);
  return suffixed !== null && formatCheckers[suffixed[1] as string] !== undefined;
}
