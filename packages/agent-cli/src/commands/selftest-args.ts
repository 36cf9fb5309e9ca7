import { UsageError } from '../exit-codes.js';

/** `--vmid N`: a container id as Proxmox VE allows it. */
export function parseVmid(raw: string): number {
  if (!/^[1-9][0-9]{2,8}$/.test(raw))
    throw new UsageError(`--vmid must be a container id from 100 to 999999999, got "${raw}"`);
  return Number(raw);
}

const MAX_TIMEOUT_MS = 2_147_483_647;

/** `--timeout`: milliseconds (`5000`, `5000ms`) or seconds (`5s`), a positive whole number. */
export function parseTimeout(raw: string): number {
  const match = /^([1-9][0-9]*)(ms|s)?$/.exec(raw.trim());
  const value = match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : Number.NaN;
  if (!Number.isSafeInteger(value) || value > MAX_TIMEOUT_MS)
    throw new UsageError(
      `--timeout must be a positive whole number of ms (5000) or seconds (5s), got "${raw}"`,
    );
  return value;
}
