import type { Agent } from 'undici';
import type { GuestConfig, GuestConfigChanges } from '../guest-config/types.js';
import type {
  CallOptions,
  ClusterResourcesFilter,
  DeleteSnapshotOptions,
  GuestConfigOptions,
  GuestStatusWithVmid,
  ListStorageOptions,
  NodeStorageOptions,
  RestoreLXCSpec,
  RollbackOptions,
  SetConfigOptions,
  ShutdownOptions,
  SnapshotOptions,
  StorageContentFilter,
  TaskListFilter,
  VzdumpSpec,
} from '../resources/index.js';
import * as resources from '../resources/index.js';
import type { ClusterResource } from '../schemas/cluster-resources.js';
import type { Guest } from '../schemas/guest.js';
import type { NodeStatus } from '../schemas/node-status.js';
import type { NodeListItem } from '../schemas/nodes.js';
import type { Permissions } from '../schemas/permissions.js';
import type { SnapshotList } from '../schemas/snapshots.js';
import type { NodeStorage, StorageConfig } from '../schemas/storage.js';
import type { StorageContentItem } from '../schemas/storage-content.js';
import type { TaskListItem } from '../schemas/task-list.js';
import type { PveVersion } from '../schemas/version.js';
import type { APIRequester, UPIDInput } from '../tasks/requester.js';
import type { TaskLogLine, TaskStatus } from '../tasks/schemas.js';
import { type TaskLogOptions, taskLog, taskLogTail } from '../tasks/task-log.js';
import { type TaskCallOptions, taskStatusOnce } from '../tasks/task-status.js';
import type { WaitTaskOptions } from '../tasks/wait-options.js';
import { type TaskResult, waitTask } from '../tasks/wait-task.js';
import { createCAAgent } from '../tls/ca-agent.js';
import { insecureEnvironmentWarning } from '../tls/insecure-environment.js';
import { createPinnedAgent } from '../tls/pinned-agent.js';
import { createPlainAgent } from '../tls/plain-agent.js';
import { createSystemAgent } from '../tls/system-agent.js';
import { emit } from '../transport/log-event.js';
import type { ProxmoxResponse } from '../transport/response.js';
import { type HTTPMethod, type RequestOptions, Transport } from '../transport/transport.js';
import type { UPID } from '../upid/upid.js';
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
  readonly #agent: Agent;
  #closing: Promise<void> | undefined;

  /** @throws {InvalidArgumentError} naming the first option that is wrong. */
  constructor(options: ProxmoxClientOptions) {
    const resolved = validateOptions(options);
    this.baseUrl = resolved.origin;
    this.tokenId = resolved.tokenId;
    const settings = { connections: resolved.concurrency, connectTimeout: resolved.timeout };
    const tls = resolved.tls;
    const https = resolved.origin.startsWith('https:');
    // Every client has its own agent: certificate checks never depend on the process-wide
    // dispatcher or on NODE_TLS_REJECT_UNAUTHORIZED (docs/security.md), and each request is
    // aborted there at its deadline (transport/deadline-dispatcher.ts).
    this.#agent = !https
      ? createPlainAgent(settings)
      : tls === undefined
        ? createSystemAgent(settings)
        : 'fingerprint' in tls
          ? createPinnedAgent(tls.fingerprint, settings)
          : createCAAgent(tls.ca, settings);
    const warning = https ? insecureEnvironmentWarning() : undefined;
    if (warning && options.logger) {
      emit(options.logger, {
        type: 'warning',
        code: 'tls-verification-disabled-in-environment',
        message: warning,
      });
    }
    this.#transport = new Transport({
      apiBase: `${resolved.origin}/api2/json`,
      tokenId: resolved.tokenId,
      secret: resolved.secret,
      timeout: resolved.timeout,
      maxResponseBytes: resolved.maxResponseBytes,
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

  // Reads. Every input is validated before a request is sent (InvalidArgumentError naming the
  // parameter); every answer is validated (ResponseShapeError naming the field). The privileges
  // each method needs are in `requiredPrivileges[method]`.

  /** The host's PVE version (`GET /version`); any authenticated token may call it. */
  version(options?: CallOptions): Promise<PveVersion> {
    return resources.version(this, options);
  }

  /**
   * The cluster's nodes (`GET /nodes`). Never a 403: without `Sys.Audit` on `/nodes/<node>` a
   * node's usage figures are left out. See {@link requiredPrivileges}`.nodes`.
   */
  nodes(options?: CallOptions): Promise<NodeListItem[]> {
    return resources.nodes(this, options);
  }

  /** A node's status (`GET /nodes/{node}/status`); needs `Sys.Audit` on `/nodes/{node}`. */
  nodeStatus(node: string, options?: CallOptions): Promise<NodeStatus> {
    return resources.nodeStatus(this, node, options);
  }

  /**
   * The containers on a node (`GET /nodes/{node}/lxc`). Never a 403: containers without
   * `VM.Audit` on `/vms/{vmid}` are silently left out.
   */
  listLXC(node: string, options?: CallOptions): Promise<Guest[]> {
    return resources.listLXC(this, node, options);
  }

  /**
   * A container's current status (`GET …/lxc/{vmid}/status/current`); needs `VM.Audit` on
   * `/vms/{vmid}`. `vmid` is filled from the request when an old host leaves it out.
   */
  guestStatus(node: string, vmid: number, options?: CallOptions): Promise<GuestStatusWithVmid> {
    return resources.guestStatus(this, node, vmid, options);
  }

  /**
   * A container's config with property strings parsed (`GET …/lxc/{vmid}/config`), or a
   * snapshot's with `snapshot`; needs `VM.Audit` on `/vms/{vmid}` (`env` is left out without
   * `VM.Config.Options`). Keep `digest` for {@link ProxmoxClient.setConfig}.
   */
  guestConfig(node: string, vmid: number, options?: GuestConfigOptions): Promise<GuestConfig> {
    return resources.guestConfig(this, node, vmid, options);
  }

  /**
   * A container's snapshots (`GET …/lxc/{vmid}/snapshot`), with PVE's `current` pseudo-entry
   * split off into `current`; needs `VM.Audit` on `/vms/{vmid}`.
   */
  listSnapshots(node: string, vmid: number, options?: CallOptions): Promise<SnapshotList> {
    return resources.listSnapshots(this, node, vmid, options);
  }

  /**
   * The storage definitions (`GET /storage`). Never a 403: storages without `Datastore.Audit`
   * or `Datastore.AllocateSpace` on `/storage/{storage}` are left out.
   */
  listStorage(options?: ListStorageOptions): Promise<StorageConfig[]> {
    return resources.listStorage(this, options);
  }

  /** The storages' state on a node (`GET /nodes/{node}/storage`); filtered like `listStorage`. */
  nodeStorage(node: string, options?: NodeStorageOptions): Promise<NodeStorage[]> {
    return resources.nodeStorage(this, node, options);
  }

  /**
   * The volumes on a storage (`GET …/storage/{storage}/content`): needs `Datastore.Audit` or
   * `Datastore.AllocateSpace` on `/storage/{storage}`; backups of guests without `VM.Backup`
   * are left out.
   */
  storageContent(
    node: string,
    storage: string,
    filter?: StorageContentFilter,
  ): Promise<StorageContentItem[]> {
    return resources.storageContent(this, node, storage, filter);
  }

  /**
   * Every resource of the cluster (`GET /cluster/resources`), optionally of one `type`. Never a
   * 403: entries the token may not audit are left out.
   */
  clusterResources(type?: ClusterResourcesFilter, options?: CallOptions): Promise<ClusterResource[]> {
    return resources.clusterResources(this, type, options);
  }

  /**
   * A node's task list (`GET /nodes/{node}/tasks`) with PVE's filters. A token sees its own
   * tasks; others' need `Sys.Audit` on `/nodes/{node}`.
   */
  listTasks(node: string, filter?: TaskListFilter): Promise<TaskListItem[]> {
    return resources.listTasks(this, node, filter);
  }

  /**
   * The token's effective privileges (`GET /access/permissions`), on every path or on `path`:
   * feed it to {@link checkPrivileges} to learn which methods the token cannot call.
   */
  permissions(path?: string, options?: CallOptions): Promise<Permissions> {
    return resources.permissions(this, path, options);
  }

  // Mutations. Each starts a task on the host and resolves to its parsed UPID as soon as the
  // host accepted the request; wait for it with waitTask(). They are never retried.

  /**
   * Restores a container from a backup (`POST /nodes/{node}/lxc` with `restore=1`), the primary
   * create path. Needs `VM.Allocate` on `/vms/{vmid}`, `Datastore.AllocateSpace` on the target
   * storage, read access to the archive, and per-key config privileges; see
   * {@link requiredPrivileges}`.restoreLXC`.
   */
  restoreLXC(node: string, spec: RestoreLXCSpec): Promise<UPID> {
    return resources.restoreLXC(this, node, spec);
  }

  /**
   * Backs up guests on a node (`POST /nodes/{node}/vzdump`). Resolves to `null` when none of
   * the guests is on that node (the host answers `OK` and starts no task). `VM.Backup` is
   * checked inside the task, so a missing one fails the task, not this call.
   */
  vzdump(node: string, spec: VzdumpSpec): Promise<UPID | null> {
    return resources.vzdump(this, node, spec);
  }

  /** Takes a snapshot (`POST …/lxc/{vmid}/snapshot`); needs `VM.Snapshot` on `/vms/{vmid}`. */
  snapshot(node: string, vmid: number, options: SnapshotOptions): Promise<UPID> {
    return resources.snapshot(this, node, vmid, options);
  }

  /**
   * Rolls back to a snapshot (`POST …/snapshot/{name}/rollback`); needs `VM.Snapshot` or
   * `VM.Snapshot.Rollback` on `/vms/{vmid}`.
   */
  rollback(node: string, vmid: number, name: string, options?: RollbackOptions): Promise<UPID> {
    return resources.rollback(this, node, vmid, name, options);
  }

  /** Deletes a snapshot (`DELETE …/snapshot/{name}`); needs `VM.Snapshot` on `/vms/{vmid}`. */
  deleteSnapshot(node: string, vmid: number, name: string, options?: DeleteSnapshotOptions): Promise<UPID> {
    return resources.deleteSnapshot(this, node, vmid, name, options);
  }

  /**
   * Starts a container (`POST …/status/start`); needs `VM.PowerMgmt` on `/vms/{vmid}`. For an
   * HA-managed container the UPID's `type` is `hastart`: that task only queues the request with
   * the HA manager, so its success does not mean the container runs yet (poll `guestStatus`).
   */
  start(node: string, vmid: number, options?: CallOptions): Promise<UPID> {
    return resources.start(this, node, vmid, options);
  }

  /**
   * Stops a container hard (`POST …/status/stop`); needs `VM.PowerMgmt`. For an HA-managed
   * container the UPID's `type` is `hastop` (queued with the HA manager, see {@link start}).
   */
  stop(node: string, vmid: number, options?: CallOptions): Promise<UPID> {
    return resources.stop(this, node, vmid, options);
  }

  /**
   * Shuts a container down cleanly (`POST …/status/shutdown`); needs `VM.PowerMgmt`. Here
   * `timeout` is the host's shutdown timeout in seconds (`requestTimeout` is the HTTP one).
   * HA-managed: a `hastop` UPID, as for {@link stop}.
   */
  shutdown(node: string, vmid: number, options?: ShutdownOptions): Promise<UPID> {
    return resources.shutdown(this, node, vmid, options);
  }

  /**
   * Changes a container's config (`PUT …/lxc/{vmid}/config`); synchronous on the host, so it
   * resolves once the change is applied. Pass the `digest` from {@link guestConfig}: a
   * concurrent edit then fails with an `APIError` of reason `conflict` instead of being
   * overwritten. Needs one of `VM.Config.*` on `/vms/{vmid}`, then each key's own privilege.
   */
  setConfig(
    node: string,
    vmid: number,
    changes: GuestConfigChanges,
    options?: SetConfigOptions,
  ): Promise<void> {
    return resources.setConfig(this, node, vmid, changes, options);
  }

  /** Reads a task's status once from the node in its UPID. */
  taskStatusOnce(upid: UPIDInput, options?: TaskCallOptions): Promise<TaskStatus> {
    return taskStatusOnce(this, upid, options);
  }

  /** The last `lines` lines of a task's log (never more), in at most two requests. */
  taskLogTail(upid: UPIDInput, lines: number, options?: TaskCallOptions): Promise<TaskLogLine[]> {
    return taskLogTail(this, upid, lines, options);
  }

  /** The task's log lines as an async iterator that follows a running task until it stops. */
  taskLog(upid: UPIDInput, options?: TaskLogOptions): AsyncGenerator<TaskLogLine, void, undefined> {
    return taskLog(this, upid, options);
  }

  /**
   * Waits for a task to end; resolves for `OK` and `WARNINGS: N`, throws {@link TaskError} on
   * failure. A task is seen ending within max(250 ms, 25 % of its run time); every request of
   * the wait ends by its `timeout`. See {@link WaitTaskOptions} for the polling schedule.
   */
  waitTask(upid: UPIDInput, options?: WaitTaskOptions): Promise<TaskResult> {
    return waitTask(this, upid, options);
  }

  /**
   * Closes the client's connections once the requests in flight have ended; later requests
   * fail at once with `AbortedError`. Calling it again returns the same promise.
   */
  close(): Promise<void> {
    this.#transport.close();
    this.#closing ??= this.#agent.close().then(() => undefined);
    return this.#closing;
  }
}
