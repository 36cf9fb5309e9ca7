import { type FormatChecker, matching, splitPveList } from './checker.js';
import { identifierFormats } from './identifiers.js';

// Volumes, paths and guest settings: pve-storage PVE/Storage/Plugin.pm, pve-guest-common
// PVE/Mapping/Dir.pm, qemu-server PVE/QemuServer.pm and PVE/QemuServer/Drive.pm, pve-container
// PVE/LXC/Config.pm, pve-common PVE/JSONSchema.pm (disk-size, startup order, id maps) and
// PVE/CpuSet.pm.

const volumeIdRe = /^([a-z][a-z0-9\-_.]*[a-z0-9]):(.+)$/i;
const volumeId: FormatChecker = (value) =>
  volumeIdRe.test(value) ? undefined : `unable to parse volume ID '${value}'`;
const volumeIdOrAbsolutePath: FormatChecker = (value) =>
  value.startsWith('/') ? undefined : volumeId(value);

const contentTypes = identifierFormats['pve-storage-content'] as FormatChecker;

/** `PVE::JSONSchema::parse_idmap` for one list entry: `1`, `source:target` or a default target. */
function idPair(idFormat: FormatChecker): FormatChecker {
  return (value) => {
    let identity = false;
    let others = false;
    const defaults = new Set<string>();
    const sources = new Set<string>();
    for (const entry of splitPveList(value)) {
      if (entry === '1') {
        identity = true;
        continue;
      }
      others = true;
      const pair = /^([^:]+):([^:]+)$/.exec(entry);
      if (pair) {
        const [, source = '', target = ''] = pair;
        const problem = idFormat(source) ?? idFormat(target);
        if (problem) return `entry '${entry}' contains invalid ID - ${problem}`;
        if (sources.has(source)) return `duplicate mapping for source '${source}'`;
        sources.add(source);
      } else {
        const problem = idFormat(entry);
        if (problem) return `entry '${entry}' contains invalid ID - ${problem}`;
        if (defaults.size > 0) return 'default target ID can only be provided once';
        defaults.add(entry);
      }
    }
    return identity && others ? 'identity mapping cannot be combined with other mappings' : undefined;
  };
}

const hotplugFeatures = new Set(['network', 'disk', 'cpu', 'memory', 'usb', 'cloudinit']);
const driveName = /^(ide[0-3]|sata[0-5]|scsi([0-9]|[12][0-9]|30)|virtio([0-9]|1[0-5])|efidisk0|tpmstate0)$/;

/** The volume, path and guest-setting formats. */
export const volumeFormats: Readonly<Record<string, FormatChecker>> = {
  // qemu-server PVE/QemuServer/CPUConfig.pm, parse_phys_bits
  'pve-phys-bits': (value) =>
    /^(?:host|\d{1,2})$/.test(value) && (value === 'host' || (Number(value) >= 8 && Number(value) <= 64))
      ? undefined
      : "value must be an integer between 8 and 64 or 'host'",
  'pve-volume-id': volumeId,
  'pve-volume-id-or-absolute-path': volumeIdOrAbsolutePath,
  'pve-volume-id-or-qm-path': (value) =>
    value === 'none' || value === 'cdrom' ? undefined : volumeIdOrAbsolutePath(value),
  // Both only look at the start of the value, as PVE's checks do.
  'pve-storage-path': matching(/^\/[^;()]+/, 'value does not look like a valid absolute path'),
  'pve-storage-path-in-property-string': matching(
    /^\/[^;,=()]+/,
    'Value does not look like a valid absolute path. These symbols are currently not allowed in path: ;,=()',
  ),
  'pve-storage-options': (value) => (/^\S+$/.test(value) ? undefined : `invalid options '${value}'`),
  'pve-dir-override': (value) => {
    const match = /^([a-z]+)=([^.]*(?:\.?[^.]+)+)$/.exec(value);
    const [, content = '', path = ''] = match ?? [];
    const fits = path.length < 1023 && path.split('/').every((part) => part.length < 255);
    return match && contentTypes(content) === undefined && fits ? undefined : `invalid override '${value}'`;
  },
  'pve-lxc-mp-string': (value) =>
    /\/\.\.?\//.test(value) || /\/\.\.?$/.test(value) || /^\.\.\//.test(value)
      ? `${value} contains illegal character sequences`
      : undefined,
  'pve-lxc-dev-string': (value) =>
    /\/\.\.?(?:\/|$)/.test(value) || !value.startsWith('/dev/')
      ? `${value} is not a valid device path`
      : undefined,
  'disk-size': matching(/^(\d+(\.\d+)?)([KMGT](?:iB)?)?$/, 'value does not look like a valid disk size'),
  'pve-startup-order': (value) => {
    const parts = value.split(',').filter((part) => !/^\s*$/.test(part));
    const valid =
      value !== '' &&
      value !== '0' &&
      parts.every((part) => /^(order=)?(\d+)$/.test(part) || /^(up|down)=(\d+)$/.test(part));
    return valid ? undefined : 'unable to parse startup options';
  },
  'storage-pair': idPair(identifierFormats['pve-storage-id'] as FormatChecker),
  'bridge-pair': idPair(identifierFormats['pve-bridge-id'] as FormatChecker),
  'pve-hotplug-features': (value) => {
    if (value === '0' || value === '1') return undefined;
    const unknown = splitPveList(value).find((feature) => !hotplugFeatures.has(feature));
    return unknown === undefined ? undefined : `invalid hotplug feature '${unknown}'`;
  },
  'pve-cpuset': (value) => {
    for (const part of value.split(',')) {
      const range = /^\s*(\d+)(?:-(\d+))?\s*$/.exec(part);
      if (!range) return 'unable to parse cpuset option';
      if (range[2] !== undefined && Number(range[2]) < Number(range[1]))
        return 'unable to parse cpuset option';
    }
    return undefined;
  },
  'pve-qm-bootdisk': (value) => (driveName.test(value) ? undefined : `invalid boot disk '${value}'`),
  string: () => undefined,
  urlencoded: (value) =>
    /^[-%a-zA-Z0-9_.!~*'()]*$/.test(value) ? undefined : `invalid urlencoded string: ${value}`,
};
