/**
 * The simulator's own UPID encoder, written from PVE's `PVE::UPID::encode` (pve-common), so the
 * client's parser is tested against an independent implementation: `UPID:node:PID:PSTART:STARTTIME:type:id:user:`
 * with upper-case, zero-padded hex (pstart may need a ninth digit).
 */
export interface SimUpidFields {
  readonly node: string;
  readonly pid: number;
  readonly pstart: number;
  /** Seconds since the epoch. */
  readonly starttime: number;
  readonly type: string;
  readonly id: string;
  readonly user: string;
}

const hex8 = (value: number): string => value.toString(16).toUpperCase().padStart(8, '0');

/** Encodes the fields exactly as `sprintf("UPID:%s:%08X:%08X:%08X:%s:%s:%s:", …)` does. */
export function encodeUpid(fields: SimUpidFields): string {
  return `UPID:${fields.node}:${hex8(fields.pid)}:${hex8(fields.pstart)}:${hex8(fields.starttime)}:${fields.type}:${fields.id}:${fields.user}:`;
}

const UPID_RE =
  /^UPID:([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8}):([^:\s/]+):([^:\s/]*):([^:\s/]+):$/;

/** `PVE::UPID::decode` as the task endpoints use it: `undefined` where PVE says "unable to parse worker upid". */
export function decodeUpid(upid: string): SimUpidFields | undefined {
  const m = UPID_RE.exec(upid);
  if (!m) return undefined;
  return {
    node: m[1]!,
    pid: Number.parseInt(m[3]!, 16),
    pstart: Number.parseInt(m[4]!, 16),
    starttime: Number.parseInt(m[5]!, 16),
    type: m[6]!,
    id: m[7]!,
    user: m[8]!,
  };
}
