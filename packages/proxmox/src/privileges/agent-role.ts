import type { ClientMethodName } from './issue.js';
import type { PvePrivilege } from './privilege-names.js';
import { requiredPrivileges } from './required-privileges.js';
import type { PrivilegeCheck } from './types.js';

/** The name the docs and `pveum` helpers use for the agent's role. */
export const agentRoleName = 'FelhomAgent';

/** Parameters the client's methods never send, so the checks they trigger never apply to it. */
const optionsTheClientNeverSends = new Set([
  'prune-backups',
  'maxfiles',
  'bwlimit',
  'performance',
  'ionice',
  'fleecing',
  'userid',
  'ha-managed',
]);

/**
 * Config keys the role is not for: a VM's `startup` order also needs `Sys.Modify` on `/` (it
 * changes how the host boots its guests), which the role leaves out.
 */
const configKeysOutsideTheRole = new Set(['startup']);

/** Whether a check can apply to a call the client's methods make. */
function neededByTheClient(check: PrivilegeCheck): boolean {
  switch (check.when.kind) {
    case 'option':
      return check.when.options.some((option) => !optionsTheClientNeverSends.has(option));
    case 'config-key':
      return !configKeysOutsideTheRole.has(check.when.keys);
    case 'privileged-container':
      return false; // privileged containers go through the root CLI, never the API token
    default:
      return true;
  }
}

/**
 * The client methods the agent's role covers: every method but the few whose privileges it
 * deliberately leaves out (their `requiredPrivileges` entry says why in `outsideAgentRole`).
 * Pass them to {@link checkPrivileges} to ask whether a token can make every call the role is
 * meant for.
 */
export const agentRoleMethods: readonly ClientMethodName[] = (
  Object.keys(requiredPrivileges) as ClientMethodName[]
).filter((method) => requiredPrivileges[method].outsideAgentRole === undefined);

/**
 * The privileges of the agent's role: the union of what {@link requiredPrivileges} shows the
 * client's methods need, as the client uses them (unprivileged containers, no retention or I/O
 * overrides), computed from the operations' definitions. Sorted; valid on PVE 8 and 9 alike (no `VM.Monitor`, no `VM.GuestAgent.*`).
 *
 * Why each is there:
 * - `Datastore.Audit`: `listStorage`/`nodeStorage`/`storageContent` and the storages of
 *   `clusterResources` (without it they are silently empty).
 * - `Datastore.AllocateSpace`: `restoreLXC`/`restoreVM` allocate volumes on the target storage,
 *   `setVMConfig` a new disk, `resize` grows one; `vzdump` writes to the backup storage; reading a backup of another guest and
 *   seeing backups in `storageContent` need it on the backup storage.
 * - `SDN.Use`: a `netN` of `restoreLXC`/`setConfig`/`restoreVM`/`setVMConfig` attaches to a bridge, checked on
 *   `/sdn/zones/localnetwork/<bridge>`.
 * - `Sys.Audit`: `nodeStatus`, `clusterStatus` (403 without it), the usage figures of `nodes`
 *   and `clusterResources`, and reading tasks other users started.
 * - `VM.Allocate`: `restoreLXC`/`restoreVM` create the guest; setting the `nesting` feature flag.
 * - `VM.Audit`: `guestStatus`, `guestConfig`, `listSnapshots`, `interfaces`, `vmStatus`,
 *   `vmConfig`, `listVMSnapshots` (403 without it), `listLXC`, `listVMs` and `clusterResources`
 *   (filtered without it).
 * - `VM.Backup`: `vzdump` (checked inside the task), restoring a backup of another guest, and
 *   seeing a guest's backups in `storageContent`.
 * - `VM.Config.CPU`, `VM.Config.Disk`, `VM.Config.Memory`, `VM.Config.Network`,
 *   `VM.Config.Options`: the per-key checks of `setConfig`/`setVMConfig` and of the keys
 *   `restoreLXC`/`restoreVM` pass (cores; volumes and drives; memory; NICs, hostname, DNS;
 *   everything else), and `resize`.
 * - `VM.Config.CDROM`, `VM.Config.HWType`, `VM.Config.Cloudinit`: the VM keys only they allow
 *   (an ISO in a CD-ROM drive; machine, display, SCSI controller; cloud-init users and keys).
 * - `VM.Migrate`: `migrate` (moving a container to another node, e.g. before a node's
 *   maintenance); weaker than `VM.Allocate`, which the role already has.
 * - `VM.PowerMgmt`: `start`, `stop`, `shutdown`, `reboot` and their VM counterparts, and
 *   starting a guest after a rollback or a VM after a restore.
 * - `VM.Snapshot`: `snapshot`, `deleteSnapshot`, `snapshotVM`, `deleteVMSnapshot` (and the
 *   rollbacks).
 * - `VM.Snapshot.Rollback`: `rollback` accepts it instead of `VM.Snapshot`; it is redundant
 *   while `VM.Snapshot` is granted and kept so the role still rolls back if `VM.Snapshot` is
 *   ever split off.
 *
 * Deliberately absent: `Sys.Modify` (privileged containers, I/O limits, a VM's `startup`
 * order), `Datastore.Allocate` (retention overrides; it also allows deleting any volume on the
 * storage), `User.Modify` (only `tokenInfo` needs it, and it would let the token create tokens;
 * see {@link agentRoleMethods}), and every root@pam-only option.
 */
export const agentRolePrivileges: readonly PvePrivilege[] = [
  ...new Set(
    agentRoleMethods.flatMap((method) =>
      requiredPrivileges[method].checks.filter(neededByTheClient).flatMap((check) => check.privileges),
    ),
  ),
].sort();
