import { UPIDParseError } from '../errors/upid-parse-error.js';
import type { UPID } from './upid.js';

// Field grammars from PVE::UPID (pve-common) and proxmox-rs upid.rs (docs/pve-behaviour.md#upid-format).
const nodeName = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;
const hex8 = /^[0-9A-Fa-f]{8}$/;
const hex8to9 = /^[0-9A-Fa-f]{8,9}$/;
const hex8to16 = /^[0-9A-Fa-f]{8,16}$/;
// PVE forbids `/` in type, id and user; the PBS (Rust) grammar allows it.
const pveName = /^[^:\s/]+$/;
const pveId = /^[^:\s/]*$/;
const pbsName = /^[^:\s]+$/;
const pbsId = /^[^:\s]*$/;
// A token auth id is `user@realm!tokenid`; realm and token id share one grammar and cannot hold `!`.
const tokenAuthId = /^(.+@[A-Za-z][A-Za-z0-9.\-_]+)!([A-Za-z][A-Za-z0-9.\-_]+)$/;

/**
 * Parses a UPID. Accepts PVE's form `UPID:node:PID:PSTART:STARTTIME:type:id:user:` (pstart may
 * have 9 hex digits; id may be empty) and the Backup Server form with a task-id field after
 * pstart. Hex digits may be either case.
 *
 * @throws {UPIDParseError} naming the first field that does not match; nothing else is thrown.
 * @example
 * ```ts
 * const upid = parseUPID('UPID:pve:0000A1B2:00C0FFEE:6750A3C1:vzdump:100:root@pam:');
 * upid.node; // 'pve'
 * ```
 */
export function parseUPID(text: string): UPID {
  if (typeof text !== 'string') throw new UPIDParseError('format', typeof text, 'input must be a string');
  if (!text.startsWith('UPID:') || !text.endsWith(':') || text.length < 6) {
    throw new UPIDParseError('format', text, "must start with 'UPID:' and end with ':'");
  }
  const fields = text.slice(5, -1).split(':');
  if (fields.length === 7) {
    const [node, pid, pstart, starttime, type, id, user] = fields as [string, ...string[]];
    return build(text, 'pve', { node, pid, pstart, starttime, type, id, user });
  }
  if (fields.length === 8) {
    const [node, pid, pstart, taskId, starttime, type, id, user] = fields as [string, ...string[]];
    return build(text, 'pbs', { node, pid, pstart, taskId, starttime, type, id, user });
  }
  throw new UPIDParseError(
    'format',
    text,
    `must have 7 fields (PVE) or 8 fields (Backup Server) between 'UPID:' and the final ':', found ${fields.length}`,
  );
}

interface RawFields {
  node: string | undefined;
  pid: string | undefined;
  pstart: string | undefined;
  taskId?: string | undefined;
  starttime: string | undefined;
  type: string | undefined;
  id: string | undefined;
  user: string | undefined;
}

function build(text: string, kind: 'pve' | 'pbs', raw: RawFields): UPID {
  const node = check(
    text,
    'node',
    raw.node,
    nodeName,
    'must be a host name (letters, digits, inner hyphens)',
  );
  const pid = hexNumber(text, 'pid', raw.pid, hex8, 'must be 8 hex digits');
  const pstart = hexNumber(text, 'pstart', raw.pstart, hex8to9, 'must be 8 or 9 hex digits');
  const taskId =
    kind === 'pbs'
      ? hexNumber(text, 'taskId', raw.taskId, hex8to16, 'must be 8 to 16 hex digits')
      : undefined;
  const starttime = hexNumber(text, 'starttime', raw.starttime, hex8, 'must be 8 hex digits');
  const nameGrammar = kind === 'pve' ? pveName : pbsName;
  const forbidden = kind === 'pve' ? "':', '/' or whitespace" : "':' or whitespace";
  const type = check(text, 'type', raw.type, nameGrammar, `must be non-empty without ${forbidden}`);
  const id = check(text, 'id', raw.id, kind === 'pve' ? pveId : pbsId, `must not contain ${forbidden}`);
  const authId = check(text, 'user', raw.user, nameGrammar, `must be non-empty without ${forbidden}`);
  const token = authId.match(tokenAuthId);
  return {
    kind,
    node,
    pid,
    pstart,
    ...(taskId === undefined ? {} : { taskId }),
    starttime: new Date(starttime * 1000),
    type,
    id,
    user: token ? (token[1] ?? authId) : authId,
    ...(token ? { tokenId: token[2] ?? '' } : {}),
    raw: text,
  };
}

function check(
  text: string,
  field: 'node' | 'type' | 'id' | 'user',
  value: string | undefined,
  grammar: RegExp,
  expected: string,
): string {
  if (value === undefined || !grammar.test(value)) throw new UPIDParseError(field, text, expected);
  return value;
}

function hexNumber(
  text: string,
  field: 'pid' | 'pstart' | 'taskId' | 'starttime',
  value: string | undefined,
  grammar: RegExp,
  expected: string,
): number {
  if (value === undefined || !grammar.test(value)) throw new UPIDParseError(field, text, expected);
  const parsed = Number.parseInt(value, 16);
  // 16 hex digits can exceed 2^53; refuse rather than silently lose precision.
  if (!Number.isSafeInteger(parsed)) throw new UPIDParseError(field, text, 'exceeds the safe integer range');
  return parsed;
}
