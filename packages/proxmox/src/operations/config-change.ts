import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { CallOptions } from './call-options.js';
import { optionalDigest } from './checks.js';

/** The options of a config change (`setConfig`, `setVMConfig`). */
export interface ConfigChangeOptions extends CallOptions {
  /**
   * The `digest` from the config read: the host refuses the change (`APIError`, reason
   * `conflict`) if the config was modified since, instead of overwriting the other edit.
   */
  readonly digest?: string;
  /** Config keys to remove (`mp1`, `net2`, `description`, …). */
  readonly delete?: readonly string[];
  /** Pending changes to revert (keys). */
  readonly revert?: readonly string[];
}

/** PVE's `pve-configid`: the form of a config key in `delete`/`revert` lists. */
const configKey = /^[a-z][a-z0-9_-]+$/i;

function keyList(parameter: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new InvalidArgumentError(parameter, value, 'an array of config keys');
  for (const key of value) {
    if (typeof key !== 'string' || key.length > 64 || !configKey.test(key)) {
      throw new InvalidArgumentError(parameter, key, "config keys such as 'mp0', 'net1' or 'description'");
    }
  }
  return value as string[];
}

/**
 * The body of a config change: the encoded keys `set`, `delete` and `revert` joined with `,`, and
 * the `digest`. Refuses (naming the option) a key both set and deleted, a malformed key or
 * digest, and a change that changes nothing.
 */
export function configChangeBody(
  set: Readonly<Record<string, string>>,
  changes: unknown,
  options: ConfigChangeOptions | undefined,
): Record<string, string> {
  const deleted = keyList('options.delete', options?.delete);
  const reverted = keyList('options.revert', options?.revert);
  const digest = optionalDigest('options.digest', options?.digest);
  for (const key of deleted ?? []) {
    if (key in set) throw new InvalidArgumentError('options.delete', key, 'a key that is not also being set');
  }
  if (Object.keys(set).length === 0 && !deleted?.length && !reverted?.length) {
    throw new InvalidArgumentError('changes', changes, 'at least one change, delete or revert');
  }
  return {
    ...set,
    ...(deleted?.length ? { delete: deleted.join(',') } : {}),
    ...(reverted?.length ? { revert: reverted.join(',') } : {}),
    ...(digest !== undefined && { digest }),
  };
}
