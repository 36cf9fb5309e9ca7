import type { SimulatedCluster } from '../model/cluster.js';
import { parsePropertyString } from '../model/config-file.js';
import type { SimGuest, SimNode } from '../model/inventory.js';
import { hms } from '../model/time-format.js';

/**
 * What a container migration does to the volumes and logs (pve-container `PVE/LXC/Migrate.pm`
 * `phase1`, `phase3`, `final_cleanup`; pve-guest-common `AbstractMigrate.pm`): each line is
 * stamped with the time, errors say `ERROR:`.
 */

/** Makes a stamped log line `seconds` into the migration. */
export type SimStamp = (seconds: number, text: string, error?: boolean) => string;

/** The log of a migration past its preparation, and how it ends. */
export interface SimMigrationSteps {
  readonly lines: string[];
  /** Set when phase 1 aborts: the task's error and its last line. */
  readonly problem: { kind: 'error'; message: string; line: string } | undefined;
  /** Moves the container's local volumes to the target node (when the task ends OK). */
  moveVolumes(): void;
}

/** `rootfs` and `mpN` volumes of a config (bind and device mount points have none). */
function mountVolumes(config: ReadonlyMap<string, string>): string[] {
  return [...config]
    .filter(([key]) => key === 'rootfs' || /^mp\d+$/.test(key))
    .map(([, value]) => parsePropertyString(value, 'volume').get('volume') ?? '')
    .filter((volid) => /^[a-z][a-z0-9\-_.]*[a-z0-9]:/i.test(volid));
}

/** The ssh command `AbstractMigrate` logs before running it on the target. */
function ssh(target: SimNode, command: string): string {
  return (
    `# /usr/bin/ssh -e none -o 'BatchMode=yes' -o 'HostKeyAlias=${target.name}' ` +
    `-o 'UserKnownHostsFile=/etc/pve/nodes/${target.name}/ssh_known_hosts' -o 'GlobalKnownHostsFile=none' ` +
    `root@${target.ip} ${command}`
  );
}

/** Phase 1 to the final clean-up of migrating `guest` to `target`. */
export function migrationSteps(
  cluster: SimulatedCluster,
  guest: SimGuest,
  target: SimNode,
  restart: boolean,
  stamp: SimStamp,
): SimMigrationSteps {
  const { vmid } = guest;
  const lines = [
    ...(restart ? [stamp(0, `shutdown CT ${vmid}`)] : []),
    stamp(1, `starting migration of CT ${vmid} to node '${target.name}' (${target.ip})`),
  ];
  const isShared = (volid: string): boolean => cluster.storages.get(volid.split(':')[0]!)?.shared ?? false;
  const current = mountVolumes(guest.config);
  for (const volid of current.filter(isShared)) {
    lines.push(stamp(1, `volume '${volid}' is on shared storage '${volid.split(':')[0]}'`));
  }
  const local = current.filter((volid) => !isShared(volid)).sort();
  // LVM-thin and directory snapshots stay behind: only ZFS and btrfs can send them along
  const inSnapshots = new Set([...guest.snapshots.values()].flatMap((snap) => mountVolumes(snap.config)));
  const blocked = local.filter((volid) => inSnapshots.has(volid));
  for (const volid of local) lines.push(stamp(1, `found local volume '${volid}' (in current VM config)`));
  const moveVolumes = (): void => {
    for (const [index, volume] of cluster.volumes.entries()) {
      if (local.includes(volume.volid) && volume.node === guest.node) {
        cluster.volumes[index] = { ...volume, node: target.name };
      }
    }
  };
  if (blocked.length > 0) {
    for (const volid of blocked) {
      lines.push(stamp(1, `can't migrate local volume '${volid}': non-migratable snapshot exists`));
    }
    const why = "can't migrate CT - check log";
    lines.push(
      stamp(1, why, true),
      stamp(1, 'aborting phase 1 - cleanup resources'),
      stamp(1, 'start final cleanup'),
      ...(restart ? [stamp(1, 'start container on source node')] : []),
    );
    const line = stamp(1, `migration aborted (duration ${hms(1)}): ${why}`, true);
    return { lines, problem: { kind: 'error', message: 'migration aborted', line }, moveVolumes };
  }
  for (const volid of local) {
    const lv = volid.slice(volid.indexOf(':') + 1);
    lines.push(
      stamp(2, `  Logical volume "${lv}" created.`),
      stamp(3, `successfully imported '${volid}'`),
      stamp(3, `volume '${volid}' is '${volid}' on the target`),
    );
  }
  for (const volid of local)
    lines.push(`  Logical volume "${volid.slice(volid.indexOf(':') + 1)}" successfully removed.`);
  lines.push(stamp(4, 'start final cleanup'), stamp(4, ssh(target, `pct unlock ${vmid}`)));
  if (restart)
    lines.push(stamp(4, 'start container on target node'), stamp(4, ssh(target, `pct start ${vmid}`)));
  return { lines, problem: undefined, moveVolumes };
}
