import { either, type FormatChecker, matching } from './checker.js';

// Addresses and names: pve-common PVE/JSONSchema.pm and PVE/ParseUtils.pm ($IPV4RE, $IPV6RE,
// $EMAIL_RE), PVE/Tools.pm (parse_host_and_port), pve-firewall PVE/Firewall.pm (IPorCIDR),
// pve-container PVE/LXC/Config.pm, pve-cluster PVE/DataCenterConfig.pm (mac-prefix),
// pve-network (SDN), pve-manager PVE/NodeConfig.pm (ACME) and PVE/Status/Graphite.pm.

const ipv4Octet = '(?:25[0-5]|(?:2[0-4]|1[0-9]|[1-9])?[0-9])';
/** `$IPV4RE` of PVE::ParseUtils. */
export const ipv4Source = `(?:(?:${ipv4Octet}\\.){3}${ipv4Octet})`;
const h16 = '(?:[0-9a-fA-F]{1,4})';
const ls32 = `(?:(?:${ipv4Source}|${h16}:${h16}))`;
/** `$IPV6RE` of PVE::ParseUtils. */
export const ipv6Source = [
  `(?:(?:(?:${h16}:){6})${ls32})`,
  `(?:(?:::(?:${h16}:){5})${ls32})`,
  `(?:(?:(?:${h16})?::(?:${h16}:){4})${ls32})`,
  `(?:(?:(?:(?:${h16}:){0,1}${h16})?::(?:${h16}:){3})${ls32})`,
  `(?:(?:(?:(?:${h16}:){0,2}${h16})?::(?:${h16}:){2})${ls32})`,
  `(?:(?:(?:(?:${h16}:){0,3}${h16})?::(?:${h16}:){1})${ls32})`,
  `(?:(?:(?:(?:${h16}:){0,4}${h16})?::)${ls32})`,
  `(?:(?:(?:(?:${h16}:){0,5}${h16})?::)${h16})`,
  `(?:(?:(?:(?:${h16}:){0,6}${h16})?::))`,
].join('|');

const ipv4Re = new RegExp(`^(?:${ipv4Source})$`);
const ipv6Re = new RegExp(`^(?:${ipv6Source})$`);
const dnsLabel = '([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)';
const dnsNameRe = new RegExp(`^(${dnsLabel}\\.)*${dnsLabel}$`);
const emailUser = '[\\w+\\-~]+(\\.[\\w+\\-~]+)*';
const emailRe = new RegExp(`^${emailUser}@[a-zA-Z0-9-]+(\\.[a-zA-Z0-9-]+)*$`);
const emailUserRe = new RegExp(`^${emailUser}$`);

const ipv4: FormatChecker = matching(ipv4Re, 'value does not look like a valid IPv4 address');
const ipv6: FormatChecker = matching(ipv6Re, 'value does not look like a valid IPv6 address');
const ip: FormatChecker = either('value does not look like a valid IP address', ipv4, ipv6);
const dnsName: FormatChecker = matching(dnsNameRe, 'value does not look like a valid DNS name');

function cidr(addressSource: string, maxBits: number, message: string): FormatChecker {
  const re = new RegExp(`^(?:${addressSource})/(\\d+)$`);
  return (value) => {
    const bits = re.exec(value)?.[1];
    return bits !== undefined && Number(bits) > 7 && Number(bits) <= maxBits ? undefined : message;
  };
}

const cidrv4 = cidr(ipv4Source, 32, 'value does not look like a valid IPv4 CIDR network');
const cidrv6 = cidr(ipv6Source, 128, 'value does not look like a valid IPv6 CIDR network');

const ipv4Masks = new Set(
  Array.from({ length: 33 }, (_, bits) => {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    return [24, 16, 8, 0].map((shift) => (mask >>> shift) & 0xff).join('.');
  }),
);

const ipOrCidrRe = new RegExp(`^(?:${ipv6Source}|${ipv4Source})(?:/(\\d+))?$`);
/** Firewall `IPorCIDR`: an address with an optional prefix length Net::IP accepts. */
const ipOrCidr: FormatChecker = (value) => {
  const match = ipOrCidrRe.exec(value);
  if (!match) return 'value does not look like a valid IP address or CIDR network';
  const bits = match[1];
  const max = value.includes(':') ? 128 : 32;
  return bits === undefined || Number(bits) <= max ? undefined : `invalid prefix length in '${value}'`;
};
const ipAliasRe = /^(dc\/|guest\/)?(?:[A-Za-z][A-Za-z0-9\-_]+)$/;

const hostAndPort = [
  new RegExp(`^(${ipv4Source}|[\\p{L}\\p{Nd}\\-.]+)(?::(\\d+))?$`, 'u'),
  new RegExp(`^\\[(${ipv6Source}|${ipv4Source}|[\\p{L}\\p{Nd}\\-.]+)\\](?::(\\d+))?$`, 'u'),
  new RegExp(`^(${ipv6Source})(?:\\.(\\d+))?$`),
];

function vlanTag(tag: string): boolean {
  const number = Number(tag);
  return number >= 2 && number <= 4094;
}

/** The address and name formats. */
export const networkFormats: Readonly<Record<string, FormatChecker>> = {
  ipv4,
  ipv6,
  ip,
  CIDRv4: cidrv4,
  CIDRv6: cidrv6,
  CIDR: either('value does not look like a valid CIDR network', cidrv4, cidrv6),
  ipv4mask: (value) => (ipv4Masks.has(value) ? undefined : 'value does not look like a valid IP netmask'),
  IPorCIDR: ipOrCidr,
  IPorCIDRorAlias: (value) => (ipAliasRe.test(value) ? undefined : ipOrCidr(value)),
  'pve-ipv4-config': (value) =>
    /^(?:dhcp|manual)$/.test(value) || cidrv4(value) === undefined
      ? undefined
      : 'value does not look like a valid ipv4 network configuration',
  'pve-ipv6-config': (value) =>
    /^(?:auto|dhcp|manual)$/.test(value) || cidrv6(value) === undefined
      ? undefined
      : 'value does not look like a valid ipv6 network configuration',
  'mac-addr': matching(
    /^[a-f0-9][02468ace](?::[a-f0-9]{2}){5}$/i,
    'value does not look like a valid unicast MAC address',
  ),
  'mac-prefix': matching(
    /^[a-f0-9][02468ace](?::[a-f0-9]{2}){0,2}(?::[a-f0-9]?)?$/i,
    'value is not a valid unicast MAC address prefix',
  ),
  'dns-name': dnsName,
  address: either('value does not look like a valid address', ip, dnsName),
  'pve-storage-server': either('value does not look like a valid server name or IP address', ip, dnsName),
  'pve-storage-portal-dns': (value) =>
    hostAndPort.some((re) => re.test(value)) ? undefined : 'value does not look like a valid portal address',
  'lxc-ip-with-ll-iface': (value) => {
    const linkLocal = /^(fe80:[^%]+)%(.*)$/.exec(value);
    if (linkLocal && ip(linkLocal[1] ?? '') === undefined && pveIface(linkLocal[2] ?? '') === undefined) {
      return undefined;
    }
    return ip(value);
  },
  'pve-iface': (value) => pveIface(value),
  'pve-vlan-id-or-range': (value) => {
    const match = /^(\d+)(?:-(\d+))?$/.exec(value);
    if (!match) return `invalid VLAN configuration '${value}'`;
    const [, start = '', end] = match;
    if (!vlanTag(start)) return `invalid VLAN tag '${start}'`;
    if (end !== undefined && end !== '' && Number(end) !== 0) {
      if (!vlanTag(end)) return `invalid VLAN tag '${end}'`;
      if (Number(start) >= Number(end)) return `VLAN range must go from lower to higher tag '${value}'`;
    }
    return undefined;
  },
  email: matching(emailRe, 'value does not look like a valid email address'),
  'email-or-username': (value) =>
    emailRe.test(value) || emailUserRe.test(value)
      ? undefined
      : 'value does not look like a valid email address or user name',
  'pve-acme-domain': matching(
    /^[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*)+$/i,
    'value does not look like a valid domain name!',
  ),
  'pve-acme-alias': matching(
    /^[a-z0-9_][a-z0-9_-]*(?:\.[a-z0-9_][a-z0-9_-]*)+$/i,
    'value does not look like a valid alias name!',
  ),
  'graphite-path': matching(dnsNameRe, 'value does not look like a valid graphite path'),
  'pve-sdn-isis-net': matching(
    /^[a-fA-F0-9]{2}(\.[a-fA-F0-9]{4}){3,9}\.[a-fA-F0-9]{2}$/,
    'value does not look like a valid isis net',
  ),
  'pve-sdn-bgp-rt': (value) => {
    const match = /^(\d+):(\d+)$/.exec(value);
    const fits = (part: string | undefined) => Number(part) <= 4294967295;
    return match && fits(match[1]) && fits(match[2])
      ? undefined
      : 'value does not look like a valid bgp route-target';
  },
  'pve-sdn-subnet-id': (value) => {
    // `zone-address-mask` (the subnet's config id) or a plain CIDR.
    const [, address, mask] = value.split('-');
    const candidate = value.includes('/') ? value : `${address}/${mask}`;
    return cidrv4(candidate) === undefined || cidrv6(candidate) === undefined
      ? undefined
      : 'value does not look like a valid CIDR network';
  },
};

function pveIface(value: string): string | undefined {
  return /^[a-z][a-z0-9_]{1,20}([:.]\d+)?$/i.test(value)
    ? undefined
    : `invalid network interface name '${value}'`;
}
