import { parseFreshResponse } from '../schemas/parse.js';
import { type TaskStatus, taskStatusSchema } from '../schemas/tasks.js';
import { type APIRequester, taskPath, toUPID, type UPIDInput } from './requester.js';

/** Per-call options of the task helpers. */
export interface TaskCallOptions {
  /** Cancels the call. */
  readonly signal?: AbortSignal;
  /**
   * Each request's per-attempt timeout in ms, instead of the client's.
   * @default the client's `timeout`
   */
  readonly timeout?: number;
}

/**
 * Reads a task's status once, from the node named in the UPID.
 *
 * @throws {APIError} e.g. 400 `no such task` right after creation, or 403.
 */
export async function taskStatusOnce(
  api: APIRequester,
  upidInput: UPIDInput,
  options: TaskCallOptions = {},
): Promise<TaskStatus> {
  const upid = toUPID(upidInput);
  const path = `${taskPath(upid)}/status`;
  const response = await api.request('GET', path, {
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
  return parseFreshResponse(taskStatusSchema, response.data, `GET ${path}`);
}
