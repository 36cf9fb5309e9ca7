import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { encodePathSegment } from '../transport/encoding.js';
import type { ProxmoxResponse } from '../transport/response.js';
import type { HTTPMethod, RequestOptions } from '../transport/transport.js';
import { parseUPID } from '../upid/parse-upid.js';
import type { UPID } from '../upid/upid.js';

/** The part of the client the task helpers use (a `ProxmoxClient` is one). */
export interface APIRequester {
  /** Sends one API request and resolves to the unwrapped `{ data, total }` (see `ProxmoxClient.request`). */
  request<T = unknown>(
    method: HTTPMethod,
    path: string,
    options?: RequestOptions,
  ): Promise<ProxmoxResponse<T>>;
}

/** A UPID as a string or already parsed. */
export type UPIDInput = string | UPID;

/** Parses a string UPID; checks that a parsed one is a PVE task (PBS tasks live on PBS). */
export function toUPID(input: UPIDInput): UPID {
  const upid = typeof input === 'string' ? parseUPID(input) : input;
  if (typeof upid !== 'object' || upid === null || typeof upid.raw !== 'string') {
    throw new InvalidArgumentError('upid', input, 'a UPID string or a parsed UPID');
  }
  if (upid.kind !== 'pve') {
    throw new InvalidArgumentError('upid', upid.raw, 'a Proxmox VE UPID (this is a Backup Server task)');
  }
  return upid;
}

/** `/nodes/{node}/tasks/{upid}` for the node named in the UPID. */
export function taskPath(upid: UPID): string {
  return `/nodes/${encodePathSegment(upid.node)}/tasks/${encodePathSegment(upid.raw)}`;
}
