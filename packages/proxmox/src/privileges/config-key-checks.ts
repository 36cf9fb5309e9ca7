import { codeCheck, whenOption } from './check-builders.js';
import type { PrivilegeCheck } from './types.js';

/**
 * The per-key checks of `PVE::LXC::check_ct_modify_config_perm` (pve-container `src/PVE/LXC.pm`),
 * which both `POST /nodes/{node}/lxc` (create/restore) and `PUT …/config` run on every key they
 * set or delete. Internal to the package.
 */

/** LXC config keys that fall through to the final `VM.Config.Options` branch. */
const optionKeys =
  'arch|cmode|console|debug|description|entrypoint|env|lock|onboot|ostype|protection|startup|tags|template|timezone|tty|unprivileged|unused\\d+';

/**
 * Each guest check there is `check_vm_perm($authuser, $vmid, $pool, …)`, which passes on
 * `/pool/{pool}` as well when a pool is given (pve-access-control RPCEnvironment.pm).
 */
function onGuestOrPool(check: PrivilegeCheck): PrivilegeCheck {
  if (check.path !== '/vms/{vmid}') return check;
  return {
    ...check,
    alternatives: [{ path: '/pool/{pool}', privileges: check.privileges, when: whenOption('pool') }],
  };
}

/** The per-key checks, in the order PVE's `if/elsif` chain tests them. */
export const configKeyChecks: readonly PrivilegeCheck[] = [
  codeCheck(
    'handler',
    '/vms/{vmid}',
    ['VM.Config.CPU'],
    { kind: 'config-key', keys: 'cores|cpuunits|cpulimit' },
    'CPU settings',
  ),
  codeCheck(
    'handler',
    '/vms/{vmid}',
    ['VM.Config.Disk'],
    { kind: 'config-key', keys: 'rootfs|mp\\d+' },
    'volumes and mount points; bind and device mount points are root@pam only',
  ),
  codeCheck(
    'handler',
    '/storage/{storage}',
    ['Datastore.AllocateSpace'],
    { kind: 'config-key', keys: 'rootfs|mp\\d+' },
    'a new volume (`STORAGE:SIZE`) is allocated on its storage; an existing one needs read access to it',
  ),
  codeCheck(
    'handler',
    '/vms/{vmid}',
    ['VM.Config.Memory'],
    { kind: 'config-key', keys: 'memory|swap' },
    'memory and swap',
  ),
  codeCheck(
    'handler',
    '/vms/{vmid}',
    ['VM.Config.Network'],
    { kind: 'config-key', keys: 'net\\d+|nameserver|searchdomain|hostname' },
    'network devices, DNS settings and the hostname',
  ),
  codeCheck(
    'handler',
    '/sdn/zones/localnetwork/{bridge}',
    ['SDN.Use'],
    { kind: 'config-key', keys: 'net\\d+' },
    'attaching to a bridge (check_bridge_access → check_vnet_access), for the old and the new value; a VLAN tag is checked on …/{bridge}/{tag}',
  ),
  codeCheck(
    'handler',
    '/vms/{vmid}',
    ['VM.Allocate'],
    { kind: 'config-key', keys: 'features' },
    'changing the nesting flag of an unprivileged container; every other flag is root@pam only',
  ),
  codeCheck(
    'handler',
    '/vms/{vmid}',
    ['VM.Config.Options'],
    { kind: 'config-key', keys: optionKeys },
    'every other key (tags also need Sys.Modify on / for registered tags)',
  ),
].map(onGuestOrPool);

/** Config keys that only root@pam may set, whatever the token's privileges. */
export const rootOnlyConfigKeys: readonly string[] = [
  'dev[n] (device passthrough)',
  'hookscript',
  'mp[n]/rootfs of type bind or device',
  'features other than nesting, and any feature of a privileged container',
];
