import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { codeCheck, schemaCheck, whenOption } from '../../privileges/check-builders.js';
import { assertNodeName, assertStorageId } from '../../validation/validators.js';
import { upidAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalBoolean, optionalInteger } from '../checks.js';
import { defineOperation } from '../define.js';
import { guestPathValues } from './guest-path.js';

/**
 * Options of `migrate(node, vmid, target, options)`. `timeout` here is the host's shutdown
 * timeout of restart mode (in seconds, as PVE takes it), not the HTTP timeout: the call itself
 * returns at once with a UPID. Containers have no live migration (PVE refuses `online`), so a
 * running container moves only with `restart`.
 */
export interface MigrateOptions extends Omit<CallOptions, 'timeout'> {
  /**
   * Restart mode: shut the running container down, move it, start it on the target. Without it
   * a running container is refused (`APIError`, "can't migrate running container").
   * @default false
   */
  readonly restart?: boolean;
  /**
   * Seconds the container gets to shut down in restart mode.
   * @default 180 (PVE's default)
   */
  readonly timeout?: number;
  /**
   * Where local volumes go on the target: one storage id for all of them, or a map from source
   * storage to target storage (`{ 'local-lvm': 'fast' }`).
   * @default the same storage ids on the target
   */
  readonly targetStorage?: string | Readonly<Record<string, string>>;
  /** Bandwidth limit of the volume transfer, KiB/s. @default the datacenter's migration limit */
  readonly bwlimit?: number;
  /**
   * The HTTP per-attempt timeout in ms for this call.
   * @default the client's `timeout`
   */
  readonly requestTimeout?: number;
}

/** `storage-pair-list`: `target` for every volume, or `source:target,…`. */
function storageMap(value: MigrateOptions['targetStorage']): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return assertStorageId(value, 'options.targetStorage');
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    Object.keys(value).length === 0
  ) {
    throw new InvalidArgumentError(
      'options.targetStorage',
      value,
      'a storage id, or a non-empty map from source storage to target storage',
    );
  }
  return Object.entries(value)
    .map(
      ([source, target]) =>
        `${assertStorageId(source, 'options.targetStorage')}:${assertStorageId(target, `options.targetStorage.${source}`)}`,
    )
    .join(',');
}

/** `POST /nodes/{node}/lxc/{vmid}/migrate`. */
export const migrateOperation = {
  /**
   * Moves a container to another node of the cluster (`POST …/lxc/{vmid}/migrate`), in a
   * `vzmigrate` task (`hamigrate` for an HA-managed container, which only queues the request
   * with the HA manager). A running container needs `restart`. Needs `VM.Migrate` on
   * `/vms/{vmid}`; with `targetStorage` also `VM.Config.Disk` on it and `Datastore.AllocateSpace`
   * on each target storage.
   */
  migrate: defineOperation({
    method: 'POST',
    path: '/nodes/{node}/lxc/{vmid}/migrate',
    privileges: {
      access: 'all-of',
      checks: [
        schemaCheck('/vms/{vmid}', ['VM.Migrate'], false, 'moving a guest to another node'),
        codeCheck(
          'handler',
          '/vms/{vmid}',
          ['VM.Config.Disk'],
          whenOption('target-storage'),
          'a storage mapping changes where the volumes live',
        ),
        codeCheck(
          'handler',
          '/storage/{storage}',
          ['Datastore.AllocateSpace'],
          whenOption('target-storage'),
          'each target storage of the mapping receives volumes (and must exist on the target node)',
        ),
      ],
      rootOnly: [],
    },
    request: (node: string, vmid: number, target: string, options?: MigrateOptions) => {
      const path = guestPathValues(node, vmid);
      const targetNode = assertNodeName(target, 'target');
      if (targetNode === path.node) {
        throw new InvalidArgumentError('target', target, 'another node than the one the container is on');
      }
      const call: CallOptions = {
        ...(options?.signal !== undefined && { signal: options.signal }),
        ...(options?.requestTimeout !== undefined && { timeout: options.requestTimeout }),
      };
      return {
        path,
        parameters: {
          target: targetNode,
          restart: optionalBoolean('options.restart', options?.restart),
          timeout: optionalInteger('options.timeout', options?.timeout, 0, 86_400),
          'target-storage': storageMap(options?.targetStorage),
          bwlimit: optionalInteger('options.bwlimit', options?.bwlimit),
        },
        call,
      };
    },
    answer: upidAnswer,
  }),
};
