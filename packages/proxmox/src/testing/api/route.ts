import type { SimulatedCluster } from '../model/cluster.js';
import type { SimProfile } from '../model/profiles.js';
import { permError } from '../model/sim-error.js';
import type { SimParamSchema } from './params.js';

/** Who is calling: the token id and whether it bypasses checks (root@pam without privsep). */
export interface SimActor {
  readonly tokenId: string;
  readonly root: boolean;
}

/** `all` = `$rpcenv->check` (first missing privilege named), `any` = `check_any` (all joined with `|`). */
export type SimCheckMode = 'all' | 'any';

/** What a handler sees. */
export interface SimRouteContext {
  readonly cluster: SimulatedCluster;
  readonly actor: SimActor;
  /** Validated parameters (URI, query and body merged; booleans `'1'`/`'0'`). */
  readonly params: Readonly<Record<string, string>>;
  /** Whether the caller holds the privileges on the path (`$rpcenv->check(…, 1)`). */
  can(path: string, privileges: readonly string[], mode?: SimCheckMode): boolean;
  /** Throws PVE's 403 `Permission check failed (path, priv)` when the caller lacks them. */
  check(path: string, privileges: readonly string[], mode?: SimCheckMode): void;
}

/** A handler's answer: `data`, plus `total` for paged lists. */
export interface SimRouteResult {
  readonly data: unknown;
  readonly total?: number;
}

/** The declarative `permissions.check` of the official schema (`['perm', path, privs, 'any', 1]`). */
export interface SimPermissionCheck {
  /** ACL path template, e.g. `/vms/{vmid}`. */
  readonly path: string;
  readonly privileges: readonly string[];
  readonly mode?: SimCheckMode;
}

/** One API method. */
export interface SimRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path template below `/api2/json`, e.g. `/nodes/{node}/lxc/{vmid}/status/current`. */
  readonly path: string;
  /** `proxyto => 'node'`: forwarded to the node named in the path (595 when it is offline). */
  readonly proxyto: boolean;
  /** Checked before proxying and before parameter validation, as `check_api2_permissions` is. */
  readonly permission?: SimPermissionCheck;
  readonly params: SimParamSchema;
  /**
   * The schema's check when it is not a plain `perm` check (`['or', ['userid-param', 'self'], …]`):
   * the handler applies it itself; recorded so tests can compare it with the official schema.
   */
  readonly schemaCheck?: readonly unknown[];
  /** Whether the host of this profile has the method (older versions answer 501). @default always */
  readonly available?: (profile: SimProfile) => boolean;
  handle(ctx: SimRouteContext): SimRouteResult;
}

/** Builds the `can`/`check` pair for an actor. */
export function permissionChecker(
  cluster: SimulatedCluster,
  actor: SimActor,
): Pick<SimRouteContext, 'can' | 'check'> {
  const missing = (path: string, privileges: readonly string[], mode: SimCheckMode): string | undefined => {
    if (actor.root) return undefined;
    const held = cluster.privileges(actor.tokenId, path);
    if (mode === 'any') return privileges.some((p) => held.has(p)) ? undefined : privileges.join('|');
    return privileges.find((p) => !held.has(p));
  };
  return {
    can: (path, privileges, mode = 'all') => missing(path, privileges, mode) === undefined,
    check: (path, privileges, mode = 'all') => {
      const what = missing(path, privileges, mode);
      if (what !== undefined) throw permError(`${path}, ${what}`);
    },
  };
}

/** Fills `{name}` placeholders from the parameters (`template_replace`). */
export function fillTemplate(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => params[name] ?? '');
}
