import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { UPID } from './upid.js';

/** The fields {@link formatUPID} reads; `raw` is ignored, so an edited copy formats correctly. */
export type UPIDFields = Omit<UPID, 'raw'>;

/**
 * Formats a UPID the way Proxmox writes it: upper-case hex, at least 8 digits
 * (`%08X`), a token user re-joined as `user@realm!tokenId`, and the trailing `:`.
 * `formatUPID(parseUPID(s)) === s` for every UPID a host emits.
 *
 * @throws {InvalidArgumentError} when a number is negative or not an integer, or a PBS UPID
 *   has no `taskId`.
 */
export function formatUPID(upid: UPIDFields): string {
  const seconds = upid.starttime.getTime() / 1000;
  const parts = [upid.node, hex('pid', upid.pid), hex('pstart', upid.pstart)];
  if (upid.kind === 'pbs') {
    if (upid.taskId === undefined)
      throw new InvalidArgumentError('upid.taskId', undefined, 'a number for a PBS UPID');
    parts.push(hex('taskId', upid.taskId));
  }
  parts.push(hex('starttime', seconds), upid.type, upid.id);
  parts.push(upid.tokenId === undefined ? upid.user : `${upid.user}!${upid.tokenId}`);
  return `UPID:${parts.join(':')}:`;
}

function hex(field: string, value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidArgumentError(`upid.${field}`, value, 'a non-negative integer');
  }
  return value.toString(16).toUpperCase().padStart(8, '0');
}
