import type { ProxmoxErrorReason } from './proxmox-error.js';

/** The reasons an HTTP error status can map to (the others come from outside HTTP). */
export type HTTPErrorReason = Extract<
  ProxmoxErrorReason,
  'auth' | 'permission' | 'not-found' | 'conflict' | 'locked' | 'node-unreachable' | 'server' | 'bad-request'
>;

// pveproxy passes AnyEvent::HTTP's own statuses through when it cannot reach the node it
// proxies to: 595 connection, 596 TLS/request phase, 599 anything else
// (docs/pve-behaviour.md#595-596-and-599-from-proxying).
const nodeUnreachableStatuses = new Set([595, 596, 599]);

// PVE answers most handler failures with a plain `die` → 500 and the text decides the meaning.
const lockedText = /can't lock file .*got timeout|\b(?:CT|VM) is locked\b/i;
const conflictText = /detected modified configuration|checksum mismatch|already exists|already used/i;
const notFoundText = /does not exist|no such /i;

/**
 * Maps an HTTP error status and the host's message to a {@link ProxmoxErrorReason}. The one
 * place that knows how Proxmox VE signals each failure:
 *
 * - 401 → `auth`; 403 → `permission`; 595/596/599 → `node-unreachable` (checked first: the text
 *   of these is about the network, not the request).
 * - 5xx whose text says "can't lock file … got timeout" or "CT is locked" → `locked` (transient);
 *   "detected modified configuration" (containers) / "checksum mismatch" (VMs, a stale digest) /
 *   "already exists" / "already used" → `conflict`;
 *   "does not exist" / "no such …" → `not-found`; any other 5xx → `server`.
 * - 404 → `not-found`; any other 4xx → `bad-request`.
 *
 * @param status - The HTTP status code (≥ 400).
 * @param message - The host's message: the body's `message` or the reason phrase; may be empty.
 */
export function reasonFromStatus(status: number, message: string): HTTPErrorReason {
  if (status === 401) return 'auth';
  if (status === 403) return 'permission';
  if (nodeUnreachableStatuses.has(status)) return 'node-unreachable';
  if (status >= 500) {
    if (lockedText.test(message)) return 'locked';
    if (conflictText.test(message)) return 'conflict';
    if (notFoundText.test(message)) return 'not-found';
    return 'server';
  }
  if (status === 404) return 'not-found';
  return 'bad-request';
}
