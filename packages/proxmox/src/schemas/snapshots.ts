import type { Output } from '../shapes/shape.js';
import type { snapshotEntryShape } from '../shapes/snapshots.js';
import { responseSchema } from './response-schema.js';

/** The name PVE gives the pseudo-entry for the guest's present state in snapshot lists. */
export const CURRENT_SNAPSHOT_NAME = 'current';

type SnapshotEntry = Output<typeof snapshotEntryShape>;

/** A real snapshot of a guest. */
export interface Snapshot {
  /** The snapshot name. */
  readonly name: string;
  /** Its description (`""` when none). */
  readonly description: string;
  /** Creation time, seconds since the epoch (absent on some old snapshots). */
  readonly snaptime?: number;
  /** The snapshot it was taken on top of. */
  readonly parent?: string;
  /** Set while a snapshot is being created or deleted (`prepare`, `delete`). */
  readonly snapstate?: string;
  /** QEMU only: whether RAM state was saved. */
  readonly vmstate?: boolean;
}

/** The guest's present state, which PVE lists as a pseudo-snapshot named `current`. */
export interface SnapshotCurrentState {
  /** The snapshot the present state is based on, if any. */
  readonly parent?: string;
  /** The config digest. */
  readonly digest?: string;
  /** Whether the guest is running. */
  readonly running: boolean;
}

/** What `listSnapshots(node, vmid)` resolves to: real snapshots apart from the `current` entry. */
export interface SnapshotList {
  /** The real snapshots, in the host's order. */
  readonly snapshots: readonly Snapshot[];
  /** The `current` pseudo-entry, or `undefined` if the host did not send one. */
  readonly current: SnapshotCurrentState | undefined;
}

function splitCurrent(entries: readonly SnapshotEntry[]): SnapshotList {
  const snapshots: Snapshot[] = [];
  let current: SnapshotCurrentState | undefined;
  for (const entry of entries) {
    if (entry.name === CURRENT_SNAPSHOT_NAME && current === undefined) {
      current = {
        running: entry.running === true,
        ...(entry.parent !== undefined && { parent: entry.parent }),
        ...(entry.digest !== undefined && { digest: entry.digest }),
      };
      continue;
    }
    const { running: _running, digest: _digest, vmstate, ...rest } = entry;
    snapshots.push({ ...rest, ...(vmstate !== undefined && { vmstate }) } as Snapshot);
  }
  return { snapshots, current };
}

/**
 * `GET /nodes/{node}/lxc/{vmid}/snapshot`. PVE appends a pseudo-entry
 * `{name: "current", description: "You are here!", digest, running, parent?}`; the output
 * separates it (`current`) from the real snapshots (`snapshots`).
 */
export const snapshotListSchema = responseSchema('snapshotEntries', splitCurrent);
