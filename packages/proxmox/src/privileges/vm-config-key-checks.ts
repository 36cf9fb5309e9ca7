import { codeCheck, whenOption } from './check-builders.js';
import type { PrivilegeCheck } from './types.js';

/**
 * The per-key checks of qemu-server `src/PVE/API2/Qemu.pm` for VM config changes:
 * `$check_vm_modify_config_perm` (option groups), `$check_drive_perms` and `$check_storage_access`
 * (drives), `check_bridge_access` (NICs), which both `POST /nodes/{node}/qemu` (create/restore)
 * and `PUT …/qemu/{vmid}/config` run on every key they set or delete. Internal to the package.
 */

const vmKey = (keys: string) => ({ kind: 'config-key', keys }) as const;
const drives = '(?:ide|sata|scsi|virtio)\\d+|efidisk0|tpmstate0';
const cloudinit = 'cicustom|cipassword|citype|ciuser|ciupgrade|nameserver|searchdomain|sshkeys|ipconfig\\d+';

/** The per-key checks, in the order qemu-server's `if/elsif` chain tests them, then the drives. */
export const vmConfigKeyChecks: readonly PrivilegeCheck[] = [
  codeCheck(
    'handler',
    '/vms/{vmid}',
    ['VM.Config.CPU'],
    vmKey('cores|cpu|runningcpu|cpulimit|cpuunits|numa\\d*|smp|sockets|vcpus'),
    'CPU settings',
  ),
  codeCheck(
    'handler',
    '/vms/{vmid}',
    ['VM.Config.Memory'],
    vmKey('memory|balloon|shares|allow-ksm'),
    'memory',
  ),
  codeCheck(
    'handler',
    '/vms/{vmid}',
    ['VM.Config.HWType'],
    vmKey(
      'acpi|hotplug|kvm|machine|runningmachine|scsihw|smbios1|tablet|vga|watchdog|audio0|rng0|serial\\d+|usb\\d+',
    ),
    'emulated hardware; a serial port only as `socket` and USB only as `spice` or a mapping (real devices are root@pam only)',
  ),
  codeCheck(
    'handler',
    '/vms/{vmid}',
    ['VM.Config.Options'],
    vmKey(
      'agent|autostart|bios|description|keyboard|localtime|migrate_downtime|migrate_speed|name|onboot|ostype|protection|reboot|startdate|startup|tdf|template|tags',
    ),
    'general options (tags also need Sys.Modify on / for registered tags)',
  ),
  codeCheck(
    'handler',
    '/',
    ['Sys.Modify'],
    vmKey('startup'),
    'the startup order changes how the host boots its guests',
  ),
  codeCheck('handler', '/vms/{vmid}', ['VM.PowerMgmt'], vmKey('freeze'), 'freezing the CPU at start'),
  codeCheck(
    'handler',
    '/vms/{vmid}',
    ['VM.Config.Disk'],
    vmKey('boot|bootdisk|vmstatestorage|unused\\d+'),
    'the boot order, the snapshot state storage, unused volumes',
  ),
  codeCheck(
    'handler',
    '/vms/{vmid}',
    ['VM.Config.Network'],
    vmKey('net\\d+|running-nets-host-mtu'),
    'network devices',
  ),
  codeCheck(
    'handler',
    '/sdn/zones/localnetwork/{bridge}',
    ['SDN.Use'],
    vmKey('net\\d+'),
    'attaching to a bridge (check_bridge_access → check_vnet_access); a VLAN tag is checked on …/{bridge}/{tag}',
  ),
  codeCheck(
    'handler',
    '/vms/{vmid}',
    ['VM.Config.Cloudinit', 'VM.Config.Network'],
    vmKey(cloudinit),
    'cloud-init settings: either privilege',
    true,
  ),
  codeCheck(
    'handler',
    '/vms/{vmid}',
    ['VM.Config.Disk', 'VM.PowerMgmt'],
    vmKey('vmstate'),
    'the saved RAM state of a suspended VM',
  ),
  codeCheck(
    'handler',
    '/vms/{vmid}',
    ['VM.Config.Disk', 'VM.Config.CDROM'],
    vmKey(drives),
    'a disk needs VM.Config.Disk, a CD-ROM VM.Config.CDROM, a cloud-init drive VM.Config.Cloudinit and VM.Config.CDROM',
    true,
  ),
  codeCheck(
    'handler',
    '/storage/{storage}',
    ['Datastore.AllocateSpace'],
    vmKey(drives),
    'a new disk (`STORAGE:SIZE`) is allocated on its storage; an existing volume needs read access to it',
  ),
];

/** {@link vmConfigKeyChecks} as create/restore runs them: with a `pool`, the pool's ACL passes too. */
export const vmConfigKeyChecksInPool: readonly PrivilegeCheck[] = vmConfigKeyChecks.map((check) =>
  check.path === '/vms/{vmid}'
    ? {
        ...check,
        alternatives: [{ path: '/pool/{pool}', privileges: check.privileges, when: whenOption('pool') }],
      }
    : check,
);

/** VM config keys and values only root@pam may set, whatever the token's privileges. */
export const vmRootOnlyConfigKeys: readonly string[] = [
  'args, hookscript, lock, and every key the option groups do not list',
  'hostpci[n] and usb[n] with a host device (a mapped device needs Mapping.Use on /mapping/…)',
  'serial[n] other than socket',
  'a romfile on hostpci[n]',
  'skiplock',
];
