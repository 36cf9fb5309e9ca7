import { pvePrivilegesByVersion } from '../../privileges/privilege-names.js';
import { type FormatChecker, matching, oneOf } from './checker.js';

// Ids and names: pve-common PVE/JSONSchema.pm, pve-access-control PVE/Auth/Plugin.pm and
// PVE/AccessControl.pm, pve-storage PVE/Storage/Plugin.pm, pve-ha-manager PVE/HA/Tools.pm,
// pve-guest-common PVE/ReplicationConfig.pm, pve-network PVE/Network/SDN/Fabrics.pm and the
// SDN plugins (before commit ecf98c5),
// pve-manager PVE/API2/Backup.pm.

const realm = '[A-Za-z][A-Za-z0-9.\\-_]+';
const user = '[^\\s:/]+';
const userRe = new RegExp(`^(${user})@(${realm})$`);
const tokenRe = new RegExp(`^((${user})@(${realm}))!(${realm})$`);

/** `PVE::JSONSchema::parse_id`: storage and ACME plugin ids. */
function pveId(type: string): FormatChecker {
  return (value) => {
    if ([...value].length < 2) return `${type} ID '${value}' cannot be shorter than 2 characters`;
    return /^[a-z][a-z0-9\-_.]*[a-z0-9]$/i.test(value)
      ? undefined
      : `${type} ID '${value}' contains illegal characters`;
  };
}

/**
 * pve-network's SDN object ids (`parse_sdn_*_id`, registered as formats until the 2026
 * releases turned them into patterns): a letter, then letters and digits, at most `max` long.
 */
function sdnId(what: string, max: number | undefined, middle = '[a-z0-9]*'): FormatChecker {
  const re = new RegExp(`^[a-z]${middle}[a-z0-9]$`, 'i');
  return (value) => {
    if (!re.test(value)) return `${what} ID '${value}' contains illegal characters`;
    return max !== undefined && value.length > max
      ? `${what} ID '${value}' can't be more length than ${max} characters`
      : undefined;
  };
}

/** An HA node name with an optional `:priority` (pve-ha-manager PVE/HA/Tools.pm). */
const haNode = /^([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)(:\d+)?$/;

// `verify_privname` (pve-access-control PVE/AccessControl.pm) accepts the privileges of the
// host's own release; the client does not know the host's release, so it accepts a name any
// release this package knows has, and refuses the rest (a typo, a wrong case).
const knownPrivileges = new Set<string>(Object.values(pvePrivilegesByVersion).flat());

/** The id and name formats. */
export const identifierFormats: Readonly<Record<string, FormatChecker>> = {
  'pve-priv': (value) => (knownPrivileges.has(value) ? undefined : `invalid privilege '${value}'`),
  'pve-configid': (value) =>
    /^[a-z][a-z0-9_-]+$/i.test(value) ? undefined : `invalid configuration ID '${value}'`,
  'pve-storage-id': pveId('storage'),
  'acme-plugin-id': pveId('ACME plugin'),
  'pve-bridge-id': (value) =>
    /^[-_.\p{L}\p{M}\p{Nd}\p{Pc}]+$/u.test(value) ? undefined : `invalid bridge ID '${value}'`,
  'pve-vmid': matching(/^[1-9][0-9]{2,8}$/, 'value does not look like a valid VM ID'),
  'pve-node': matching(
    /^([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)$/,
    'value does not look like a valid node name',
  ),
  'pve-realm': matching(new RegExp(`^${realm}$`), 'value does not look like a valid realm'),
  'pve-userid': (value) => {
    const length = [...value].length;
    if (length < 3) return `user name '${value}' is too short`;
    if (length > 64) return `user name '${value}' is too long (${length} > 64)`;
    return userRe.test(value) ? undefined : `value '${value}' does not look like a valid user name`;
  },
  'pve-tokenid': (value) =>
    tokenRe.test(value) ? undefined : `value '${value}' does not look like a valid token ID`,
  'pve-groupid': (value) =>
    /^[A-Za-z0-9.\-_]+$/.test(value) ? undefined : `group name '${value}' contains invalid characters`,
  'pve-roleid': (value) =>
    /^[A-Za-z0-9.\-_]+$/.test(value) ? undefined : `role name '${value}' contains invalid characters`,
  'pve-poolid': (value) => {
    if (value.split('/').length > 3) return `pool name '${value}' nested too deeply (max levels = 3)`;
    return /^[A-Za-z0-9.\-_]+(?:\/[A-Za-z0-9.\-_]+){0,2}$/.test(value)
      ? undefined
      : `pool name '${value}' contains invalid characters`;
  },
  'pve-tag': matching(/^[a-z0-9_][a-z0-9_\-+.]*$/i, 'invalid characters in tag'),
  'pve-storage-vgname': (value) =>
    /^[a-z0-9][a-z0-9\-_.]*[a-z0-9]$/i.test(value)
      ? undefined
      : `lvm name '${value}' contains illegal characters`,
  'pve-ha-resource-id': matching(/^[a-z]+:\S+$/, 'value does not look like a valid ha resource id'),
  'pve-ha-resource-or-vm-id': matching(
    /^([a-z]+:\S+|\d+)$/,
    'value does not look like a valid ha resource id',
  ),
  'pve-ha-node': matching(haNode, 'value does not look like a valid ha node'),
  // The same check under its older name (pve-ha-manager PVE/HA/Tools.pm before commit 53a5132),
  // whose `-list` form the HA group and node-affinity rule endpoints of PVE 8.4 and 9.0 use.
  'pve-ha-group-node': matching(haNode, 'value does not look like a valid ha group node'),
  'pve-replication-job-id': (value) => {
    // PVE's parser returns without an error for a text of another shape (the `id` parameter's
    // own pattern refuses it); a guest id below 100 is refused.
    const match = /^(\d+)-(\d+)$/.exec(value);
    return match && Number(match[1]) < 100
      ? `invalid replication job id '${value}' (guest IDs < 100 are reserved)`
      : undefined;
  },
  'pve-sdn-fabric-id': (value) =>
    /^[a-zA-Z0-9][a-zA-Z0-9-]{0,6}[a-zA-Z0-9]?$/i.test(value)
      ? undefined
      : `Fabric ID '${value}' contains illegal characters`,
  'pve-sdn-zone-id': sdnId('zone', 8),
  'pve-sdn-vnet-id': sdnId('vnet', 8),
  'pve-sdn-controller-id': sdnId('controller', 64, '[a-z0-9_-]*'),
  'pve-sdn-ipam-id': sdnId('ipam', undefined),
  'pve-sdn-dns-id': sdnId('dns', undefined),
  'ldap-simple-attr': (value) =>
    /^[a-zA-Z0-9]+$/.test(value)
      ? undefined
      : `value '${value}' does not look like a simple ldap attribute name`,
  'pve-day-of-week': oneOf(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], 'day'),
  'pve-task-status-type': (value) =>
    /^(ok|error|warning|unknown)$/i.test(value) ? undefined : `invalid status '${value}'`,
  'pve-storage-content': oneOf(
    ['images', 'rootdir', 'vztmpl', 'iso', 'backup', 'snippets', 'none', 'import'],
    'content type',
  ),
};
