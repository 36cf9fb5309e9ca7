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

/**
 * Parses a string UPID. A parsed one is parsed again from its `raw` string, and its fields must
 * match what that yields: an object passed back in is never trusted for the node or path it
 * names. Either way it must be a PVE task (PBS tasks live on PBS).
 */
export function toUPID(input: UPIDInput): UPID {
  if (
    typeof input !== 'string' &&
    (typeof input !== 'object' || input === null || typeof input.raw !== 'string')
  ) {
    throw new InvalidArgumentError('upid', input, 'a UPID string or a parsed UPID');
  }
  const upid = parseUPID(typeof input === 'string' ? input : input.raw);
  if (typeof input !== 'string' && !sameFields(upid, input)) {
    throw new InvalidArgumentError(
      'upid',
      upid.raw,
      'a parsed UPID whose fields match its raw string (pass parseUPID() output unchanged, or the string)',
    );
  }
  if (upid.kind !== 'pve') {
    throw new InvalidArgumentError('upid', upid.raw, 'a Proxmox VE UPID (this is a Backup Server task)');
  }
  return upid;
}

function sameFields(parsed: UPID, given: UPID): boolean {
  return (
    given.kind === parsed.kind &&
    given.node === parsed.node &&
    given.pid === parsed.pid &&
    given.pstart === parsed.pstart &&
    given.taskId === parsed.taskId &&
    given.starttime instanceof Date &&
    given.starttime.getTime() === parsed.starttime.getTime() &&
    given.type === parsed.type &&
    given.id === parsed.id &&
    given.user === parsed.user &&
    given.tokenId === parsed.tokenId
  );
}

/** `/nodes/{node}/tasks/{upid}` for the node named in the UPID. */
export function taskPath(upid: UPID): string {
  return `/nodes/${encodePathSegment(upid.node)}/tasks/${encodePathSegment(upid.raw)}`;
}
