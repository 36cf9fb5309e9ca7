import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFormat, isCheckedFormat } from '@felhom/proxmox/api';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../../test-support/data.js';

const namedFormats = fileURLToPath(new URL('../../../../scripts/api-schema/named-formats', import.meta.url));

// The named string formats, checked as PVE's `register_format` code checks them (pve-common
// JSONSchema.pm and the PVE modules that register formats), and the list of those this client
// does not check, so a format added to a schema is seen rather than silently accepted.

const cert = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\nQm9ndXM=\n-----END CERTIFICATE-----\n';
const key = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n';

const cases: readonly (readonly [format: string, good: readonly string[], bad: readonly string[]])[] = [
  ['pve-node', ['pve1', 'a', 'node-2'], ['-pve', 'pve_1', 'pve.1', '']],
  ['pve-phys-bits', ['host', '8', '64', '46'], ['7', '65', '100', 'hosts', '', '4e1']],
  [
    'pve-priv',
    ['VM.Audit', 'Permissions.Modify', 'VM.Monitor', 'VM.GuestAgent.Audit'],
    ['VM.Audiit', 'vm.audit', 'VM', ''],
  ],
  ['pve-priv-list', ['VM.Audit,Sys.Audit', 'VM.Audit VM.Console', ''], ['VM.Audit,Sys.Audiit']],
  ['pem-certificate', [cert, `subject=CN=pve\n${cert}`], [`${cert}${cert}`, key, 'MIIB', '']],
  [
    'pem-certificate-chain',
    [cert, `${cert}${cert}`, `${cert}\n\n${cert}`, `issuer: x\n${cert}`],
    [
      `${cert}${key}`,
      cert.replace('MIIB', 'MI*B'),
      cert.replace('-----END CERTIFICATE-----\n', ''),
      cert.replace('\n-----END', '-----END'),
    ],
  ],
  [
    'pem-string',
    [key, cert, `-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----`],
    ['key', `${key}${key}`],
  ],
  [
    'pve-command-batch',
    [
      '[]',
      '[{"path":"/nodes/pve1/lxc/100/status/start","method":"POST"}]',
      '[{"path":"/version","method":"GET","args":{"x":1}}]',
    ],
    [
      'not json',
      '{"path":"/version","method":"GET"}',
      '[{"method":"GET"}]',
      '[{"path":"/version","method":"PATCH"}]',
      '[{"path":"/version","method":"get"}]',
      '[{"path":"/version","method":"GET","args":[1]}]',
    ],
  ],
  ['pve-vmid', ['100', '999999999'], ['99', '0100', '1000000000', 'x']],
  ['pve-storage-id', ['local', 'local-lvm', 'nfs.backup'], ['l', '1local', 'local-', 'lo cal']],
  ['pve-configid', ['net0', 'my_snap-1'], ['0net', 'a', 'a.b']],
  ['pve-bridge-id', ['vmbr0', 'br.10', 'brü0'], ['vmbr 0', 'br/0']],
  ['pve-realm', ['pam', 'my.ldap-1'], ['1pam', 'p']],
  ['pve-userid', ['root@pam', 'jö@pve'], ['root', 'a@b', 'ro:ot@pam', `${'a'.repeat(60)}@pam01`]],
  ['pve-tokenid', ['root@pam!ci'], ['root@pam', 'root@pam!1ci']],
  ['pve-poolid', ['prod', 'prod/web/db'], ['prod/web/db/x', 'pro d']],
  ['pve-tag', ['web', 'a.b+c'], ['-web', 'we b']],
  ['pve-ha-resource-id', ['vm:100', 'ct:web'], ['100', 'vm:']],
  ['pve-ha-resource-or-vm-id', ['vm:100', '100'], ['vm100']],
  ['pve-ha-group-node-list', ['pve1:2,pve2', 'pve1 pve-2:10', ''], ['pve1:high', 'pve1,pve_2', 'pve1:']],
  ['pve-volume-id', ['local:iso/debian.iso', 'local-lvm:vm-100-disk-0'], ['debian.iso', '1local:x']],
  ['pve-volume-id-or-qm-path', ['none', 'cdrom', '/dev/sdb', 'local:iso/x.iso'], ['x.iso']],
  ['pve-storage-path', ['/mnt/data', '/mnt/a;b'], ['mnt/data', '/;x']],
  ['pve-storage-path-in-property-string', ['/mnt/data'], ['/,x', 'relative']],
  ['pve-lxc-mp-string', ['/srv/data', 'srv'], ['/srv/../etc', '../x', '/srv/.']],
  ['pve-lxc-dev-string', ['/dev/ttyUSB0'], ['/tmp/x', '/dev/../etc/passwd']],
  ['disk-size', ['32', '1.5G', '10GiB'], ['1.5 G', 'G', '10P']],
  ['pve-startup-order', ['order=1,up=30', '2', 'down=10'], ['0', '', 'order=x', 'later=5']],
  ['storage-pair', ['local', 'local:local-lvm', '1'], ['a:b:c', 'l']],
  ['pve-hotplug-features', ['0', '1', 'disk,network', 'cpu;memory'], ['disk,floppy']],
  ['pve-cpuset', ['0-3', '0,2,4-7'], ['3-1', 'a']],
  ['pve-qm-bootdisk', ['scsi0', 'virtio15', 'sata5', 'efidisk0'], ['scsi31', 'net0']],
  ['ipv4', ['192.0.2.1', '0.0.0.0'], ['256.0.0.1', '192.0.2', '01.2.3.4']],
  ['ipv6', ['2001:db8::1', '::', '::ffff:192.0.2.1'], ['2001:db8:::1', 'g::1']],
  ['CIDR', ['192.0.2.0/24', '2001:db8::/64'], ['192.0.2.0/7', '192.0.2.0/33', '2001:db8::/129']],
  ['IPorCIDR', ['192.0.2.1', '192.0.2.0/24', '2001:db8::/64'], ['192.0.2.0/33', 'host']],
  ['IPorCIDRorAlias', ['dc/office', 'guest/web', '192.0.2.1'], ['dc/1x']],
  ['ipv4mask', ['255.255.255.0', '0.0.0.0'], ['255.0.255.0']],
  ['pve-ipv4-config', ['dhcp', 'manual', '192.0.2.10/24'], ['auto', '192.0.2.10']],
  ['pve-ipv6-config', ['auto', 'dhcp', '2001:db8::10/64'], ['2001:db8::10']],
  ['mac-addr', ['aa:bb:cc:dd:ee:02', 'BC:24:11:00:00:01'], ['ab:bb:cc:dd:ee:02', 'aa-bb-cc-dd-ee-02']],
  ['mac-prefix', ['bc:24:11', 'BC:2'], ['bd:24', 'bc:24:11:00:00']],
  ['dns-name', ['example.com', 'a-b.c'], ['-a.com', 'a..com', 'a_b.com']],
  ['address', ['192.0.2.1', 'pve.example.com'], ['pve example']],
  ['pve-storage-portal-dns', ['192.0.2.1:3260', '[2001:db8::1]:3260', 'iscsi.example.com'], ['a b']],
  ['pve-iface', ['eno1', 'vmbr0.10', 'bond0:1'], ['1eth', 'e']],
  ['pve-vlan-id-or-range', ['10', '2-4094'], ['1', '4095', '20-10', 'x']],
  ['email', ['admin@example.com'], ['admin', 'admin@']],
  ['email-or-username', ['admin@example.com', 'root'], ['ro ot']],
  ['pve-acme-domain', ['pve.example.com'], ['example', '-a.example.com']],
  ['pve-sdn-subnet-id', ['zone1-192.0.2.0-24', '192.0.2.0/24'], ['zone1-192.0.2.0']],
  ['pve-sdn-zone-id', ['zone1', 'Z9'], ['1zone', 'zone-1', 'zonezone1', 'z']],
  ['pve-sdn-controller-id', ['evpn-ctl_1'], ['evpn-']],
  ['pve-sdn-bgp-rt', ['65000:100'], ['65000', '4294967296:1']],
  ['pve-storage-content', ['images', 'import', 'none'], ['disks']],
  ['pve-task-status-type', ['ok', 'ERROR'], ['fine']],
  ['pve-day-of-week', ['mon'], ['monday']],
  ['urlencoded', ['a%20b', "it's"], ['a b']],
  ['pve-replication-job-id', ['100-0', 'other'], ['99-1']],
];

describe('the format checkers', () => {
  for (const [format, good, bad] of cases) {
    it(`${format} takes what PVE takes and refuses the rest`, () => {
      for (const value of good) expect(checkFormat(format, value), `${format} ${value}`).toBeUndefined();
      for (const value of bad) expect(checkFormat(format, value), `${format} ${value}`).toBeTypeOf('string');
    });
  }

  it('checks each item of a -list format (PVE split_list) and lets -opt be empty', () => {
    expect(checkFormat('pve-vmid-list', '100,101 102;103')).toBeUndefined();
    expect(checkFormat('pve-vmid-list', '')).toBeUndefined();
    expect(checkFormat('pve-vmid-list', '100,5')).toMatch(/VM ID/);
    expect(checkFormat('pve-vmid-list', '100\u0000101')).toBeUndefined();
    expect(checkFormat('email-opt', '')).toBeUndefined();
    expect(checkFormat('email-opt', 'nobody')).toMatch(/email/);
  });

  it('leaves exactly these formats of the schemas unchecked (any string passes)', () => {
    const formats = new Set<string>();
    const visit = (property: unknown): void => {
      if (typeof property !== 'object' || property === null) return;
      const p = property as Record<string, unknown>;
      if (typeof p.format === 'string') formats.add(p.format);
      for (const nested of [p.items, ...(Array.isArray(p.oneOf) ? p.oneOf : [])]) visit(nested);
      for (const group of [p.properties, typeof p.format === 'object' ? p.format : undefined]) {
        for (const nested of Object.values((group ?? {}) as Record<string, unknown>)) visit(nested);
      }
    };
    const walk = (nodes: readonly { info?: Record<string, { parameters?: unknown }>; children?: [] }[]) => {
      for (const node of nodes) {
        for (const info of Object.values(node.info ?? {})) visit(info.parameters);
        walk(node.children ?? []);
      }
    };
    for (const file of readdirSync(dataPath('pve-api'))) {
      walk(JSON.parse(readFileSync(dataPath('pve-api', file), 'utf8')));
    }
    // Named property strings transcribed for the generator (scripts/api-schema/named-formats)
    // are spelled out in the generated schemas, so their keys are checked like any others'; the
    // named formats their keys use are seen like the schemas' own.
    const transcriptions = readdirSync(namedFormats).map(
      (file) =>
        (
          JSON.parse(readFileSync(join(namedFormats, file), 'utf8')) as {
            formats: Record<string, { properties: Record<string, unknown> }>;
          }
        ).formats,
    );
    const transcribed = new Set(transcriptions.flatMap((file) => Object.keys(file)));
    for (const file of transcriptions) {
      for (const { properties } of Object.values(file)) visit({ properties });
    }
    const unchecked = [...formats]
      .filter((format) => !isCheckedFormat(format) && !transcribed.has(format))
      .sort();
    expect(unchecked).toEqual([
      // a grammar of its own (pve-common CalendarEvent.pm); hosts answer 400 with the reason
      'pve-calendar-event',
      // the host's /usr/share/zoneinfo
      'pve-ct-timezone',
      // the host's /etc/services, /etc/protocols, ipsets and aliases
      'pve-fw-addr-spec',
      'pve-fw-conntrack-helper',
      'pve-fw-dport-spec',
      'pve-fw-icmp-type-spec',
      'pve-fw-protocol-spec',
      'pve-fw-sport-spec',
      // a key of pve-qm-boot: drive, net, usb and hostpci names of the VM (qemu-server verify_bootdev)
      'pve-qm-bootdev-list',
    ]);
  });
});
