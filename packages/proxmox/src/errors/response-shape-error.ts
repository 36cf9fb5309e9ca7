import type { BaseIssue } from 'valibot';
import { ProxmoxError } from './proxmox-error.js';

/**
 * The host answered, but the body did not match the schema for its endpoint. Kept apart from
 * `APIError` ("the host said no"): this one means "we could not understand what it said".
 */
export class ResponseShapeError extends ProxmoxError {
  override name = 'ResponseShapeError';
  override readonly reason = 'shape' as const;
  /** The endpoint whose response failed, as `METHOD /path` with the concrete path. */
  readonly endpoint: string;
  /** Dotted path of the first offending field, e.g. `data[3].vmid`; `data` for the root. */
  readonly fieldPath: string;
  /** The valibot issues, for tools that want all of them. */
  readonly issues: readonly BaseIssue<unknown>[];

  constructor(init: { endpoint: string; fieldPath: string; issues: readonly BaseIssue<unknown>[] }) {
    const first = init.issues[0];
    const detail = first ? `: ${first.message}` : '';
    super(`unexpected response shape from ${init.endpoint} at ${init.fieldPath}${detail}`);
    this.endpoint = init.endpoint;
    this.fieldPath = init.fieldPath;
    this.issues = init.issues;
  }
}
