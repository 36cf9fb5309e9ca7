import { parsePropertyString } from '../model/config-file.js';
import type { SimGuest } from '../model/inventory.js';
import { isCdrom, isDriveKey } from '../model/qemu-drives.js';

/**
 * Which changes a running VM takes at once (qemu-server `vmconfig_hotplug_pending`); the others
 * wait in `[PENDING]` until it next starts. Hotplug features come from the `hotplug` option
 * (default `network,disk,usb`).
 */

const FAST_PLUG = new Set([
  'description',
  'hookscript',
  'lock',
  'migrate_downtime',
  'migrate_speed',
  'name',
  'onboot',
  'protection',
  'shares',
  'startup',
  'tags',
  'vmstatestorage',
  // cloud-init options are fast-plugged too
  'cicustom',
  'cipassword',
  'citype',
  'ciuser',
  'ciupgrade',
  'nameserver',
  'searchdomain',
  'sshkeys',
]);

/** `parse_hotplug_features`: `1` is `network,disk,usb`, `0` nothing. */
function hotplugFeatures(guest: SimGuest): Set<string> {
  const value = guest.config.get('hotplug') ?? '1';
  if (value === '1') return new Set(['network', 'disk', 'usb']);
  if (value === '0') return new Set();
  return new Set(value.split(','));
}

/**
 * Whether setting `key` to `value` (or deleting it, `value` undefined) applies to the running VM
 * at once. Disks on IDE/SATA, the EFI and TPM disks, memory and CPU topology wait for a restart
 * with the default features.
 */
export function appliesLive(guest: SimGuest, key: string, value: string | undefined): boolean {
  if (FAST_PLUG.has(key) || /^ipconfig\d+$/.test(key)) return true;
  const features = hotplugFeatures(guest);
  if (key === 'cpuunits' || key === 'cpulimit') return true;
  if (key === 'tablet' || /^usb\d+$/.test(key)) return features.has('usb');
  if (key === 'vcpus') return features.has('cpu');
  if (key === 'memory') return features.has('memory');
  if (/^net\d+$/.test(key)) return features.has('network');
  if (key === 'balloon') {
    const enabled = (v: string | undefined): boolean => v === undefined || v !== '0';
    return enabled(guest.config.get('balloon')) === enabled(value);
  }
  if (key === 'agent') {
    const enabled = (v: string | undefined): string =>
      parsePropertyString(v ?? '0', 'enabled').get('enabled') ?? '0';
    return enabled(guest.config.get('agent')) === enabled(value);
  }
  if (key === 'hotplug') return !/memory|cpu/.test(`${value ?? ''},${guest.config.get('hotplug') ?? ''}`);
  if (isDriveKey(key)) {
    if (key === 'efidisk0' || key === 'tpmstate0') return false;
    // a CD-ROM's medium can always be changed; other drives need disk hotplug, not on IDE/SATA
    if (value !== undefined && isCdrom(value)) return true;
    return features.has('disk') && !/^(ide|sata)\d+$/.test(key);
  }
  return false;
}
