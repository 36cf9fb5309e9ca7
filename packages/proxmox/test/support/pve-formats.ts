// The PVE JSONSchema formats (pve-common `PVE/JSONSchema.pm`, pve-storage, pve-container) that
// the endpoints this client calls use. Each returns why a value is invalid, or undefined.
// Formats not listed here are treated as plain strings. Test support only; never shipped.

type FormatCheck = (value: string) => string | undefined;

const configIdRe = /^[a-z][a-z0-9_-]+$/i;
const storageIdRe = /^[a-z][a-z0-9\-_.]*[a-z0-9]$/i;
const nodeRe = /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$/;
const vmidRe = /^[1-9][0-9]{2,8}$/;
const dnsLabel = '[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?';
const dnsNameRe = new RegExp(`^(?:${dnsLabel}\\.)*${dnsLabel}$`);
const tagRe = /^[a-z0-9_][a-z0-9_\-+.]*$/i;
const storageContentTypes = ['images', 'rootdir', 'vztmpl', 'iso', 'backup', 'snippets', 'import', 'none'];
const taskStatusTypes = ['ok', 'warning', 'error', 'unknown'];
const ipv4Re = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** PVE's `split_list`: NUL, whitespace, commas and semicolons separate list items. */
export function splitList(value: string): string[] {
  return value.split(/[\0\s,;]+/).filter((item) => item !== '');
}

function matches(re: RegExp, what: string): FormatCheck {
  return (value) =>
    re.test(value) ? undefined : `invalid format - value does not look like a valid ${what}`;
}

function listOf(check: FormatCheck): FormatCheck {
  return (value) => {
    for (const item of splitList(value)) {
      const problem = check(item);
      if (problem) return `${problem} (list item '${item}')`;
    }
    return undefined;
  };
}

function oneOf(values: readonly string[], what: string): FormatCheck {
  return (value) => (values.includes(value) ? undefined : `invalid ${what} '${value}'`);
}

function ipv6(value: string): boolean {
  return /^[0-9a-f:.]+$/i.test(value) && value.includes(':');
}

function cidr(value: string, isAddress: (address: string) => boolean, maxBits: number): boolean {
  const [address, bits, extra] = value.split('/');
  if (extra !== undefined || address === undefined || bits === undefined || !/^\d+$/.test(bits)) return false;
  return isAddress(address) && Number(bits) <= maxBits;
}

const vmid = matches(vmidRe, 'VM ID');
const configId = matches(configIdRe, 'configuration ID');

/** The named formats checked by the validator. */
export const formatChecks: Readonly<Record<string, FormatCheck>> = {
  'pve-vmid': vmid,
  'pve-vmid-list': listOf(vmid),
  'pve-node': matches(nodeRe, 'node name'),
  'pve-storage-id': matches(storageIdRe, 'storage ID'),
  'pve-configid': configId,
  'pve-configid-list': listOf(configId),
  'pve-volume-id': (value) =>
    /^([a-z][a-z0-9\-_.]*[a-z0-9]):(.+)$/i.test(value) ? undefined : `unable to parse volume ID '${value}'`,
  'pve-storage-content': oneOf(storageContentTypes, 'content type'),
  'pve-storage-content-list': listOf(oneOf(storageContentTypes, 'content type')),
  'pve-task-status-type-list': listOf(oneOf(taskStatusTypes, 'task status type')),
  'dns-name': matches(dnsNameRe, 'DNS name'),
  'dns-name-list': listOf(matches(dnsNameRe, 'DNS name')),
  'pve-tag-list': listOf(matches(tagRe, 'tag')),
  'pve-lxc-mp-string': (value) =>
    /(?:^|\/)\.\.?(?:\/|$)/.test(value)
      ? "mount point path may not contain '.' or '..' components"
      : undefined,
  'disk-size': matches(/^\d+(\.\d+)?[KMGT]?$/, 'disk size'),
  ipv4: matches(ipv4Re, 'IPv4 address'),
  ipv6: (value) =>
    ipv6(value) ? undefined : 'invalid format - value does not look like a valid IPv6 address',
  'mac-addr': matches(/^[a-f0-9]{2}(?::[a-f0-9]{2}){5}$/i, 'MAC address'),
  'pve-ipv4-config': (value) =>
    value === 'dhcp' || value === 'manual' || cidr(value, (a) => ipv4Re.test(a), 32)
      ? undefined
      : 'invalid format - value does not look like a valid IPv4 network configuration',
  'pve-ipv6-config': (value) =>
    ['auto', 'dhcp', 'manual'].includes(value) || cidr(value, ipv6, 128)
      ? undefined
      : 'invalid format - value does not look like a valid IPv6 network configuration',
};
