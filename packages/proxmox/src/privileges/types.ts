import type { HTTPMethod } from '../transport/transport.js';
import type { PvePrivilege } from './privilege-names.js';

/** One API endpoint, with its path template exactly as the PVE API schema spells it. */
export interface ApiEndpoint {
  readonly method: HTTPMethod;
  /** e.g. `/nodes/{node}/lxc/{vmid}/snapshot` (relative to `/api2/json`). */
  readonly path: string;
}

/**
 * An ACL path template. The placeholders name fields of {@link PrivilegeContext}:
 * `{vmid}`, `{node}`, `{storage}`, `{bridge}`, and for restores `{archiveOwner}` (the guest a
 * backup archive belongs to), `{archiveStorage}` (the storage holding it) and `{pool}` (the
 * resource pool the new guest joins).
 */
export type AclPathTemplate =
  | '/'
  | '/access'
  | '/access/groups'
  | '/vms/{vmid}'
  | '/vms/{archiveOwner}'
  | '/nodes/{node}'
  | '/storage/{storage}'
  | '/storage/{archiveStorage}'
  | '/storage/{fleecingStorage}'
  | '/pool/{pool}'
  | '/sdn/zones/localnetwork/{bridge}';

/**
 * What a failed check does:
 * - `deny`: the request fails with 403 "Permission check failed (PATH, PRIV)" (or, for a check
 *   made inside the task, the task fails with that text in its log).
 * - `filter`: no error; entries (or fields) the caller may not see are silently left out.
 * - `owner-or`: the caller's own tasks are always allowed; other users' tasks need the privilege.
 */
export type CheckEffect = 'deny' | 'filter' | 'owner-or';

/**
 * Where PVE performs the check:
 * - `schema`: the endpoint's declared `permissions.check`, before the handler runs (HTTP 403);
 * - `handler`: in the handler's code, before any task starts (HTTP 403);
 * - `worker`: inside the task the call started; the call itself succeeds with a UPID and the
 *   task ends with an error naming the privilege.
 */
export type CheckSource = 'schema' | 'handler' | 'worker';

/** When a check applies. */
export type CheckCondition =
  /** Every call. */
  | { readonly kind: 'always' }
  /** Only when the request carries one of these parameters. */
  | { readonly kind: 'option'; readonly options: readonly string[] }
  /** Only when the request sets or deletes a config key matching this anchored regex source. */
  | { readonly kind: 'config-key'; readonly keys: string }
  /** Restore only: the backup archive belongs to another guest than the one restored. */
  | { readonly kind: 'archive-of-other-guest' }
  /** Restore only: the result would be a privileged container (`unprivileged=0`). */
  | { readonly kind: 'privileged-container' };

/** Another path and privileges that satisfy a check in its place, when its condition holds. */
export interface PrivilegeAlternative {
  /** The ACL path checked instead. */
  readonly path: AclPathTemplate;
  /** The privileges needed there (all of them). */
  readonly privileges: readonly PvePrivilege[];
  /** When the alternative is available, e.g. only when a `pool` is passed. */
  readonly when: CheckCondition;
}

/** One privilege check PVE performs for a call. */
export interface PrivilegeCheck {
  /** The ACL path the privileges are checked on. */
  readonly path: AclPathTemplate;
  /** The privileges checked. */
  readonly privileges: readonly PvePrivilege[];
  /** `true`: any one of {@link privileges} suffices; `false`: all are needed. */
  readonly any: boolean;
  /** What happens when the check fails. */
  readonly effect: CheckEffect;
  /** Where PVE performs the check. */
  readonly source: CheckSource;
  /** When the check applies. */
  readonly when: CheckCondition;
  /** Why PVE checks it, in a sentence (and alternatives that also pass, if any). */
  readonly why: string;
  /** Other paths whose privileges pass the check as well (e.g. `VM.Allocate` on the pool). */
  readonly alternatives?: readonly PrivilegeAlternative[];
}

/**
 * How a method is guarded, as one word:
 * `all-of` / `any-of` (a 403 without the privileges), `filtered` (never a 403; the answer is
 * filtered), `owner-or` (own tasks always, others' with a privilege), `none` (any authenticated
 * token).
 */
export type AccessMode = 'all-of' | 'any-of' | 'filtered' | 'owner-or' | 'none';

/** The privilege requirements of one client method. */
export interface MethodPrivileges {
  /** The endpoints the method calls; the first is the one that defines {@link access}. */
  readonly endpoints: readonly ApiEndpoint[];
  /** The headline guard of the method. */
  readonly access: AccessMode;
  /** Every check PVE performs for the method, conditional ones included. */
  readonly checks: readonly PrivilegeCheck[];
  /** Parameters or values only `root@pam` may use (no privilege grants them to a token). */
  readonly rootOnly: readonly string[];
  /** Differences between PVE versions, if any. */
  readonly versionNotes?: string;
  /**
   * Why the agent's role does not cover the method, for the few whose privileges it deliberately
   * leaves out (`tokenInfo` needs `User.Modify`). Absent for every method the role covers.
   */
  readonly outsideAgentRole?: string;
}

/** The result of `GET /access/permissions`: ACL path → privilege → propagate flag. */
export type PermissionsDump = Readonly<Record<string, Readonly<Record<string, number | boolean>>>>;

/** The objects a privilege check is about; fields fill the placeholders of {@link AclPathTemplate}. */
export interface PrivilegeContext {
  /** The cluster node name. */
  readonly node?: string;
  /** The guest id. */
  readonly vmid?: number;
  /** The storage id (restore target, backup target, listed storage). */
  readonly storage?: string;
  /** The bridge a network device attaches to (e.g. `vmbr0`). */
  readonly bridge?: string;
  /** Restore: the guest id the backup archive belongs to. */
  readonly archiveOwner?: number;
  /** Restore: the storage id holding the backup archive. */
  readonly archiveStorage?: string;
  /** vzdump: the fleecing storage, when fleecing is used. */
  readonly fleecingStorage?: string;
  /** Restore: the resource pool the new guest joins (implies the `pool` option). */
  readonly pool?: string;
  /** The request parameters that will be sent (decides `option` conditions). */
  readonly options?: readonly string[];
  /**
   * The config keys that will be set or deleted (decides `config-key` conditions). For
   * `restoreLXC` it defaults to {@link defaultRestoreConfigKeys}; for `setConfig` to none.
   */
  readonly configKeys?: readonly string[];
  /** Restore: whether the container will be privileged. @default false */
  readonly privilegedContainer?: boolean;
  /** Include `owner-or` checks, i.e. the token will read tasks other users started. @default false */
  readonly foreignTasks?: boolean;
  /** Include `filter` checks in the result. @default true */
  readonly includeFiltered?: boolean;
  /** The API token id (`user@realm!name`) used in the `pveum` hints. */
  readonly tokenId?: string;
}
