import { randomUUID } from 'node:crypto';
import { parseDiskSize, parsePropertyString } from '../model/config-file.js';
import type { SimGuest, SimStorage, SimVolume } from '../model/inventory.js';
import { DRIVE_KEYS, driveVolume } from '../model/qemu-drives.js';
import { formatSize, renderBytes, vzdumpSize } from '../model/sizes.js';
import { hms, logStamp, vzdumpStamp } from '../model/time-format.js';
import { rootfsSize } from './views.js';

/**
 * One guest of a backup job as `PVE::VZDump::exec_backup_task` (pve-manager) and its guest
 * plugins (`PVE::VZDump::LXC` in pve-container, `PVE::VZDump::QemuServer` in qemu-server) log
 * it, and the archive it leaves: `vzdump-lxc-<vmid>-<stamp>.tar.zst` or
 * `vzdump-qemu-<vmid>-<stamp>.vma.zst`. A stopped guest is always backed up in `stop` mode.
 */

const EXTENSIONS: Readonly<Record<string, { readonly lxc: string; readonly qemu: string }>> = {
  '0': { lxc: 'tar', qemu: 'vma' },
  '1': { lxc: 'tar.lzo', qemu: 'vma.lzo' },
  gzip: { lxc: 'tar.gz', qemu: 'vma.gz' },
  lzo: { lxc: 'tar.lzo', qemu: 'vma.lzo' },
  zstd: { lxc: 'tar.zst', qemu: 'vma.zst' },
};

/** The job's settings every guest shares. */
export interface SimBackupJob {
  readonly node: string;
  readonly storage: SimStorage;
  readonly mode: string;
  readonly compress: string;
  readonly startMs: number;
  /** Notes from `notes-template`, per guest. */
  readonly notes: ((guest: SimGuest, name: string) => string) | undefined;
}

/** A guest's log lines and the archive it makes when the job ends. */
export interface SimGuestBackup {
  readonly lines: string[];
  readonly volume: SimVolume;
}

const info = (lines: string[]): string[] => lines.map((line) => `INFO: ${line}`);

/** The disks a VM backup includes, as `include disk 'scsi0' 'local-lvm:vm-102-disk-1' 32G`. */
function vmDisks(guest: SimGuest): { key: string; volid: string; size: number }[] {
  return DRIVE_KEYS.flatMap((key) => {
    const value = guest.config.get(key);
    const volid = value === undefined ? undefined : driveVolume(value);
    if (value === undefined || volid === undefined) return [];
    return [{ key, volid, size: parseDiskSize(parsePropertyString(value, 'file').get('size')) }];
  });
}

function vmArchiveLines(guest: SimGuest, running: boolean, mode: string, total: number): string[] {
  const agent = parsePropertyString(guest.config.get('agent') ?? '0', 'enabled');
  const freeze =
    running &&
    mode === 'snapshot' &&
    agent.get('enabled') === '1' &&
    agent.get('freeze-fs-on-backup') !== '0';
  const lines = [
    ...(running ? [] : ['starting kvm to execute backup task']),
    ...(freeze ? ["issuing guest-agent 'fs-freeze' command"] : []),
    'starting backup via QMP command',
    ...(freeze ? ["issuing guest-agent 'fs-thaw' command"] : []),
    `started backup task '${randomUUID()}'`,
    ...(running ? [mode === 'stop' ? 'resuming VM again after 4 seconds' : 'resuming VM again'] : []),
  ];
  for (const [percent, seconds] of [
    [14, 3],
    [53, 9],
    [100, 15],
  ] as const) {
    const done = renderBytes((total * percent) / 100, 1);
    lines.push(
      `${String(percent).padStart(3)}% (${done} of ${renderBytes(total, 1)}) in ${seconds}s, read: 1.1 GiB/s, write: 164.3 MiB/s`,
    );
  }
  lines.push(
    `backup is sparse: ${renderBytes(total * 0.81)} (81%) total zero data`,
    `transferred ${renderBytes(total)} in 15 seconds (2.1 GiB/s)`,
    ...(running ? [] : ['stopping kvm after backup task']),
  );
  return lines;
}

/** Backs up one guest: the log lines it writes and the archive (added when the job ends). */
export function backupGuest(guest: SimGuest, job: SimBackupJob): SimGuestBackup {
  const { vmid } = guest;
  const qemu = guest.type === 'qemu';
  const running = guest.status === 'running';
  const mode = running ? job.mode : 'stop';
  const name = guest.config.get(qemu ? 'name' : 'hostname') ?? `${qemu ? 'VM' : 'CT'}${vmid}`;
  const ext = EXTENSIONS[job.compress]![guest.type];
  const file = `vzdump-${guest.type}-${vmid}-${vzdumpStamp(job.startMs)}.${ext}`;
  const dir = job.storage.properties.path ? `${job.storage.properties.path}/dump` : '/var/lib/vz/dump';
  const disks = qemu ? vmDisks(guest) : [];
  const total = qemu ? disks.reduce((sum, disk) => sum + disk.size, 0) : rootfsSize(guest);
  const size = Math.floor(total * (qemu ? 0.047 : 0.05)) + vmid;
  const prepare = qemu
    ? [`VM Name: ${name}`, ...disks.map((d) => `include disk '${d.key}' '${d.volid}' ${formatSize(d.size)}`)]
    : [`CT Name: ${name}`, "including mount point rootfs ('/') in backup"];
  const notes = job.notes?.(guest, name);
  const lines = info([
    `Starting Backup of VM ${vmid} (${guest.type})`,
    `Backup started at ${logStamp(job.startMs)}`,
    `status = ${guest.status}`,
    ...(mode === 'snapshot' ? prepare : []),
    `backup mode: ${mode}`,
    'ionice priority: 7',
    ...(mode === 'snapshot' ? [] : prepare),
    ...(mode === 'stop' && running ? ['stopping virtual guest'] : []),
    ...(mode === 'snapshot' && !qemu ? ["create storage snapshot 'vzdump'"] : []),
    `creating vzdump archive '${dir}/${file}'`,
    ...(qemu
      ? vmArchiveLines(guest, running, mode, total)
      : [`Total bytes written: ${size * 3} (${Math.floor((size * 3) / 1024 ** 2)}MiB, 96MiB/s)`]),
    `archive file size: ${vzdumpSize(size)}`,
    ...(notes === undefined ? [] : ['adding notes to backup']),
    ...(mode === 'snapshot' && !qemu ? ["cleanup temporary 'vzdump' snapshot"] : []),
    ...(mode === 'stop' && running && !qemu
      ? ['restarting vm', 'guest is online again after 5 seconds']
      : []),
    `Finished Backup of VM ${vmid} (${hms(qemu ? 17 : 5)})`,
    `Backup finished at ${logStamp(job.startMs + (qemu ? 17_000 : 5000))}`,
  ]);
  const config = new Map(guest.config);
  config.delete('lock');
  const volume: SimVolume = {
    volid: `${job.storage.id}:backup/${file}`,
    storage: job.storage.id,
    node: job.storage.shared ? undefined : job.node,
    content: 'backup',
    format: ext,
    size,
    ctime: Math.floor(job.startMs / 1000),
    vmid,
    subtype: guest.type,
    ...(notes === undefined ? {} : { notes }),
    backupConfig: config,
  };
  return { lines, volume };
}
