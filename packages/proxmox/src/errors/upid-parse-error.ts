import { ProxmoxError } from './proxmox-error.js';

/** The UPID fields {@link UPIDParseError.field} can name. */
export type UPIDField =
  | 'format'
  | 'node'
  | 'pid'
  | 'pstart'
  | 'taskId'
  | 'starttime'
  | 'type'
  | 'id'
  | 'user';

/** A string is not a valid Proxmox VE (or Backup Server) UPID; names the first bad field. */
export class UPIDParseError extends ProxmoxError {
  override name = 'UPIDParseError';
  override readonly reason = 'invalid-argument' as const;
  /** The offending field, or `format` when the overall shape is wrong. */
  readonly field: UPIDField;
  /** The input (cut to 200 characters). */
  readonly input: string;

  constructor(field: UPIDField, input: string, expected: string) {
    const shown = input.length > 200 ? `${input.slice(0, 197)}...` : input;
    super(`invalid UPID ${JSON.stringify(shown)}: ${field} ${expected}`);
    this.field = field;
    this.input = shown;
  }
}
