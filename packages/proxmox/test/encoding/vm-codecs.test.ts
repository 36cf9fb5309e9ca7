import { InvalidArgumentError } from '@felhom/proxmox';
import { describe, expect, it } from 'vitest';
import { parseTyped, serializeTyped } from '../../src/encoding/typed-format.js';
import { type VMDriveConfig, vmDriveFormat } from '../../src/encoding/vm-formats.js';
import { parseVMNet, serializeVMNet } from '../../src/encoding/vm-net.js';

// A VM's NIC carries its model as the key of the MAC (`virtio=BC:…`), PVE's keyAlias; drives
// accept `volume` for `file`. Both read what PVE writes and write what PVE reads back.

describe('VM network devices', () => {
  it.each([
    [
      'virtio=BC:24:11:5A:00:66,bridge=vmbr0,firewall=1',
      { model: 'virtio', macaddr: 'BC:24:11:5A:00:66', bridge: 'vmbr0', firewall: true },
    ],
    ['e1000,bridge=vmbr1,link_down=1,tag=20', { model: 'e1000', bridge: 'vmbr1', linkDown: true, tag: 20 }],
    [
      'vmxnet3=0A:00:00:00:00:01,bridge=vmbr0,queues=4,rate=12.5,trunks=10;20-30',
      {
        model: 'vmxnet3',
        macaddr: '0A:00:00:00:00:01',
        bridge: 'vmbr0',
        queues: 4,
        rate: 12.5,
        trunks: ['10', '20-30'],
      },
    ],
  ])('%s reads and writes back unchanged', (text, parsed) => {
    expect(parseVMNet(text, 'net0')).toEqual(parsed);
    expect(serializeVMNet(parsed, 'net0')).toBe(text);
  });

  it('reads the spelled-out form model=…,macaddr=… and writes it as PVE does', () => {
    const parsed = parseVMNet('bridge=vmbr0,macaddr=BC:24:11:5A:00:66,model=virtio', 'net0');
    expect(serializeVMNet(parsed, 'net0')).toBe('virtio=BC:24:11:5A:00:66,bridge=vmbr0');
  });

  it('keeps keys it does not know in extra, both ways', () => {
    const parsed = parseVMNet('virtio=BC:24:11:5A:00:66,bridge=vmbr0,future=1', 'net0');
    expect(parsed.extra).toEqual({ future: '1' });
    expect(serializeVMNet(parsed, 'net0')).toBe('virtio=BC:24:11:5A:00:66,bridge=vmbr0,future=1');
  });

  it('refuses two models, a NIC model in extra and a malformed MAC, naming the field', () => {
    expect(() => parseVMNet('virtio=AA:BB:CC:DD:EE:FF,e1000=AA:BB:CC:DD:EE:00', 'net1')).toThrow(
      expect.objectContaining({ parameter: 'net1' }),
    );
    expect(() => serializeVMNet({ model: 'virtio', extra: { e1000: 'x' } }, 'net1')).toThrow(
      expect.objectContaining({ parameter: 'net1.extra.e1000' }),
    );
    const error = (() => {
      try {
        serializeVMNet({ model: 'virtio', macaddr: 'bc-24-11-5a-00-66' }, 'net1');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ parameter: 'net1.macaddr', value: 'bc-24-11-5a-00-66' });
  });
});

describe('VM drives', () => {
  it('reads `volume=` as the file and writes the file bare, first', () => {
    const drive = parseTyped<VMDriveConfig>(
      vmDriveFormat,
      'size=32G,volume=local-lvm:vm-102-disk-1,ssd=1',
      'scsi0',
    );
    expect(drive).toEqual({ file: 'local-lvm:vm-102-disk-1', size: '32G', ssd: true });
    expect(serializeTyped(vmDriveFormat, drive, 'scsi0')).toBe('local-lvm:vm-102-disk-1,size=32G,ssd=1');
  });

  it('refuses an alias in extra when writing: PVE would read it as a second file', () => {
    expect(() =>
      serializeTyped<VMDriveConfig>(vmDriveFormat, { file: 'local-lvm:8', extra: { volume: 'x' } }, 'scsi1'),
    ).toThrow(expect.objectContaining({ parameter: 'scsi1.extra.volume' }));
  });
});
