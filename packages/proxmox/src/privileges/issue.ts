import type { OperationName } from '../operations/index.js';
import type { PvePrivilege } from './privilege-names.js';
import type { CheckSource } from './types.js';

/** The client methods whose privilege requirements {@link requiredPrivileges} describes. */
export type ClientMethodName = OperationName;

/** One reason a token cannot (fully) use a method. */
export interface PrivilegeIssue {
  /** The client method. */
  readonly method: ClientMethodName;
  /** The privileges missing (for `any-of`, all of the alternatives). */
  readonly missing: readonly PvePrivilege[];
  /** The ACL path checked, with placeholders filled from the context where known. */
  readonly path: string;
  /** `all-of`, `any-of`, `filtered` (the call works but shows less) or `owner-or`. */
  readonly mode: 'all-of' | 'any-of' | 'filtered' | 'owner-or';
  /** Where PVE checks it (a `worker` check fails the task, not the request). */
  readonly source: CheckSource;
  /** What to do about it, with a `pveum` command. */
  readonly hint: string;
}
