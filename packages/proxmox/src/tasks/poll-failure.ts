import { APIError } from '../errors/api-error.js';
import { isProxmoxError } from '../errors/proxmox-error.js';

/**
 * The 400 "no such task" a UPID gets until its task log file exists (pve-manager
 * PVE/API2/Tasks.pm: `raise_param_exc({ upid => "no such task" }) if ! -f $filename`).
 */
export function isUnknownTask(error: unknown): boolean {
  return (
    error instanceof APIError &&
    error.status === 400 &&
    /no such task/i.test(`${error.hostMessage} ${Object.values(error.errors ?? {}).join(' ')}`)
  );
}

/** A poll failure worth another poll: the connection, a timeout, a 5xx or 595/596. */
export function isTransient(error: unknown): boolean {
  if (!isProxmoxError(error)) return false;
  return (
    error.reason === 'network' ||
    error.reason === 'timeout' ||
    error.reason === 'server' ||
    error.reason === 'node-unreachable'
  );
}
