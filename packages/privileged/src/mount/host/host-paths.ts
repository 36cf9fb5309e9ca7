import { defaultDeviceRulePath } from './device-rule.js';

/**
 * Where the root side reads the host's state. Production uses the defaults; the helper cannot be
 * given other paths (its argv has no place for them), tests can.
 */
export interface HostPaths {
  /** sysfs. @default '/sys' */
  readonly sys: string;
  /** This process's mount table. @default '/proc/self/mountinfo' */
  readonly mountinfo: string;
  /** Active swap areas. @default '/proc/swaps' */
  readonly swaps: string;
  /** The operator's device rule. @default '/etc/felhom/mount-devices' */
  readonly deviceRule: string;
  /** Proxmox VE's storage configuration. @default '/etc/pve/storage.cfg' */
  readonly pveStorage: string;
  /** Where administrators (and PVE's Disks → Directory) put mount units. @default '/etc/systemd/system' */
  readonly systemdUnits: string;
}

/** The host's real paths. */
export const defaultHostPaths: HostPaths = {
  sys: '/sys',
  mountinfo: '/proc/self/mountinfo',
  swaps: '/proc/swaps',
  deviceRule: defaultDeviceRulePath,
  pveStorage: '/etc/pve/storage.cfg',
  systemdUnits: '/etc/systemd/system',
};
