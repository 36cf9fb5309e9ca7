import { randomUUID } from 'node:crypto';
import { type SimClock, SimTimeline, systemClock } from './clock.js';
import { configDigest } from './config-file.js';
import type { SimGuest, SimNode, SimStorage, SimVolume } from './inventory.js';
import { effectivePrivileges, normalizeAclPath, PVE9_PRIVILEGES, type SimAclEntry } from './privileges.js';
import { SIM_PROFILES, type SimProfile, type SimProfileName } from './profiles.js';
import { defaultSeed } from './seed.js';
import { MORE_TASK_DURATIONS } from './task-durations.js';
import { createTask, type SimTask, type SimTaskOutcome, type SimTaskSpec } from './tasks.js';
import { defaultTokens, isRootToken, type SimToken, tokenUser } from './tokens.js';

/** Options of {@link SimulatedCluster}. */
export interface SimulatedClusterOptions {
  /** Which PVE generation's wire shapes to produce. @default 'pve9' */
  readonly profile?: SimProfileName;
  /**
   * Where time comes from: every time the cluster produces (boot and task times, UPIDs, snapshot
   * and backup times, log stamps) derives from this one clock. It may read any time from 1970 to
   * 2106 and may be set back or forward at will (docs/testing.md, "Time").
   * @default Date.now, read at each call (so fake timers installed later apply)
   */
  readonly clock?: SimClock;
  /** Node names; the first one is the node the front doors answer as. @default ['pve1', 'pve2', 'pve3'] */
  readonly nodes?: readonly string[];
  /**
   * How long tasks run, in ms: one number for every task type, or per type (`vzdump`,
   * `vzsnapshot`, …) over the defaults.
   * @default 600 to 5000 ms depending on the type (a snapshot 800, its removal 600)
   */
  readonly taskDurationMs?: number | Readonly<Partial<Record<string, number>>>;
  /**
   * For this long after a task starts, its status and log answer 400 "no such task" (a real host can,
   * right after creation, before the task's log file exists). @default 0
   */
  readonly taskVisibilityDelayMs?: number;
  /** Extra tokens besides the default agent and root tokens. */
  readonly tokens?: readonly SimTokenInit[];
  /** Cluster name (vzdump notes `{{cluster}}`). @default 'felhom-sim' */
  readonly clusterName?: string;
}

/** A token to add: privileges on `/` (propagating), or a full ACL. */
export interface SimTokenInit {
  /** `user@realm!tokenname`. */
  readonly id: string;
  /** @default a random UUID */
  readonly secret?: string;
  /** Privileges granted on `/` with propagation (shorthand for `acl`). */
  readonly privileges?: readonly string[];
  /** ACL entries; combined with `privileges` when both are given. */
  readonly acl?: readonly SimAclEntry[];
  /** @default true */
  readonly privsep?: boolean;
  /** Expiry, seconds since the epoch. */
  readonly expire?: number;
  /** A comment, shown by the token's info. */
  readonly comment?: string;
}

/** One request as it reached the host (the token's secret is never recorded). */
export interface SimRequestLogEntry {
  readonly method: string;
  /** Path below `/api2/json`, e.g. `/nodes/pve1/lxc`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Body parameters, form-encoded or JSON, as strings. */
  readonly body: Readonly<Record<string, string>>;
  /** `user@realm!tokenname` from the Authorization header, when one was sent. */
  readonly tokenId: string | undefined;
  /**
   * The API method that handled it, as the official schema names it (`GET /nodes/{node}/lxc`), or
   * `undefined` when none did (401 before routing, 501). Lets a test check each request against
   * the schema of its endpoint.
   */
  endpoint: string | undefined;
  /** The status the host answered with. */
  status: number;
}

/** Which future task a scripted outcome applies to. */
export interface SimTaskMatch {
  /** Worker type such as `vzdelsnapshot`, `vzdump`, `vzstart`. */
  readonly type?: string;
  /** Guest id (the task's `id`). */
  readonly vmid?: number;
  readonly node?: string;
}

/** How long a task whose worker fails its first check lives (ms). */
const FAILED_START_MS = 300;

// How long each task type runs on a small, idle host. A snapshot or its removal is a forked
// worker that takes the config lock, runs one `zfs snapshot`/`lvcreate -s` (or `destroy`/
// `lvremove`) and writes the config: well under a second on local storage. Start, stop and
// shutdown wait for the container's init; create and restore unpack an archive.
const DEFAULT_DURATIONS: Readonly<Record<string, number>> = {
  vzstart: 1200,
  vzstop: 800,
  vzshutdown: 1500,
  vzsnapshot: 800,
  vzdelsnapshot: 600,
  vzrollback: 2000,
  vzcreate: 4000,
  vzrestore: 4000,
  vzdump: 5000,
};

/**
 * The state of a simulated Proxmox VE cluster: nodes, guests, storages, volumes, tasks, tokens
 * and the request log. It speaks no HTTP; the front doors (`createSimulatorHandlers` for msw,
 * `startSimulatorServer` for real HTTPS) route requests to the handlers that act on it.
 */
export class SimulatedCluster {
  /** The wire profile in force. */
  readonly profile: SimProfile;
  /** Where time comes from. */
  readonly clock: SimClock;
  /** Wall time when the cluster was made (ms since the epoch); the seed's times are relative to it. */
  readonly createdMs: number;
  /** The node the front doors answer as (calls for other nodes are "proxied"). */
  readonly entryNode: string;
  /** Cluster name. */
  readonly clusterName: string;
  /** Nodes by name. */
  readonly nodes = new Map<string, SimNode>();
  /** Guests by vmid (vmids are unique cluster-wide). */
  readonly guests = new Map<number, SimGuest>();
  /** Storages by id. */
  readonly storages = new Map<string, SimStorage>();
  /** Every volume on every storage. */
  readonly volumes: SimVolume[] = [];
  /** Every task ever started, oldest first. */
  readonly tasks: SimTask[] = [];
  /** Every request that reached the host, oldest first. */
  readonly requests: SimRequestLogEntry[] = [];
  /** How long after creation a task stays invisible (ms). */
  readonly taskVisibilityDelayMs: number;

  readonly #time: SimTimeline;
  readonly #tokens = new Map<string, SimToken>();
  readonly #durations: number | Readonly<Partial<Record<string, number>>>;
  readonly #scripted: { match: SimTaskMatch; outcome: SimTaskOutcome; remaining: number }[] = [];
  #nextPid = 0x1a2b0;

  constructor(options: SimulatedClusterOptions = {}) {
    this.profile = SIM_PROFILES[options.profile ?? 'pve9'];
    this.clock = options.clock ?? systemClock;
    this.#time = new SimTimeline(this.clock);
    this.createdMs = this.#time.now();
    this.clusterName = options.clusterName ?? 'felhom-sim';
    this.#durations = options.taskDurationMs ?? {};
    this.taskVisibilityDelayMs = options.taskVisibilityDelayMs ?? 0;
    const seed = defaultSeed(options.nodes ?? ['pve1', 'pve2', 'pve3'], this.createdMs);
    for (const node of seed.nodes) this.nodes.set(node.name, node);
    for (const guest of seed.guests) this.guests.set(guest.vmid, guest);
    for (const storage of seed.storages) this.storages.set(storage.id, storage);
    this.volumes.push(...seed.volumes);
    this.entryNode = seed.nodes[0]!.name;
    for (const token of defaultTokens()) this.#tokens.set(token.id, token);
    for (const token of options.tokens ?? []) this.addToken(token);
  }

  /** Wall time: milliseconds since the epoch, from the injected clock. */
  now(): number {
    return this.#time.now();
  }

  /**
   * Milliseconds the cluster has run since it was made. It follows the clock's forward steps and
   * ignores its backward ones, so uptimes and task progress never run backwards.
   */
  elapsed(): number {
    return this.#time.elapsed();
  }

  /** Milliseconds since a node booted (never negative: nodes boot before the cluster is made). */
  uptimeMs(node: SimNode): number {
    return this.elapsed() - node.bootedAt;
  }

  // tokens and privileges

  /** Adds (or replaces) a token; returns it with its secret. */
  addToken(init: SimTokenInit): SimToken {
    if (!/^[^\s:/]+@[A-Za-z][A-Za-z0-9.\-_]+![A-Za-z][A-Za-z0-9.\-_]+$/.test(init.id)) {
      throw new TypeError(`token id must look like user@realm!tokenname, got ${JSON.stringify(init.id)}`);
    }
    const acl: SimAclEntry[] = [...(init.acl ?? [])];
    if (init.privileges) acl.push({ path: '/', privileges: init.privileges, propagate: true });
    const token: SimToken = {
      id: init.id,
      secret: init.secret ?? randomUUID(),
      acl,
      ...(init.privsep === undefined ? {} : { privsep: init.privsep }),
      ...(init.expire === undefined ? {} : { expire: init.expire }),
      ...(init.comment === undefined ? {} : { comment: init.comment }),
    };
    this.#tokens.set(token.id, token);
    return token;
  }

  /** Removes a token; later requests with it fail authentication. */
  removeToken(id: string): void {
    this.#tokens.delete(id);
  }

  /** The token with this id, if any. */
  token(id: string): SimToken | undefined {
    return this.#tokens.get(id);
  }

  /** Tokens belonging to a user (`user@realm`). */
  tokensOf(user: string): SimToken[] {
    return [...this.#tokens.values()].filter((t) => tokenUser(t.id) === user);
  }

  /** Privileges a token holds on an ACL path: name → propagate flag. root bypasses ACLs. */
  privileges(tokenId: string, path: string): Map<string, 0 | 1> {
    const token = this.#tokens.get(tokenId);
    if (!token) return new Map();
    if (isRootToken(token)) return new Map(PVE9_PRIVILEGES.map((p) => [p, 1 as const]));
    return effectivePrivileges(token.acl, normalizeAclPath(path));
  }

  // nodes

  /** Marks a node on- or offline; calls proxied to an offline node answer 595. */
  setNodeOnline(name: string, online: boolean): void {
    const node = this.nodes.get(name);
    if (!node) throw new TypeError(`no node named ${JSON.stringify(name)}`);
    if (!online && name === this.entryNode) {
      throw new TypeError(`${name} is the node the simulator answers as; take another node offline`);
    }
    node.online = online;
  }

  // guests

  /** The guest with this vmid, or `undefined`. */
  guest(vmid: number): SimGuest | undefined {
    return this.guests.get(vmid);
  }

  /**
   * The newest backup archive of a guest on any storage, if there is one. The seeded ones are
   * named by a time relative to the cluster's clock, so tests look them up rather than spell them.
   */
  latestBackup(vmid: number): SimVolume | undefined {
    return this.volumes
      .filter((volume) => volume.content === 'backup' && volume.vmid === vmid)
      .reduce<SimVolume | undefined>(
        (newest, volume) => (newest && newest.ctime >= volume.ctime ? newest : volume),
        undefined,
      );
  }

  /** The config digest PVE would report for a guest right now. */
  digest(guest: SimGuest): string {
    return configDigest(guest.config, guest.snapshots, guest.pending);
  }

  // tasks

  /** Scripts how the next matching task(s) end, e.g. `{ kind: 'error', message: '…' }` once. */
  scriptTaskOutcome(match: SimTaskMatch, outcome: SimTaskOutcome, times = 1): void {
    this.#scripted.push({ match, outcome, remaining: times });
  }

  /** Duration of a task type in ms. */
  taskDuration(type: string): number {
    if (typeof this.#durations === 'number') return this.#durations;
    return this.#durations[type] ?? DEFAULT_DURATIONS[type] ?? MORE_TASK_DURATIONS[type] ?? 1000;
  }

  /**
   * Starts a worker task. A scripted outcome for it replaces the handler's; a task that ends in an
   * error skips its `onSuccess` effects (the worker died before making them) but runs `onEnd`.
   */
  startTask(spec: SimTaskSpec): SimTask {
    this.tick();
    const scripted = this.#takeScripted(spec);
    // A worker that dies on its first check ends at once; a scripted failure runs its full time.
    const finalSpec: SimTaskSpec = scripted
      ? { ...spec, outcome: scripted }
      : spec.outcome.kind === 'error' && spec.lines.length === 0
        ? { ...spec, durationMs: Math.min(spec.durationMs, FAILED_START_MS) }
        : spec;
    const node = this.nodes.get(spec.node);
    // Handlers start tasks on known nodes only; the fallback keeps `pstart` valid regardless.
    const uptimeMs = node ? this.uptimeMs(node) : this.elapsed();
    const task = createTask(finalSpec, {
      wallMs: this.now(),
      elapsedMs: this.elapsed(),
      pid: this.#nextPid++,
      pstart: Math.floor(uptimeMs / 10),
    });
    this.tasks.push(task);
    return task;
  }

  /** Ends every task whose time has come, applying effects in end-time order. */
  tick(): void {
    const elapsed = this.elapsed();
    const due = this.tasks
      .filter((t) => !t.finished && t.endsAt <= elapsed)
      .sort((a, b) => a.endsAt - b.endsAt);
    for (const task of due) {
      task.finished = true;
      if (task.outcome.kind !== 'error') task.onSuccess?.();
      task.onEnd?.();
    }
  }

  /** Ends every running task now (tests that do not care about timing). */
  completeAllTasks(): void {
    // Effects may start follow-up work (rollback with `start`), so loop until nothing runs.
    for (let round = 0; round < 10; round++) {
      const running = this.tasks.filter((t) => !t.finished);
      if (running.length === 0) return;
      const elapsed = this.elapsed();
      for (const task of running) task.endsAt = Math.min(task.endsAt, elapsed);
      this.tick();
    }
  }

  /** Tasks still running. */
  runningTasks(): SimTask[] {
    this.tick();
    return this.tasks.filter((t) => !t.finished);
  }

  /** The task with this UPID, if any. */
  task(upid: string): SimTask | undefined {
    return this.tasks.find((t) => t.upid === upid);
  }

  // request log

  /** Forgets the request log (e.g. after a test's setup). */
  clearRequestLog(): void {
    this.requests.length = 0;
  }

  #takeScripted(spec: SimTaskSpec): SimTaskOutcome | undefined {
    const index = this.#scripted.findIndex(
      ({ match }) =>
        (match.type === undefined || match.type === spec.type) &&
        (match.vmid === undefined || String(match.vmid) === spec.id) &&
        (match.node === undefined || match.node === spec.node),
    );
    if (index === -1) return undefined;
    const entry = this.#scripted[index]!;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#scripted.splice(index, 1);
    return entry.outcome;
  }
}
