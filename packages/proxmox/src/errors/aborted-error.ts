import { ProxmoxError } from './proxmox-error.js';

/** The caller's `AbortSignal` fired; `cause` is the signal's reason. */
export class AbortedError extends ProxmoxError {
  override name = 'AbortedError';
  override readonly reason = 'aborted' as const;
  /** What was aborted, e.g. `GET /version` or `waitTask UPID:…`. */
  readonly operation: string;

  constructor(operation: string, signalReason: unknown) {
    super(`aborted: ${operation}`, { cause: signalReason });
    this.operation = operation;
  }
}
