import { parseResponse } from '../schemas/parse.js';
import { type SnapshotList, snapshotListSchema } from '../schemas/snapshots.js';
import type { APIRequester } from '../tasks/requester.js';
import { encodePathSegment } from '../transport/encoding.js';
import type { UPID } from '../upid/upid.js';
import { assertSnapshotName } from '../validation/validators.js';
import { type CallOptions, requestOptions } from './call-options.js';
import { optionalBoolean, optionalMatching } from './checks.js';
import { parseTaskUPID } from './parse-upid-response.js';
import { guestPath } from './paths.js';

// Container snapshots: list, take, roll back, delete. Internal; reached through ProxmoxClient.

/** Options of `snapshot(node, vmid, options)`. */
export interface SnapshotOptions extends CallOptions {
  /** The snapshot name: a letter, then letters, digits, `_`, `-`; 2 to 40 characters. */
  readonly name: string;
  /** A free-text description. */
  readonly description?: string;
}

/** Options of `rollback(node, vmid, name, options)`. */
export interface RollbackOptions extends CallOptions {
  /**
   * Start the container after the rollback (PVE 7.2+; a running container is stopped first).
   * @default false
   */
  readonly start?: boolean;
}

/** Options of `deleteSnapshot(node, vmid, name, options)`. */
export interface DeleteSnapshotOptions extends CallOptions {
  /**
   * Remove the snapshot from the config even if removing its storage snapshot fails, and
   * ignore a lock.
   * @default false
   */
  readonly force?: boolean;
}

/** `GET /nodes/{node}/lxc/{vmid}/snapshot`. */
export async function listSnapshots(
  api: APIRequester,
  node: string,
  vmid: number,
  options?: CallOptions,
): Promise<SnapshotList> {
  const path = `${guestPath(node, vmid)}/snapshot`;
  const { data } = await api.request('GET', path, requestOptions(options));
  return parseResponse(snapshotListSchema, data, `GET ${path}`);
}

// PVE keeps descriptions in the config file; any printable text is fine, but bound it.
const descriptionFormat = /^[^\0]*$/;

/** `POST /nodes/{node}/lxc/{vmid}/snapshot`. */
export async function snapshot(
  api: APIRequester,
  node: string,
  vmid: number,
  options: SnapshotOptions,
): Promise<UPID> {
  const path = `${guestPath(node, vmid)}/snapshot`;
  const snapname = assertSnapshotName(options?.name, 'options.name');
  const description = optionalMatching(
    'options.description',
    options.description,
    descriptionFormat,
    'text without NUL characters, at most 8192 characters',
    8192,
  );
  const { data } = await api.request(
    'POST',
    path,
    requestOptions(options, { body: { snapname, description } }),
  );
  return parseTaskUPID(data, `POST ${path}`);
}

/** `POST /nodes/{node}/lxc/{vmid}/snapshot/{snapname}/rollback`. */
export async function rollback(
  api: APIRequester,
  node: string,
  vmid: number,
  name: string,
  options?: RollbackOptions,
): Promise<UPID> {
  const path = `${guestPath(node, vmid)}/snapshot/${encodePathSegment(assertSnapshotName(name, 'name'))}/rollback`;
  const start = optionalBoolean('options.start', options?.start);
  const body = start === undefined ? undefined : { start };
  const { data } = await api.request('POST', path, requestOptions(options, body ? { body } : {}));
  return parseTaskUPID(data, `POST ${path}`);
}

/** `DELETE /nodes/{node}/lxc/{vmid}/snapshot/{snapname}`. */
export async function deleteSnapshot(
  api: APIRequester,
  node: string,
  vmid: number,
  name: string,
  options?: DeleteSnapshotOptions,
): Promise<UPID> {
  const path = `${guestPath(node, vmid)}/snapshot/${encodePathSegment(assertSnapshotName(name, 'name'))}`;
  const force = optionalBoolean('options.force', options?.force);
  const { data } = await api.request('DELETE', path, requestOptions(options, { query: { force } }));
  return parseTaskUPID(data, `DELETE ${path}`);
}
