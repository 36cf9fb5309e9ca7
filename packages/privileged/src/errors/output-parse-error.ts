import type { BaseIssue } from 'valibot';
import { PrivilegedError } from './privileged-error.js';

/**
 * A command's output was not in the documented shape: not JSON at all (`fieldPath` is `$`), or
 * JSON whose fields did not match the schema (`issues` holds the valibot issues). Kept apart from
 * `CommandFailedError`: the command may well have succeeded.
 */
export class OutputParseError extends PrivilegedError {
  override name = 'OutputParseError';
  override readonly reason = 'parse' as const;
  /** The command whose output failed, e.g. `sensors -j`. */
  readonly command: string;
  /** Dotted path of the first offending field; `$` for the whole document. */
  readonly fieldPath: string;
  /** The valibot issues (empty when the text was not JSON). */
  readonly issues: readonly BaseIssue<unknown>[];

  constructor(init: {
    command: string;
    fieldPath: string;
    detail: string;
    issues?: readonly BaseIssue<unknown>[];
    cause?: unknown;
  }) {
    super(
      `unexpected output from ${init.command} at ${init.fieldPath}: ${init.detail}`,
      'cause' in init ? { cause: init.cause } : {},
    );
    this.command = init.command;
    this.fieldPath = init.fieldPath;
    this.issues = init.issues ?? [];
  }
}
