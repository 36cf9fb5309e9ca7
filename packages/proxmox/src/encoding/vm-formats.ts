import type { PropertyFormat, WithExtra } from './typed-format.js';

// The QEMU property-string formats a VM config's disks and agent use, from the PVE 9.1 API
// schema (PUT /nodes/{node}/qemu/{vmid}/config; qemu-server src/PVE/QemuServer/Drive.pm,
// QemuServer/Agent.pm). The keys that matter are typed; the rest (I/O throttling, SCSI
// identification, error policies) stay in `extra`, verbatim. Ranges and enums are the schema's
// (test/vm-config/vm-config-constraints.test.ts compares them).

const diskFormats = ['raw', 'qcow', 'qed', 'qcow2', 'vmdk', 'cloop'];

/** A VM disk or CD-ROM drive: `scsiN`, `virtioN`, `ideN`, `sataN`. */
export interface VMDriveConfig extends WithExtra {
  /**
   * The volume (`local-lvm:vm-102-disk-1`), an ISO (`local:iso/debian-13.iso`), `none` (an
   * empty CD-ROM) or, to allocate a new disk, `STORAGE:SIZE_IN_GiB` (`local-lvm:32`). Written
   * without `file=`.
   */
  readonly file: string;
  /** `disk` (the default) or `cdrom`. */
  readonly media?: string;
  /** Size as PVE prints it (`32G`); read-only. */
  readonly size?: string;
  /** Image format (`raw`, `qcow2`, …). */
  readonly format?: string;
  /** Cache mode (`none`, `writeback`, …). */
  readonly cache?: string;
  /** `on` passes discard/TRIM to the storage; `ignore` (the default) does not. */
  readonly discard?: string;
  /** A dedicated I/O thread (`virtio`, and `scsi` with `virtio-scsi-single`). */
  readonly iothread?: boolean;
  /** Present the disk as an SSD. */
  readonly ssd?: boolean;
  /** Include the disk in backups (default true). */
  readonly backup?: boolean;
  /** Include the disk in storage replication (default true). */
  readonly replicate?: boolean;
  /** Read-only (`scsi`, `virtio`). */
  readonly ro?: boolean;
  /** The drive's reported serial number. */
  readonly serial?: string;
  /** The AIO backend (`native`, `threads`, `io_uring`). */
  readonly aio?: string;
  /** `detect_zeroes`: turn zero writes into discards or zero-writes. */
  readonly detectZeroes?: boolean;
  /** Write to a temporary overlay, discarded when the VM stops. */
  readonly snapshot?: boolean;
  /** Mark a local volume as shared (for migration). */
  readonly shared?: boolean;
  /** On create/update: import the new disk from this volume or path. */
  readonly importFrom?: string;
}

/** `scsiN`/`virtioN`/`ideN`/`sataN` format. */
export const vmDriveFormat: PropertyFormat = {
  name: 'drive',
  fields: {
    file: { key: 'file', type: 'string', defaultKey: true, required: true },
    media: { key: 'media', type: 'string', enum: ['cdrom', 'disk'] },
    size: { key: 'size', type: 'string' },
    format: { key: 'format', type: 'string', enum: diskFormats },
    cache: {
      key: 'cache',
      type: 'string',
      enum: ['none', 'writethrough', 'writeback', 'unsafe', 'directsync'],
    },
    discard: { key: 'discard', type: 'string', enum: ['ignore', 'on'] },
    iothread: { key: 'iothread', type: 'boolean' },
    ssd: { key: 'ssd', type: 'boolean' },
    backup: { key: 'backup', type: 'boolean' },
    replicate: { key: 'replicate', type: 'boolean' },
    ro: { key: 'ro', type: 'boolean' },
    serial: { key: 'serial', type: 'string', maxLength: 60 },
    aio: { key: 'aio', type: 'string', enum: ['native', 'threads', 'io_uring'] },
    detectZeroes: { key: 'detect_zeroes', type: 'boolean' },
    snapshot: { key: 'snapshot', type: 'boolean' },
    shared: { key: 'shared', type: 'boolean' },
    importFrom: { key: 'import-from', type: 'string' },
  },
  aliases: { volume: 'file' },
};

/** `efidisk0`: the UEFI variables of an OVMF VM. */
export interface EFIDiskConfig extends WithExtra {
  /** The volume, or `STORAGE:1` to allocate one. Written without `file=`. */
  readonly file: string;
  /** `2m` or `4m` (the size of the OVMF variables; `4m` for Secure Boot). */
  readonly efitype?: string;
  /** Image format. */
  readonly format?: string;
  /** Microsoft's Secure Boot keys enrolled in advance. */
  readonly preEnrolledKeys?: boolean;
  /** Which Microsoft UEFI CA certificate the keys carry (`2011`, `2023`; PVE 9). */
  readonly msCert?: string;
  /** Size as PVE prints it (`4M`); read-only. */
  readonly size?: string;
  /** On create/update: import from this volume or path. */
  readonly importFrom?: string;
}

/** `efidisk0` format. */
export const efiDiskFormat: PropertyFormat = {
  name: 'EFI disk',
  fields: {
    file: { key: 'file', type: 'string', defaultKey: true, required: true },
    efitype: { key: 'efitype', type: 'string', enum: ['2m', '4m'] },
    format: { key: 'format', type: 'string', enum: diskFormats },
    preEnrolledKeys: { key: 'pre-enrolled-keys', type: 'boolean' },
    msCert: { key: 'ms-cert', type: 'string', enum: ['2011', '2023'] },
    size: { key: 'size', type: 'string' },
    importFrom: { key: 'import-from', type: 'string' },
  },
  aliases: { volume: 'file' },
};

/** `tpmstate0`: the state of the VM's TPM. */
export interface TPMStateConfig extends WithExtra {
  /** The volume, or `STORAGE:1` to allocate one. Written without `file=`. */
  readonly file: string;
  /** TPM version, `v1.2` or `v2.0`. */
  readonly version?: string;
  /** Image format. */
  readonly format?: string;
  /** Size as PVE prints it (`4M`); read-only. */
  readonly size?: string;
  /** On create/update: import from this volume or path. */
  readonly importFrom?: string;
}

/** `tpmstate0` format. */
export const tpmStateFormat: PropertyFormat = {
  name: 'TPM state',
  fields: {
    file: { key: 'file', type: 'string', defaultKey: true, required: true },
    version: { key: 'version', type: 'string', enum: ['v1.2', 'v2.0'] },
    format: { key: 'format', type: 'string', enum: ['raw', 'qcow2', 'vmdk'] },
    size: { key: 'size', type: 'string' },
    importFrom: { key: 'import-from', type: 'string' },
  },
  aliases: { volume: 'file' },
};

/** `agent`: the QEMU guest agent. */
export interface VMAgentConfig extends WithExtra {
  /** Whether the VM has the guest agent's channel. Written without `enabled=`. */
  readonly enabled: boolean;
  /** Freeze the guest's file systems during a backup (default true). */
  readonly freezeFsOnBackup?: boolean;
  /** Run fstrim after moving or cloning a disk. */
  readonly fstrimClonedDisks?: boolean;
  /** The channel, `virtio` (the default) or `isa`. */
  readonly type?: string;
}

/** `agent` format. */
export const vmAgentFormat: PropertyFormat = {
  name: 'guest agent',
  fields: {
    enabled: { key: 'enabled', type: 'boolean', defaultKey: true, required: true },
    freezeFsOnBackup: { key: 'freeze-fs-on-backup', type: 'boolean' },
    fstrimClonedDisks: { key: 'fstrim_cloned_disks', type: 'boolean' },
    type: { key: 'type', type: 'string', enum: ['virtio', 'isa'] },
  },
};

/** `memory` (PVE 8.1+ writes it as a property string; `current` is the MiB). */
export const vmMemoryFormat: PropertyFormat = {
  name: 'memory',
  fields: { current: { key: 'current', type: 'integer', defaultKey: true, required: true, minimum: 16 } },
};

/** `unusedN` of a VM: the volume, written bare (`file`, alias `volume`). */
export const vmUnusedFormat: PropertyFormat = {
  name: 'unused volume',
  fields: { file: { key: 'file', type: 'string', defaultKey: true, required: true } },
  aliases: { volume: 'file' },
};
