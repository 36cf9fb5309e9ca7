import { APIError, type UPID } from '@felhom/proxmox';
import type { CliIO } from '../output/io.js';
import { startProgress } from '../output/progress.js';
import { type Check, CheckFailure } from './check.js';
import type { SelftestState, SelftestTarget } from './target.js';

/** Options of the task checks. */
export interface TaskCheckOptions {
  readonly vmid: number;
  readonly io: CliIO;
  /** Upper bound for each task. */
  readonly taskTimeoutMs: number;
  /** The snapshot name; `felhom-selftest-<UTC time>` by default. */
  readonly snapshotName?: string;
}

/**
 * The task round trip: create a throwaway snapshot, wait for it, list it, delete it, wait
 * again. It never rolls back. {@link TaskRun.cleanup} removes the snapshot whatever happened
 * (a failed step, Ctrl-C), and the command calls it in a `finally`.
 */
export interface TaskRun {
  readonly checks: Check[];
  readonly snapshotName: string;
  /** Removes the snapshot if this run may have created it; says what it did on stderr. */
  cleanup(): Promise<CleanupOutcome>;
}

/** What {@link TaskRun.cleanup} did. */
export type CleanupOutcome = 'nothing-to-do' | 'removed' | 'failed';

/** Builds the task checks for `vmid` on the node the read checks chose. */
export function taskRun(target: SelftestTarget, state: SelftestState, options: TaskCheckOptions): TaskRun {
  const { client } = target;
  const { vmid, io } = options;
  const name = options.snapshotName ?? defaultSnapshotName(new Date());
  const node = (): string => state.node ?? target.requestedNode ?? 'pve';
  let createUpid: UPID | undefined;
  let attempted = false;
  let removed = false;

  const wait = async (upid: UPID, label: string, signal: AbortSignal): Promise<string> => {
    const progress = startProgress(io, label);
    try {
      const result = await client.waitTask(upid, {
        signal,
        timeout: options.taskTimeoutMs,
        onProgress: ({ lines }) => {
          for (const line of lines) progress.line(line.text);
        },
      });
      return result.exitStatus;
    } finally {
      progress.done();
    }
  };

  const checks: Check[] = [
    {
      id: 'snapshot-create',
      title: 'Task: create snapshot',
      async run(signal) {
        await assertContainerExists(signal);
        attempted = true;
        const upid = await client.snapshot(node(), vmid, {
          name,
          description: 'felhom-agent selftest; removed by the selftest itself',
          signal,
        });
        createUpid = upid;
        const exit = await wait(upid, `snapshot ${name} of CT ${vmid} on ${node()}`, signal);
        return `${name} of CT ${vmid}: ${upid.type} ended ${exit}`;
      },
    },
    {
      id: 'snapshot-list',
      title: 'Task: snapshot listed',
      async run(signal) {
        const list = await client.listSnapshots(node(), vmid, { signal });
        if (!list.snapshots.some((snapshot) => snapshot.name === name)) {
          throw new CheckFailure(`${name} is not in the snapshot list of CT ${vmid}`);
        }
        return `${name} is among ${list.snapshots.length} snapshot${list.snapshots.length === 1 ? '' : 's'} of CT ${vmid}`;
      },
    },
    {
      id: 'snapshot-delete',
      title: 'Task: delete snapshot',
      async run(signal) {
        const outcome = await deleteSnapshot(signal);
        removed = true;
        return outcome;
      },
    },
  ];

  // A missing container fails here, once, before anything is created: the later steps (and the
  // cleanup) would only fail the same way and advise removing a snapshot that was never made.
  async function assertContainerExists(signal: AbortSignal): Promise<void> {
    try {
      await client.guestStatus(node(), vmid, { signal });
    } catch (error) {
      if (!(error instanceof APIError && error.reason === 'not-found')) throw error;
      const known = state.guestIds;
      throw new CheckFailure(`no CT ${vmid} on node ${node()}`, {
        fatal: true,
        hint: [
          known === undefined || known.length === 0
            ? `\`pct list\` on ${node()} lists its containers`
            : `the containers on ${node()} are ${known.join(', ')} (\`pct list\` on the node)`,
          'a container on another node needs --node NAME; the task check snapshots containers, not VMs',
        ].join('\n'),
      });
    }
  }

  async function deleteSnapshot(signal: AbortSignal): Promise<string> {
    const upid = await client.deleteSnapshot(node(), vmid, name, { signal });
    const exit = await wait(upid, `delete snapshot ${name} of CT ${vmid}`, signal);
    return `${name} removed: ${upid.type} ended ${exit}`;
  }

  async function snapshotExists(signal: AbortSignal): Promise<boolean> {
    const list = await client.listSnapshots(node(), vmid, { signal });
    return list.snapshots.some((snapshot) => snapshot.name === name);
  }

  async function cleanup(): Promise<CleanupOutcome> {
    if (removed || !attempted) return 'nothing-to-do';
    // Cleanup runs after Ctrl-C too, so it has its own deadline instead of the aborted signal.
    const signal = AbortSignal.timeout(options.taskTimeoutMs);
    const say = (text: string) => io.stderr.write(`cleanup: ${text}\n`);
    try {
      // A snapshot still being taken holds the guest's lock: let that task end first.
      if (createUpid) await client.waitTask(createUpid, { signal }).catch(() => undefined);
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        if (!(await snapshotExists(signal))) {
          say(`snapshot ${name} of CT ${vmid} is not there; nothing to remove`);
          return 'nothing-to-do';
        }
        try {
          say(`removing the throwaway snapshot ${name} of CT ${vmid} (attempt ${attempt})`);
          await deleteSnapshot(signal);
          say(`snapshot ${name} removed`);
          return 'removed';
        } catch (error) {
          say(`attempt ${attempt} failed: ${error instanceof Error ? error.message : String(error)}`);
          await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
        }
      }
    } catch (error) {
      say(
        `could not check or remove the snapshot: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    say(`remove it by hand on the host: pct delsnapshot ${vmid} ${name}`);
    return 'failed';
  }

  return { checks, snapshotName: name, cleanup };
}

/** `felhom-selftest-20261127-064501`: sortable, valid as a PVE snapshot name, unique per second. */
export function defaultSnapshotName(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `felhom-selftest-${stamp}`;
}
