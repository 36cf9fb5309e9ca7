import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Command } from '@felhom/privileged';
import { RecordingRunner } from '@felhom/privileged/testing';
import type { HostPaths } from '../../src/mount/host/host-paths.js';

/** A partition (or an unpartitioned disk's own signature) on a fake disk. */
export interface FakeVolume {
  readonly name: string;
  /** blkid tags, e.g. `{ TYPE: 'ext4', UUID: '…', USAGE: 'filesystem' }`; absent: nothing found. */
  readonly tags?: Readonly<Record<string, string>>;
  readonly holders?: readonly string[];
}

/** A disk in the fake sysfs. */
export interface FakeDisk extends FakeVolume {
  /** Where sysfs puts it: below a USB controller, a SATA port, or the virtual devices. */
  readonly bus: 'usb' | 'sata' | 'virtual';
  readonly major: number;
  readonly partitions?: readonly FakeVolume[];
}

const busPath: Record<FakeDisk['bus'], string> = {
  usb: 'devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block',
  sata: 'devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block',
  virtual: 'devices/virtual/block',
};

/**
 * A host for the mount step that lives in a temp directory: sysfs with class/block symlinks,
 * a mount table, /proc/swaps, the device rule, storage.cfg and systemd units, plus a recording
 * runner whose blkid answers from the fake disks and whose mount/umount edit the fake mount table.
 */
export class FakeHost {
  readonly paths: HostPaths;
  readonly runner = new RecordingRunner();
  readonly #volumes = new Map<string, FakeVolume & { majorMinor: string }>();
  /** What `mount` does: mount the device, exit 0 having mounted nothing, show another device, or fail (exit 32). */
  mountBehaviour: 'mount' | 'nothing' | 'other-device' | 'fail' = 'mount';

  constructor(root: string) {
    this.paths = {
      sys: join(root, 'sys'),
      mountinfo: join(root, 'mountinfo'),
      swaps: join(root, 'swaps'),
      deviceRule: join(root, 'etc-felhom', 'mount-devices'),
      pveStorage: join(root, 'storage.cfg'),
      systemdUnits: join(root, 'systemd'),
    };
    mkdirSync(join(this.paths.sys, 'class', 'block'), { recursive: true, mode: 0o755 });
    mkdirSync(join(root, 'etc-felhom'), { mode: 0o755 });
    writeFileSync(this.paths.mountinfo, '21 1 253:0 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n');
    writeFileSync(this.paths.swaps, 'Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n');
    this.runner
      .respond({ file: '/usr/sbin/blkid' }, (command) => this.#blkid(command))
      .respond({ file: '/usr/bin/mount' }, (command) => this.#mount(command))
      .respond({ file: '/usr/bin/umount' }, (command) => this.#umount(command));
  }

  /** Adds a disk with its partitions to sysfs. */
  addDisk(disk: FakeDisk): this {
    const diskDirectory = join(this.paths.sys, busPath[disk.bus], disk.name);
    const volumes = [disk, ...(disk.partitions ?? [])];
    volumes.forEach((volume, minor) => {
      const directory = volume === disk ? diskDirectory : join(diskDirectory, volume.name);
      mkdirSync(join(directory, 'holders'), { recursive: true });
      for (const holder of volume.holders ?? []) writeFileSync(join(directory, 'holders', holder), '');
      writeFileSync(join(directory, 'dev'), `${disk.major}:${minor}\n`);
      if (volume !== disk) writeFileSync(join(directory, 'partition'), `${minor}\n`);
      const link = join(this.paths.sys, 'class', 'block', volume.name);
      symlinkSync(relative(join(this.paths.sys, 'class', 'block'), directory), link);
      this.#volumes.set(`/dev/${volume.name}`, { ...volume, majorMinor: `${disk.major}:${minor}` });
    });
    return this;
  }

  /** Adds a line to the mount table. */
  addMount(device: string, mountPoint: string, fsType = 'ext4', options = 'rw,relatime'): this {
    const majorMinor = this.#volumes.get(device)?.majorMinor ?? '0:99';
    const line = `${100 + this.mountTable().split('\n').length} 21 ${majorMinor} / ${mountPoint} ${options} shared:2 - ${fsType} ${device} rw\n`;
    writeFileSync(this.paths.mountinfo, this.mountTable() + line);
    return this;
  }

  /** The mount table as text. */
  mountTable(): string {
    return readFileSync(this.paths.mountinfo, 'utf8');
  }

  /** The mount points in the table, in order. */
  mountPoints(): string[] {
    return this.mountTable()
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ')[4] as string);
  }

  #blkid(command: Command) {
    const args = command.args;
    const byUUID = args.indexOf('-t');
    if (byUUID !== -1) {
      const uuid = (args[byUUID + 1] as string).slice('UUID='.length);
      const found = [...this.#volumes]
        .filter(([, volume]) => volume.tags?.UUID === uuid)
        .map(([path]) => path);
      return found.length === 0 ? { exitCode: 2 } : { stdout: `${found.join('\n')}\n` };
    }
    const tags = this.#volumes.get(args.at(-1) as string)?.tags;
    if (!tags) return { exitCode: 2 };
    if (tags.AMBIVALENT) return { exitCode: 8, stderr: 'ambivalent result' };
    return {
      stdout: `${Object.entries({ DEVNAME: args.at(-1), ...tags })
        .map(([key, value]) => `${key}=${value}`)
        .join('\n')}\n`,
    };
  }

  #mount(command: Command) {
    const [, fsType, , options, device, mountPoint] = command.args as string[];
    if (this.mountBehaviour === 'nothing') return {};
    if (this.mountBehaviour === 'fail')
      return { exitCode: 32, stderr: `mount: ${mountPoint}: wrong fs type.\n` };
    const shown = this.mountBehaviour === 'other-device' ? '/dev/vda1' : (device as string);
    this.addMount(shown, mountPoint as string, fsType, `rw,${options}`);
    return {};
  }

  #umount(command: Command) {
    const target = command.args[0];
    const lines = this.mountTable().split('\n').filter(Boolean);
    const index = lines.findLastIndex((line) => line.split(' ')[4] === target);
    if (index === -1) return { exitCode: 32, stderr: `umount: ${target}: not mounted.\n` };
    lines.splice(index, 1);
    writeFileSync(this.paths.mountinfo, `${lines.join('\n')}\n`);
    return {};
  }
}

/** A USB stick with one ext4 partition carrying `uuid`. */
export function usbStick(uuid: string, name = 'sdb', major = 8): FakeDisk {
  return {
    name,
    bus: 'usb',
    major,
    tags: { PTTYPE: 'gpt' },
    partitions: [{ name: `${name}1`, tags: { UUID: uuid, TYPE: 'ext4', USAGE: 'filesystem' } }],
  };
}
