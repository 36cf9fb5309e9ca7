import { lockProblem } from '../../model/guest-state.js';
import type { SimGuest, SimVolume } from '../../model/inventory.js';
import { die, paramError } from '../../model/sim-error.js';
import { P, type SimParamSpec, splitList } from '../params.js';
import type { SimRoute, SimRouteContext } from '../route.js';
import { taskUser } from '../task-user.js';
import { backupGuest, type SimBackupJob } from '../vzdump-guest.js';

const opt = (spec: Omit<SimParamSpec, 'optional'>): SimParamSpec => ({ ...spec, optional: true });

/** vzdump's `{{guestname}}`, `{{vmid}}`, `{{node}}`, `{{cluster}}` substitution, `\n` and `\\` escapes. */
function notesFrom(template: string, vars: Readonly<Record<string, string>>): string {
  return template
    .replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === '\\' ? '\\' : `\\${c}`))
    .replace(/\{\{(cluster|guestname|node|vmid)\}\}/g, (_, k: string) => vars[k] ?? '');
}

/**
 * POST /nodes/{node}/vzdump — `user => 'all'`; the handler checks `Datastore.AllocateSpace` on the
 * storage before forking; `VM.Backup` on each guest is checked inside the worker (a missing one
 * fails that guest, the log says why and the job ends `TASK ERROR: job errors`). Only guests
 * (containers and VMs) on this node are backed up; none → the call answers `OK`.
 */
const vzdump: SimRoute = {
  method: 'POST',
  path: '/nodes/{node}/vzdump',
  proxyto: true,
  params: {
    properties: {
      // optional in the schema ("only run if executed on this node"), always set by the path
      node: { ...P.node, optional: true },
      vmid: opt({ type: 'string', format: 'pve-vmid-list' }),
      all: P.optionalBoolean,
      exclude: opt({ type: 'string', format: 'pve-vmid-list' }),
      mode: opt({ type: 'string', enum: ['snapshot', 'suspend', 'stop'] }),
      storage: opt({ type: 'string', format: 'pve-storage-id' }),
      compress: opt({ type: 'string', enum: ['0', '1', 'gzip', 'lzo', 'zstd'] }),
      'notes-template': opt({ type: 'string', maxLength: 1024 }),
      remove: P.optionalBoolean,
      protected: P.optionalBoolean,
      mailnotification: opt({ type: 'string', enum: ['always', 'failure'] }),
      mailto: P.optionalString,
      'notification-mode': opt({ type: 'string', enum: ['auto', 'legacy-sendmail', 'notification-system'] }),
      quiet: P.optionalBoolean,
      stdexcludes: P.optionalBoolean,
      'exclude-path': { type: 'array', optional: true },
      zstd: P.optionalInteger,
      pigz: P.optionalInteger,
      lockwait: opt({ type: 'integer', minimum: 0 }),
      stopwait: opt({ type: 'integer', minimum: 0 }),
      pool: P.optionalString,
      'prune-backups': P.optionalString,
      'job-id': P.optionalString,
      bwlimit: opt({ type: 'integer', minimum: 0 }),
      ionice: opt({ type: 'integer', minimum: 0, maximum: 8 }),
      tmpdir: P.optionalString,
      dumpdir: P.optionalString,
      script: P.optionalString,
      stdout: P.optionalBoolean,
    },
  },
  handle: (ctx) => ({ data: runVzdump(ctx) }),
};

function runVzdump(ctx: SimRouteContext): string {
  const { cluster, params } = ctx;
  const node = params.node!;
  if (params.stdout === '1')
    throw paramError({ stdout: 'option is only allowed on the command line interface.' });
  if (!ctx.actor.root) {
    for (const key of ['tmpdir', 'dumpdir', 'script', 'job-id']) {
      if (params[key] !== undefined) throw paramError({ [key]: 'Only root may set this option.' });
    }
  }
  if (params.vmid === undefined && params.all !== '1' && params.pool === undefined) {
    throw die('No VM specified');
  }
  const requested =
    params.all === '1'
      ? [...cluster.guests.values()].filter((g) => g.node === node).map((g) => g.vmid)
      : splitList(params.vmid ?? '').map(Number);
  const excluded = new Set(splitList(params.exclude ?? '').map(Number));
  const local: number[] = [];
  for (const vmid of [...new Set(requested)].sort((a, b) => a - b)) {
    if (excluded.has(vmid)) continue;
    const guest = cluster.guest(vmid);
    if (guest && guest.node !== node) continue;
    local.push(vmid); // unknown ids are kept and fail visibly in the job
  }
  if (local.length === 0) return 'OK';
  const storageId = params.storage ?? 'local';
  if (params.storage !== undefined) ctx.check(`/storage/${storageId}`, ['Datastore.AllocateSpace']);
  const storage = cluster.storages.get(storageId);
  const startMs = cluster.now();
  const template = params['notes-template'];
  const job: SimBackupJob | undefined = storage && {
    node,
    storage,
    mode: params.mode ?? 'snapshot',
    compress: params.compress ?? '0',
    startMs,
    notes:
      template === undefined
        ? undefined
        : (guest, name) =>
            notesFrom(template, {
              cluster: cluster.clusterName,
              guestname: name,
              node,
              vmid: String(guest.vmid),
            }),
  };
  const lines: string[] = [`INFO: starting new backup job: vzdump ${local.join(' ')}${commandLine(params)}`];
  const archives: SimVolume[] = [];
  const locked: SimGuest[] = [];
  let errors = 0;
  for (const vmid of local) {
    const guest = cluster.guest(vmid);
    const fail = (why: string): void => {
      errors += 1;
      lines.push(`ERROR: Backup of VM ${vmid} failed - ${why}`);
    };
    if (!job) {
      fail(`could not get storage information for '${storageId}': storage '${storageId}' does not exist`);
      continue;
    }
    if (!job.storage.content.includes('backup')) {
      fail(`can't use storage '${storageId}' for backups - wrong content type`);
      continue;
    }
    if (!guest) {
      fail(`unable to find VM ${vmid}`);
      continue;
    }
    if (!ctx.can(`/vms/${vmid}`, ['VM.Backup'])) {
      fail(`Permission check failed (/vms/${vmid}, VM.Backup)`);
      continue;
    }
    const lock = lockProblem(guest);
    if (lock) {
      fail(lock);
      continue;
    }
    const backup = backupGuest(guest, job);
    lines.push(...backup.lines);
    archives.push(backup.volume);
    guest.config.set('lock', 'backup');
    locked.push(guest);
  }
  if (errors === 0) lines.push('INFO: Backup job finished successfully');
  return cluster.startTask({
    node,
    type: 'vzdump',
    id: local.length === 1 ? String(local[0]) : '',
    user: taskUser(ctx),
    lines,
    outcome: errors > 0 ? { kind: 'error', message: 'job errors' } : { kind: 'ok' },
    durationMs: cluster.taskDuration('vzdump'),
    // A job with failed guests still keeps the archives of the guests that were backed up.
    ...(errors > 0 ? {} : { onSuccess: () => cluster.volumes.push(...archives) }),
    onEnd: () => {
      if (errors > 0) cluster.volumes.push(...archives);
      for (const guest of locked) guest.config.delete('lock');
    },
  }).upid;
}

function commandLine(params: Readonly<Record<string, string>>): string {
  const keys = ['mode', 'storage', 'compress', 'remove', 'notes-template', 'node'];
  return keys
    .filter((k) => params[k] !== undefined)
    .map((k) => ` --${k} ${/^[\w.-]+$/.test(params[k]!) ? params[k] : `'${params[k]}'`}`)
    .join('');
}

/** The backup route. */
export const VZDUMP_ROUTES: readonly SimRoute[] = [vzdump];
