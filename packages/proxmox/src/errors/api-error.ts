import { type PermissionDenial, parsePermissionDenial } from './permission-denial.js';
import { ProxmoxError } from './proxmox-error.js';
import { type HTTPErrorReason, reasonFromStatus } from './reason-from-status.js';

/** What {@link APIError} is built from; the transport fills it from the HTTP response. */
export interface APIErrorInit {
  /** The HTTP status, e.g. 403. */
  readonly status: number;
  /** The request method, upper case. */
  readonly method: string;
  /** The API path below `/api2/json`, e.g. `/nodes/pve/lxc`, without the query. */
  readonly path: string;
  /** The host's message: the body's `message` (PVE ≥ 8.3) or else the HTTP reason phrase. */
  readonly hostMessage: string;
  /** The per-parameter `errors` map of a 400 (or any error body that carries one). */
  readonly errors?: Readonly<Record<string, string>>;
}

/**
 * The host answered with an error status ("the host said no"). `reason` comes from
 * `reasonFromStatus` (`@felhom/proxmox/errors`); a 403 also carries the parsed {@link PermissionDenial}.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (error instanceof APIError && error.permission?.kind === 'privilege')
 *     console.log(`grant ${error.permission.privileges.join(' or ')} on ${error.permission.path}`);
 * }
 * ```
 */
export class APIError extends ProxmoxError {
  override name = 'APIError';
  override readonly reason: HTTPErrorReason;
  /** The HTTP status code. */
  readonly status: number;
  /** The request method, upper case. */
  readonly method: string;
  /** The API path below `/api2/json`, without the query string. */
  readonly path: string;
  /** The host's message, trailing newline removed; `''` when the host sent none (401s). */
  readonly hostMessage: string;
  /** The per-parameter errors of a 400 `Parameter verification failed.`, when present. */
  readonly errors: Readonly<Record<string, string>> | undefined;
  /** For a permission failure: which check failed, parsed from the host's message. */
  readonly permission: PermissionDenial | undefined;
  /** True when only `root@pam` may do this; no token privilege will help. */
  readonly requiresRoot: boolean;

  constructor(init: APIErrorInit) {
    const hostMessage = init.hostMessage.trim();
    super(formatMessage(init, hostMessage));
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.hostMessage = hostMessage;
    this.errors = init.errors;
    this.reason = reasonFromStatus(init.status, hostMessage);
    this.permission = init.status === 403 ? parsePermissionDenial(hostMessage) : undefined;
    this.requiresRoot = this.permission?.kind === 'root-only';
  }
}

function formatMessage(init: APIErrorInit, hostMessage: string): string {
  const said = hostMessage === '' ? `${init.status}` : `${init.status} ${hostMessage}`;
  const details = init.errors
    ? ` (${Object.entries(init.errors)
        .map(([parameter, text]) => `${parameter}: ${text.trim()}`)
        .join('; ')})`
    : '';
  return `Proxmox API request failed: ${init.method} ${init.path} — host said ${said}${details}`;
}
