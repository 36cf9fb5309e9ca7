import * as v from 'valibot';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { upidStringSchema } from '../schemas/mutation.js';
import { parseResponse } from '../schemas/parse.js';
import type { APIRequester } from '../tasks/requester.js';
import type { UPID } from '../upid/upid.js';
import { assertStorageId, assertVmid } from '../validation/validators.js';
import { type CallOptions, requestOptions } from './call-options.js';
import { optionalBoolean, optionalMatching, optionalOneOf } from './checks.js';
import { parseTaskUPID } from './parse-upid-response.js';
import { nodePath } from './paths.js';

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

/** `POST /nodes/{node}/vzdump`; `null` when there was nothing to back up on this node. */
export async function vzdump(api: APIRequester, node: string, spec: VzdumpSpec): Promise<UPID | null> {
  const path = `${nodePath(node)}/vzdump`;
  if (typeof spec !== 'object' || spec === null) {
    throw new InvalidArgumentError('spec', spec, 'a backup spec { vmid, … }');
  }
  const ids = typeof spec.vmid === 'number' || !Array.isArray(spec.vmid) ? [spec.vmid] : spec.vmid;
  if (ids.length === 0) throw new InvalidArgumentError('spec.vmid', spec.vmid, 'at least one vmid');
  const body = {
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
  const { data } = await api.request('POST', path, requestOptions(spec, { body }));
  const answer = parseResponse(vzdumpResponseSchema, data, `POST ${path}`);
  return answer === 'OK' ? null : parseTaskUPID(answer, `POST ${path}`);
}
