import type { Agent } from 'undici';
import type { APIRequester, UPIDInput } from '../tasks/requester.js';
import type { TaskLogLine, TaskStatus } from '../tasks/schemas.js';
import { type TaskLogOptions, taskLog, taskLogTail } from '../tasks/task-log.js';
import { type TaskCallOptions, taskStatusOnce } from '../tasks/task-status.js';
import { type TaskResult, type WaitTaskOptions, waitTask } from '../tasks/wait-task.js';
import { createCAAgent } from '../tls/ca-agent.js';
import { createPinnedAgent } from '../tls/pinned-agent.js';
import type { ProxmoxResponse } from '../transport/response.js';
import { type HTTPMethod, type RequestOptions, Transport } from '../transport/transport.js';
import type { ProxmoxClientOptions } from './options.js';
import { validateOptions } from './validate-options.js';

/**
 * A client for one Proxmox VE host (or cluster entry point), authenticated with an API token.
 *
 * The token secret is held only inside the HTTP layer: it is not a property, not in
 * `util.inspect(client)`, not in `JSON.stringify(client)`, not in any error or log event.
 *
 * @example
 * ```ts
 * const client = new ProxmoxClient({
 *   baseUrl: 'https://pve.example.com:8006',
 *   token: { id: 'felhom@pve!agent', secret: process.env.PVE_TOKEN_SECRET! },
 *   tls: { fingerprint: 'E1:09:…:3D' },
 * });
 * const { data } = await client.request<{ version: string }>('GET', '/version');
 * ```
 */
export class ProxmoxClient implements APIRequester {
  /** The host's origin, e.g. `https://pve.example.com:8006`. */
  readonly baseUrl: string;
  /** The token id (never the secret). */
  readonly tokenId: string;
  readonly #transport: Transport;
  readonly #agent: Agent | undefined;

  /** @throws {InvalidArgumentError} naming the first option that is wrong. */
  constructor(options: ProxmoxClientOptions) {
    const resolved = validateOptions(options);
    this.baseUrl = resolved.origin;
    this.tokenId = resolved.tokenId;
    const settings = { connections: resolved.concurrency };
    const tls = resolved.tls;
    // Without tls options the global dispatcher (system CAs, keep-alive) serves the requests.
    this.#agent =
      tls === undefined
        ? undefined
        : 'fingerprint' in tls
          ? createPinnedAgent(tls.fingerprint, settings)
          : createCAAgent(tls.ca, settings);
    this.#transport = new Transport({
      apiBase: `${resolved.origin}/api2/json`,
      tokenId: resolved.tokenId,
      authorization: `PVEAPIToken=${resolved.tokenId}=${resolved.secret}`,
      timeout: resolved.timeout,
      retry: resolved.retry,
      concurrency: resolved.concurrency,
      logger: options.logger,
      signal: options.signal,
      fetch: options.fetch,
      dispatcher: this.#agent,
    });
  }

  /**
   * Calls any API endpoint: the escape hatch under every typed method. `path` is below
   * `/api2/json` and its segments are already encoded (see `encodePathSegment`). GETs are
   * retried on transient failures; POST/PUT/DELETE never. The envelope is unwrapped; `data` is
   * not validated here.
   *
   * @throws {APIError} for an error status; {@link NetworkError}, {@link TimeoutError},
   *   {@link TLSError}, {@link TLSPinError}, {@link AbortedError}, {@link ResponseShapeError}
   *   (no `{data}` envelope), {@link InvalidArgumentError} (bad path or options).
   */
  request<T = unknown>(
    method: HTTPMethod,
    path: string,
    options?: RequestOptions,
  ): Promise<ProxmoxResponse<T>> {
    return this.#transport.request<T>(method, path, options);
  }

  /** Reads a task's status once from the node in its UPID. */
  taskStatusOnce(upid: UPIDInput, options?: TaskCallOptions): Promise<TaskStatus> {
    return taskStatusOnce(this, upid, options);
  }

  /** The last `lines` lines of a task's log, in at most two requests. */
  taskLogTail(upid: UPIDInput, lines: number, options?: TaskCallOptions): Promise<TaskLogLine[]> {
    return taskLogTail(this, upid, lines, options);
  }

  /** The task's log lines as an async iterator that follows a running task until it stops. */
  taskLog(upid: UPIDInput, options?: TaskLogOptions): AsyncGenerator<TaskLogLine, void, undefined> {
    return taskLog(this, upid, options);
  }

  /**
   * Waits for a task to end; resolves for `OK` and `WARNINGS: N`, throws {@link TaskError} on
   * failure. See {@link WaitTaskOptions} for the polling schedule.
   */
  waitTask(upid: UPIDInput, options?: WaitTaskOptions): Promise<TaskResult> {
    return waitTask(this, upid, options);
  }

  /** Closes the client's own connections (pinned or CA mode); later requests fail. */
  async close(): Promise<void> {
    await this.#agent?.close();
  }
}
