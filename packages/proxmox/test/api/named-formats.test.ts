import { inspect } from 'node:util';
import { InvalidArgumentError } from '@felhom/proxmox';
import type { createApi } from '@felhom/proxmox/api';
import { describe, expect, it } from 'vitest';
import { recordingApi } from '../support/recording-api.js';

// The property strings PVE registers by name (scripts/api-schema/named-formats, transcribed from
// the Proxmox module that registers each): the generator spells their keys out, so a value is
// checked key by key before anything is sent, as typed objects or as text.

type Value = string | Readonly<Record<string, unknown>>;

/** A PUT or POST endpoint taking the parameter in its body, and the path values it needs. */
interface Case {
  readonly format: string;
  readonly method: 'put' | 'post';
  readonly path: string;
  readonly pathValues: Readonly<Record<string, string | number>>;
  readonly parameter: string;
  /** The endpoint's answer (when it is not null). */
  readonly answer?: unknown;
  /** The other body parameters the endpoint requires. */
  readonly otherBody?: Readonly<Record<string, string>>;
  /** The parameter is an array of property strings: one text sent per item. */
  readonly array?: true;
  /** Values PVE accepts: text, or an object the client encodes; with the text it must send. */
  readonly good: readonly (readonly [value: Value | readonly Value[], wire: string | readonly string[]])[];
  /** Values PVE refuses, each with a fragment of the reason. */
  readonly bad: readonly (readonly [value: Value, reason: RegExp])[];
}

const vmConfig = {
  method: 'put',
  path: '/nodes/{node}/qemu/{vmid}/config',
  pathValues: { node: 'pve1', vmid: 100 },
} as const;

const upid = 'UPID:pve1:000A1B2C:0012D687:6745A1B0:vzdump::root@pam:';

const vzdump = {
  method: 'post',
  path: '/nodes/{node}/vzdump',
  pathValues: { node: 'pve1' },
  answer: upid,
} as const;

const backupJob = {
  method: 'put',
  path: '/cluster/backup/{id}',
  pathValues: { id: 'backup-5f1c2a3b-9d04' },
} as const;

const realm = { method: 'put', path: '/access/domains/{realm}', pathValues: { realm: 'corp' } } as const;

const fingerprint = Array.from({ length: 32 }, (_, i) =>
  (i * 7).toString(16).padStart(2, '0').toUpperCase(),
).join(':');

const cases: readonly Case[] = [
  {
    format: 'pve-qm-watchdog',
    ...vmConfig,
    parameter: 'watchdog',
    good: [
      ['i6300esb', 'i6300esb'],
      ['model=ib700,action=pause', 'model=ib700,action=pause'],
      [{ model: 'ib700', action: 'reset' }, 'ib700,action=reset'],
    ],
    bad: [
      ['model=sp5100', /model/],
      ['action=explode', /action/],
      ['model=ib700,speed=1', /invalid key.*speed/],
    ],
  },
  {
    format: 'backup-fleecing',
    ...vzdump,
    parameter: 'fleecing',
    good: [
      ['enabled=1,storage=local-lvm', 'enabled=1,storage=local-lvm'],
      ['0', '0'],
      [{ enabled: true, storage: 'local-zfs' }, '1,storage=local-zfs'],
    ],
    bad: [
      ['enabled=maybe', /enabled.*boolean/],
      ['1,storage=1local', /storage ID '1local'/],
      ['enabled=1,size=10', /invalid key.*size/],
    ],
  },
  {
    format: 'backup-performance',
    ...backupJob,
    parameter: 'performance',
    good: [
      ['max-workers=4', 'max-workers=4'],
      [{ 'pbs-entries-max': 2097152, 'max-workers': 8 }, 'max-workers=8,pbs-entries-max=2097152'],
    ],
    bad: [
      ['max-workers=0', /max-workers.*minimum value of 1/],
      ['max-workers=257', /max-workers.*maximum value of 256/],
      ['pbs-entries-max=many', /pbs-entries-max.*integer/],
    ],
  },
  {
    format: 'prune-backups',
    method: 'put',
    path: '/storage/{storage}',
    pathValues: { storage: 'backup' },
    answer: { storage: 'backup', type: 'pbs' },
    parameter: 'prune-backups',
    good: [
      ['keep-last=3,keep-daily=7', 'keep-last=3,keep-daily=7'],
      [{ 'keep-all': true }, 'keep-all=1'],
      [{ 'keep-weekly': 4, 'keep-monthly': 0 }, 'keep-monthly=0,keep-weekly=4'],
    ],
    bad: [
      ['keep-last=-1', /keep-last.*minimum value of 0/],
      ['keep-daily=1.5', /keep-daily.*integer/],
      ['keep-forever=1', /invalid key.*keep-forever/],
    ],
  },
  {
    format: 'proxmox-remote',
    method: 'post',
    path: '/nodes/{node}/qemu/{vmid}/remote_migrate',
    pathValues: { node: 'pve1', vmid: 100 },
    answer: upid,
    parameter: 'target-endpoint',
    otherBody: { 'target-bridge': 'vmbr0', 'target-storage': 'local-lvm' },
    good: [
      [
        'host=192.0.2.10,apitoken=PVEAPIToken=root@pam!migrate=0b6c3c0e-0f55-4a4f-9b0e-5d2f7f0c9a11',
        'host=192.0.2.10,apitoken=PVEAPIToken=root@pam!migrate=0b6c3c0e-0f55-4a4f-9b0e-5d2f7f0c9a11',
      ],
      [
        { host: 'pve2.example.com', port: 8006, fingerprint, apitoken: 'PVEAPIToken=ops@pve!mig=secret' },
        `apitoken=PVEAPIToken=ops@pve!mig=secret,host=pve2.example.com,fingerprint=${fingerprint},port=8006`,
      ],
    ],
    bad: [
      ['host=192.0.2.10', /apitoken.*missing/],
      ['host=192.0.2.10,apitoken=PVEAPIToken=a@pam!b=c,port=eighty', /port.*integer/],
      ['host=192.0.2.10,apitoken=PVEAPIToken=a@pam!b=c,fingerprint=AA:BB', /fingerprint.*regex/],
    ],
  },
  {
    format: 'realm-sync-options',
    ...realm,
    parameter: 'sync-defaults-options',
    good: [
      ['scope=users,enable-new=0', 'scope=users,enable-new=0'],
      [
        { scope: 'both', 'remove-vanished': 'acl;entry;properties' },
        'remove-vanished=acl;entry;properties,scope=both',
      ],
      [{ 'remove-vanished': 'none', purge: false }, 'purge=0,remove-vanished=none'],
    ],
    bad: [
      ['scope=all', /scope.*enumeration/],
      ['remove-vanished=users', /remove-vanished.*regex/],
      ['enable-new=perhaps', /enable-new.*boolean/],
    ],
  },
  {
    format: 'pve-tfa-config',
    ...realm,
    parameter: 'tfa',
    good: [
      ['type=oath', 'type=oath'],
      ['type=oath,digits=8,step=60', 'type=oath,digits=8,step=60'],
      [
        { url: 'https://api.example.com/wsapi/2.0/verify', key: 'c2VjcmV0', id: '42', type: 'yubico' },
        'type=yubico,id=42,key=c2VjcmV0,url=https://api.example.com/wsapi/2.0/verify',
      ],
    ],
    bad: [
      ['digits=6', /type.*missing/],
      ['type=totp', /type.*enumeration/],
      ['type=oath,digits=10', /digits.*maximum value of 8/],
      ['type=oath,step=5', /step.*minimum value of 10/],
    ],
  },
  {
    format: 'pve-sdn-dhcp-range',
    method: 'put',
    path: '/cluster/sdn/vnets/{vnet}/subnets/{subnet}',
    pathValues: { vnet: 'vnet1', subnet: 'zone1-10.0.0.0-24' },
    parameter: 'dhcp-range',
    array: true,
    good: [
      [
        'start-address=10.0.0.100,end-address=10.0.0.200',
        ['start-address=10.0.0.100,end-address=10.0.0.200'],
      ],
      [
        [
          { 'start-address': '10.0.0.10', 'end-address': '10.0.0.19' },
          'end-address=10.0.0.49,start-address=10.0.0.40',
        ],
        ['end-address=10.0.0.19,start-address=10.0.0.10', 'end-address=10.0.0.49,start-address=10.0.0.40'],
      ],
    ],
    bad: [
      ['start-address=10.0.0.100', /end-address.*missing/],
      ['start-address=10.0.0.1,end-address=10.0.0.9,gateway=10.0.0.1', /invalid key.*gateway/],
    ],
  },
  {
    format: 'pve-qm-boot',
    ...vmConfig,
    parameter: 'boot',
    good: [
      ['order=scsi0;ide2;net0', 'order=scsi0;ide2;net0'],
      ['cdn', 'cdn'],
      [{ order: ['virtio0', 'net0'] }, 'order=virtio0;net0'],
      [{ legacy: 'dc' }, 'dc'],
    ],
    bad: [
      ['legacy=cdx', /legacy/],
      ['acdnc', /legacy/],
      ['order=scsi0,priority=1', /invalid key.*priority/],
    ],
  },
  {
    format: 'pve-qm-cicustom',
    ...vmConfig,
    parameter: 'cicustom',
    good: [
      ['user=local:snippets/user.yaml', 'user=local:snippets/user.yaml'],
      [
        { user: 'local:snippets/user.yaml', network: 'local:snippets/net.yaml' },
        'network=local:snippets/net.yaml,user=local:snippets/user.yaml',
      ],
    ],
    bad: [
      ['user=user.yaml', /user/],
      ['local:snippets/user.yaml', /no default key/],
      ['scripts=local:snippets/run.yaml', /invalid key.*scripts/],
    ],
  },
  {
    format: 'pve-qm-hostpci',
    ...vmConfig,
    parameter: 'hostpci0',
    good: [
      ['0000:01:00.0', '0000:01:00.0'],
      ['01:00.0;01:00.1,pcie=1,x-vga=1', '01:00.0;01:00.1,pcie=1,x-vga=1'],
      [{ mapping: 'gpu1', pcie: true }, 'mapping=gpu1,pcie=1'],
      [
        { host: '0000:01:00.0', rombar: false, 'vendor-id': '0x10de' },
        '0000:01:00.0,rombar=0,vendor-id=0x10de',
      ],
    ],
    bad: [
      ['0000:01:00.0,vendor-id=10de', /vendor-id/],
      ['01:00.0,driver=nouveau', /driver/],
      ['0000:0A:00.0', /host/],
    ],
  },
  {
    format: 'pve-qm-ide',
    ...vmConfig,
    parameter: 'cdrom',
    good: [
      ['local:iso/debian.iso,media=cdrom', 'local:iso/debian.iso,media=cdrom'],
      ['cdrom', 'cdrom'],
      [{ file: 'none', media: 'cdrom' }, 'none,media=cdrom'],
    ],
    bad: [
      ['media=cdrom', /'file' is missing/],
      ['local:iso/debian.iso,media=floppy', /media/],
      ['local:iso/debian.iso,iothread=1', /invalid key.*iothread/],
    ],
  },
  {
    format: 'pve-qm-ipconfig',
    ...vmConfig,
    parameter: 'ipconfig0',
    good: [
      ['ip=192.0.2.10/24,gw=192.0.2.1', 'ip=192.0.2.10/24,gw=192.0.2.1'],
      ['ip=dhcp,ip6=auto', 'ip=dhcp,ip6=auto'],
      [
        { ip: '192.0.2.10/24', gw: '192.0.2.1', ip6: '2001:db8::10/64', gw6: '2001:db8::1' },
        'gw=192.0.2.1,gw6=2001:db8::1,ip=192.0.2.10/24,ip6=2001:db8::10/64',
      ],
    ],
    bad: [
      ['gw=192.0.2.1', /missing property required by 'gw'/],
      [{ ip6: 'dhcp', gw6: '2001:db8::1', gw: '192.0.2.1' }, /missing property required by 'gw'/],
      ['ip=192.0.2.10', /ip/],
    ],
  },
  {
    format: 'pve-qm-rng',
    ...vmConfig,
    parameter: 'rng0',
    good: [
      ['/dev/urandom', '/dev/urandom'],
      ['source=/dev/hwrng,max_bytes=0', 'source=/dev/hwrng,max_bytes=0'],
      [{ source: '/dev/random', max_bytes: 2048, period: 500 }, '/dev/random,max_bytes=2048,period=500'],
    ],
    bad: [
      ['/dev/zero', /enumeration/],
      ['max_bytes=1024', /'source' is missing/],
      ['/dev/urandom,period=1s', /period/],
    ],
  },
  {
    format: 'pve-qm-smbios1',
    ...vmConfig,
    parameter: 'smbios1',
    good: [
      ['uuid=3f2a1c4e-8b7d-4e6f-9a0b-1c2d3e4f5a6b', 'uuid=3f2a1c4e-8b7d-4e6f-9a0b-1c2d3e4f5a6b'],
      ['base64=1,manufacturer=UHJveG1veA==', 'base64=1,manufacturer=UHJveG1veA=='],
      [
        { uuid: '3F2A1C4E-8B7D-4E6F-9A0B-1C2D3E4F5A6B', product: 'UFZF', base64: true },
        'base64=1,product=UFZF,uuid=3F2A1C4E-8B7D-4E6F-9A0B-1C2D3E4F5A6B',
      ],
    ],
    bad: [
      ['uuid=3f2a1c4e-8b7d-4e6f-9a0b', /uuid/],
      ['manufacturer=Proxmox Server', /manufacturer/],
      ['serial=abc===', /serial/],
    ],
  },
  {
    format: 'pve-vm-cpu-conf',
    ...vmConfig,
    parameter: 'cpu',
    good: [
      ['host', 'host'],
      ['x86-64-v2-AES,flags=+aes;-pcid', 'x86-64-v2-AES,flags=+aes;-pcid'],
      [
        { cputype: 'kvm64', flags: '+md-clear;+spec-ctrl', hidden: true },
        'kvm64,flags=+md-clear;+spec-ctrl,hidden=1',
      ],
      [
        { cputype: 'host', 'phys-bits': 'host', 'hv-vendor-id': 'proxmox' },
        'host,hv-vendor-id=proxmox,phys-bits=host',
      ],
    ],
    bad: [
      ['host,hv-vendor-id=vendoridistoolong', /hv-vendor-id/],
      ['host,guest-phys-bits=16', /guest-phys-bits/],
      ['host,flags=aes', /flags/],
      ['host,nested=1', /invalid key.*nested/],
    ],
  },
  {
    format: 'pve-qemu-sev-fmt',
    ...vmConfig,
    parameter: 'amd-sev',
    good: [
      ['std', 'std'],
      ['type=snp,allow-smt=0', 'type=snp,allow-smt=0'],
      [{ type: 'es', 'no-debug': true }, 'es,no-debug=1'],
    ],
    bad: [
      ['tdx', /enumeration/],
      ['no-debug=1', /'type' is missing/],
      ['std,kernel-hashes=maybe', /kernel-hashes/],
    ],
  },
  {
    format: 'pve-qemu-tdx-fmt',
    ...vmConfig,
    parameter: 'intel-tdx',
    good: [
      ['tdx,attestation=1', 'tdx,attestation=1'],
      ['type=tdx,attestation=0,vsock-port=4051', 'type=tdx,attestation=0,vsock-port=4051'],
      [{ type: 'tdx', attestation: true, 'vsock-cid': 3 }, 'tdx,attestation=1,vsock-cid=3'],
    ],
    bad: [
      // `attestation` has a default but is not optional: PVE wants it written.
      ['tdx', /'attestation' is missing/],
      ['tdx,attestation=1,vsock-cid=1', /vsock-cid/],
      ['sev,attestation=1', /enumeration/],
    ],
  },
];

type Call = (path: string, options?: unknown) => Promise<unknown>;

describe.each(cases)('the named format $format', (c) => {
  const call = (api: ReturnType<typeof createApi>, value: unknown) =>
    ((api as unknown as Record<string, Call>)[c.method] as Call)(c.path, {
      path: c.pathValues,
      body: { ...c.otherBody, [c.parameter]: value },
    });

  it.each(c.good)('sends %j as %s', async (value, wire) => {
    const { sent, api } = recordingApi(c.answer);
    await call(api, value);
    expect(sent).toHaveLength(1);
    expect((sent[0]?.options?.body as Record<string, unknown> | undefined)?.[c.parameter]).toEqual(wire);
  });

  it.each(c.bad)('refuses %j, naming the parameter, with nothing sent', async (value, reason) => {
    const { sent, api } = recordingApi(c.answer);
    const error = await call(api, value).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ parameter: c.array ? `${c.parameter}[0]` : c.parameter });
    expect(String((error as Error).message)).toMatch(reason);
    expect(sent).toEqual([]);
  });
});

describe('a refused value that may hold a secret', () => {
  const secret = 'a1b2c3d4-secret-value';
  const refusal = async (call: (api: ReturnType<typeof recordingApi>['api']) => Promise<unknown>) => {
    const { sent, api } = recordingApi(upid);
    const error = await call(api).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(sent).toEqual([]);
    return error as InvalidArgumentError;
  };
  const remoteMigrate = (endpoint: unknown) => (api: ReturnType<typeof recordingApi>['api']) =>
    api.post('/nodes/{node}/qemu/{vmid}/remote_migrate', {
      path: { node: 'pve1', vmid: 100 },
      body: { 'target-endpoint': endpoint as string, 'target-bridge': 'vmbr0', 'target-storage': 'local' },
    });

  it.each([
    [
      'a property string with a token, wrong elsewhere',
      `host=192.0.2.10,apitoken=PVEAPIToken=a@pam!b=${secret},port=x`,
    ],
    [
      'its object with a misspelt token key',
      { host: '192.0.2.10', apiToken: `PVEAPIToken=a@pam!b=${secret}` },
    ],
  ])('is not shown: %s', async (_title, endpoint) => {
    const error = await refusal(remoteMigrate(endpoint));
    expect(error.parameter).toMatch(/^target-endpoint/);
    expect(error.value).toBe('[REDACTED]');
    for (const text of [error.message, String(error.stack), inspect(error), JSON.stringify(error)])
      expect(text).not.toContain(secret);
  });

  it('is not shown for a password either, while an ordinary value still is', async () => {
    const password = await refusal((api) =>
      api.put('/access/password', { body: { userid: 'ops@pve', password: secret.repeat(4) } }),
    );
    expect(password).toMatchObject({ parameter: 'password', value: '[REDACTED]' });
    expect(password.message).not.toContain(secret);
    const watchdog = await refusal((api) =>
      api.put('/nodes/{node}/qemu/{vmid}/config', {
        path: { node: 'pve1', vmid: 100 },
        body: { watchdog: 'model=sp5100' },
      }),
    );
    expect(watchdog).toMatchObject({ parameter: 'watchdog', value: 'model=sp5100' });
  });
});
