import * as v from 'valibot';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { always, codeCheck, whenOption } from '../../privileges/check-builders.js';
import { upidStringSchema } from '../../schemas/mutation.js';
import { parseFreshResponse } from '../../schemas/parse.js';
import { parseTaskUPID } from '../../schemas/task-upid.js';
import type { UPID } from '../../upid/upid.js';
import { assertNodeName, assertStorageId, assertVmid } from '../../validation/validators.js';
import { customAnswer } from '../answers.js';
import type { CallOptions } from '../call-options.js';
import { optionalBoolean, optionalMatching, optionalOneOf } from '../checks.js';
import { defineOperation } from '../define.js';

/** What `vzdump(node, spec)` backs up, where and how. */
export interface VzdumpSpec extends CallOptions {
  /** The guest(s) to back up; only those on `node` are (others are skipped by the host). */
  readonly vmid: number | readonly number[];
  /**
   * `snapshot` (live, via a storage snapshot), `suspend` (brief freeze) or `stop` (stop, back
   * up, start again).
   * @default 'snapshot'
   */
  readonly mode?: 'snapshot' | 'suspend' | 'stop';
  /** The backup storage. @default the node's default (`local`) */
  readonly storage?: string;
  /** Compression; `'0'` for none. @default '0' (PVE's default) */
  readonly compress?: '0' | 'gzip' | 'lzo' | 'zstd';
  /**
   * The backup's notes; `{{guestname}}`, `{{vmid}}`, `{{node}}` and `{{cluster}}` are filled in,
   * `\n` is a line break.
   */
  readonly notesTemplate?: string;
  /** Prune older backups on the storage by its retention settings. @default true (PVE's default) */
  readonly remove?: boolean;
  /** Mark the backup protected (not pruned). @default false */
  readonly protected?: boolean;
}

/** vzdump answers `OK` instead of a UPID when no listed guest is on the node. */
const vzdumpResponseSchema = v.union([upidStringSchema, v.literal('OK')]);
const notesFormat = /^[^\0\r\n]*$/;

function vzdumpParameters(spec: VzdumpSpec) {
  if (typeof spec !== 'object' || spec === null) {
    throw new InvalidArgumentError('spec', spec, 'a backup spec { vmid, … }');
  }
  const ids = typeof spec.vmid === 'number' || !Array.isArray(spec.vmid) ? [spec.vmid] : spec.vmid;
  if (ids.length === 0) throw new InvalidArgumentError('spec.vmid', spec.vmid, 'at least one vmid');
  return {
    vmid: ids
      .map((id, index) => assertVmid(id, ids.length > 1 ? `spec.vmid[${index}]` : 'spec.vmid'))
      .join(','),
    mode: optionalOneOf('spec.mode', spec.mode, ['snapshot', 'suspend', 'stop'] as const),
    storage: spec.storage === undefined ? undefined : assertStorageId(spec.storage, 'spec.storage'),
    compress: optionalOneOf('spec.compress', spec.compress, ['0', 'gzip', 'lzo', 'zstd'] as const),
    'notes-template': optionalMatching(
      'spec.notesTemplate',
      spec.notesTemplate,
      notesFormat,
      'one line of text (write \\n for a line break), at most 1024 characters',
      1024,
    ),
    remove: optionalBoolean('spec.remove', spec.remove),
    protected: optionalBoolean('spec.protected', spec.protected),
  };
}

/** `POST /nodes/{node}/vzdump`; `null` when there was nothing to back up on this node. */
export const vzdumpOperation = {
  /**
   * Backs up guests on a node (`POST /nodes/{node}/vzdump`). Resolves to `null` when none of
   * the guests is on that node (the host answers `OK` and starts no task). `VM.Backup` is
   * checked inside the task, so a missing one fails the task, not this call.
   */
  vzdump: defineOperation({
    method: 'POST',
    path: '/nodes/{node}/vzdump',
    privileges: {
      access: 'all-of',
      checks: [
        codeCheck(
          'handler',
          '/storage/{storage}',
          ['Datastore.AllocateSpace'],
          whenOption('storage'),
          'the archive is written to the backup storage',
        ),
        codeCheck(
          'worker',
          '/vms/{vmid}',
          ['VM.Backup'],
          always,
          'checked for each listed guest inside the task; a miss fails the whole task',
        ),
        codeCheck(
          'handler',
          '/storage/{fleecingStorage}',
          ['Datastore.AllocateSpace'],
          whenOption('fleecing'),
          'the fleecing images are allocated on the fleecing storage',
        ),
        codeCheck(
          'handler',
          '/storage/{storage}',
          ['Datastore.Allocate'],
          whenOption('prune-backups', 'maxfiles'),
          'overriding the retention of the storage',
        ),
        codeCheck(
          'handler',
          '/',
          ['Sys.Modify'],
          whenOption('bwlimit', 'performance', 'ionice'),
          'changing I/O limits of the node',
        ),
      ],
      rootOnly: ['tmpdir', 'dumpdir', 'script', 'job-id'],
      versionNotes:
        "PVE 8.4's permission text also names 'maxfiles' next to 'prune-backups' (Datastore.Allocate).",
    },
    request: (node: string, spec: VzdumpSpec) => {
      const path = { node: assertNodeName(node) };
      return { path, parameters: vzdumpParameters(spec), call: spec };
    },
    answer: customAnswer(
      (data, endpoint): UPID | null => {
        const answer = parseFreshResponse(vzdumpResponseSchema, data, endpoint);
        return answer === 'OK' ? null : parseTaskUPID(answer, endpoint);
      },
      { upid: true },
    ),
  }),
};
