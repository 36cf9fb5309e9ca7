import { ResponseShapeError } from '@felhom/proxmox';
import { parseResponse, type ResponseSchema } from '@felhom/proxmox/schemas';
import { describe, expect, it } from 'vitest';
import { vmListSchema, vmStatusSchema } from '../../src/schemas/vm.js';
import { vmConfigSchema } from '../../src/schemas/vm-config.js';

// VM answers in the shapes real hosts send (docs/pve-behaviour.md, "VM list and status", "VM
// config"): `check_type` numbers and 0/1 flags, `memory` and `agent` as property strings,
// `cpulimit` as a string, the NIC model carrying the MAC, the masked cloud-init password.

const parse = <TSchema extends ResponseSchema>(schema: TSchema, data: unknown) =>
  parseResponse(schema, data, 'GET /test');

function shapeError(action: () => unknown): ResponseShapeError {
  try {
    action();
  } catch (error) {
    if (error instanceof ResponseShapeError) return error;
    throw error;
  }
  throw new Error('expected a ResponseShapeError');
}

/** A PVE 8.4 host's config of a UEFI VM with a TPM, a CD-ROM, a passed-through GPU, cloud-init. */
const pve84Config = {
  digest: '3f0e1c2d4b5a69788796a5b4c3d2e1f0a9b8c7d6',
  agent: '1,fstrim_cloned_disks=1',
  bios: 'ovmf',
  boot: 'order=scsi0;ide2;net0',
  cipassword: '**********',
  ciuser: 'debian',
  cores: 4,
  cpu: 'x86-64-v2-AES',
  cpulimit: '1.5',
  efidisk0: 'local-lvm:vm-103-disk-0,efitype=4m,pre-enrolled-keys=1,size=4M',
  hostpci0: 'mapping=igpu,pcie=1',
  ide2: 'local:iso/debian-13.0.0-amd64-netinst.iso,media=cdrom,size=754M',
  ipconfig0: 'ip=dhcp',
  machine: 'q35',
  memory: '6144',
  meta: 'creation-qemu=9.2.0,ctime=1761900000',
  name: 'media',
  net0: 'virtio=BC:24:11:5A:00:67,bridge=vmbr0,firewall=1,tag=20',
  net1: 'e1000,bridge=vmbr1,link_down=1',
  numa: 0,
  onboot: 1,
  ostype: 'l26',
  scsi0: 'local-lvm:vm-103-disk-1,cache=writeback,discard=on,iothread=1,size=64G,ssd=1',
  scsi1: 'local-lvm:vm-103-disk-3,backup=0,bps_rd=10485760,size=500G',
  scsihw: 'virtio-scsi-single',
  smbios1: 'uuid=6b1d2c7e-1f0a-4b3c-9d8e-7f6a5b4c3d2e',
  sockets: 1,
  tags: 'felhom;media',
  tpmstate0: 'local-lvm:vm-103-disk-2,size=4M,version=v2.0',
  unused0: 'local-lvm:vm-103-disk-4',
  vmgenid: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
};

describe('vmConfig', () => {
  it('reads a PVE 8.4 config: scalars typed, drives, EFI, TPM, NICs, agent and memory parsed', () => {
    const config = parse(vmConfigSchema, pve84Config);
    expect(config).toMatchObject({
      cores: 4,
      cpulimit: 1.5,
      memory: 6144,
      numa: false,
      onboot: true,
      sockets: 1,
      bios: 'ovmf',
      cipassword: '**********',
      tags: ['felhom', 'media'],
    });
    expect(config.drives).toEqual({
      ide2: { file: 'local:iso/debian-13.0.0-amd64-netinst.iso', media: 'cdrom', size: '754M' },
      scsi0: {
        file: 'local-lvm:vm-103-disk-1',
        cache: 'writeback',
        discard: 'on',
        iothread: true,
        size: '64G',
        ssd: true,
      },
      scsi1: { file: 'local-lvm:vm-103-disk-3', backup: false, size: '500G', extra: { bps_rd: '10485760' } },
    });
    expect(config.efidisk0).toEqual({
      file: 'local-lvm:vm-103-disk-0',
      efitype: '4m',
      preEnrolledKeys: true,
      size: '4M',
    });
    expect(config.tpmstate0).toEqual({ file: 'local-lvm:vm-103-disk-2', size: '4M', version: 'v2.0' });
    expect(config.nets).toEqual({
      0: { model: 'virtio', macaddr: 'BC:24:11:5A:00:67', bridge: 'vmbr0', firewall: true, tag: 20 },
      1: { model: 'e1000', bridge: 'vmbr1', linkDown: true },
    });
    expect(config.agent).toEqual({ enabled: true, fstrimClonedDisks: true });
    expect(config.unused).toEqual({ 0: 'local-lvm:vm-103-disk-4' });
    expect(config.extra).toEqual({ hostpci0: 'mapping=igpu,pcie=1', ipconfig0: 'ip=dhcp' });
  });

  it('reads memory and agent however the host wrote them: bare numbers or key=value', () => {
    const base = { digest: pve84Config.digest };
    expect(parse(vmConfigSchema, { ...base, memory: 2048, agent: 0 })).toMatchObject({
      memory: 2048,
      agent: { enabled: false },
    });
    expect(
      parse(vmConfigSchema, { ...base, memory: 'current=2048', agent: 'enabled=1,type=isa' }),
    ).toMatchObject({ memory: 2048, agent: { enabled: true, type: 'isa' } });
  });

  it('reads a drive written with the `volume` alias, and refuses one naming its volume twice', () => {
    const base = { digest: pve84Config.digest };
    expect(
      parse(vmConfigSchema, { ...base, virtio0: 'volume=local-lvm:vm-1-disk-0' }).drives.virtio0,
    ).toEqual({
      file: 'local-lvm:vm-1-disk-0',
    });
    const error = shapeError(() =>
      parse(vmConfigSchema, { ...base, virtio0: 'local-lvm:vm-1-disk-0,volume=local-lvm:vm-1-disk-1' }),
    );
    expect(error.fieldPath).toBe('data.virtio0');
  });

  it('names the key of a value it cannot read', () => {
    const base = { digest: pve84Config.digest };
    expect(shapeError(() => parse(vmConfigSchema, { ...base, net0: 'virtio=AA,e1000=BB' })).fieldPath).toBe(
      'data.net0',
    );
    expect(shapeError(() => parse(vmConfigSchema, { ...base, cores: 'many' })).fieldPath).toBe('data.cores');
    expect(
      shapeError(() => parse(vmConfigSchema, { ...base, scsi0: 'local-lvm:x,ssd=perhaps' })).fieldPath,
    ).toBe('data.scsi0');
    expect(shapeError(() => parse(vmConfigSchema, { cores: 2 })).fieldPath).toBe('data.digest');
  });
});

describe('listVMs and vmStatus', () => {
  it('reads list entries as qemu-server writes them; a running VM has a pid, a stopped one not', () => {
    const [running, stopped] = parse(vmListSchema, [
      {
        vmid: 102,
        name: 'haos',
        status: 'running',
        cpus: 2,
        cpu: 0.0171,
        mem: 1803550720,
        maxmem: 4294967296,
        disk: 0,
        maxdisk: 34359738368,
        netin: 150470656,
        netout: 66060288,
        uptime: 172200,
        pid: 3125,
        tags: 'felhom;homeassistant',
        serial: 1,
      },
      {
        vmid: 201,
        name: 'builder',
        status: 'stopped',
        cpus: 4,
        maxmem: 8589934592,
        template: 1,
        lock: 'backup',
      },
    ]);
    expect(running).toMatchObject({
      vmid: 102,
      pid: 3125,
      serial: true,
      template: false,
      tags: ['felhom', 'homeassistant'],
    });
    expect(running?.lock).toBeUndefined();
    expect(stopped).toMatchObject({ vmid: 201, template: true, lock: 'backup', tags: [] });
    expect(stopped?.pid).toBeUndefined();
  });

  it('reads a running VM’s status with QMP figures, ha and agent; numbers sent as strings coerce', () => {
    const status = parse(vmStatusSchema, {
      vmid: '102',
      status: 'running',
      qmpstatus: 'paused',
      agent: 1,
      ha: { managed: 1, state: 'started', group: 'homelab' },
      maxmem: '4294967296',
      balloon: 4294967296,
      'running-machine': 'pc-q35-9.2+pve1',
      'running-qemu': '9.2.0',
      nics: { tap102i0: { netin: 150470656, netout: 66060288 } },
    });
    expect(status).toMatchObject({
      vmid: 102,
      qmpstatus: 'paused',
      agent: true,
      ha: { managed: true, state: 'started' },
      maxmem: 4294967296,
    });
    expect(parse(vmStatusSchema, { vmid: 201, status: 'stopped', ha: { managed: 0 } })).toMatchObject({
      agent: false,
      ha: { managed: false },
    });
  });
});
