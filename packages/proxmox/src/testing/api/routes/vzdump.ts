import type { SimGuest } from '../../model/inventory.js';
import { die, paramError } from '../../model/sim-error.js';
import { logStamp, vzdumpStamp } from '../../model/time-format.js';
import { P, type SimParamSpec, splitList } from '../params.js';
import type { SimRoute, SimRouteContext } from '../route.js';
import { taskUser } from '../task-user.js';
import { lockProblem, rootfsSize } from '../views.js';

const opt = (spec: Omit<SimParamSpec, 'optional'>): SimParamSpec => ({ ...spec, optional: true });

const EXTENSIONS: Readonly<Record<string, { ext: string; format: string }>> = {
  '0': { ext: 'tar', format: 'tar' },
  '1': { ext: 'tar.lzo', format: 'tar.lzo' },
  gzip: { ext: 'tar.gz', format: 'tar.gz' },
  lzo: { ext: 'tar.lzo', format: 'tar.lzo' },
  zstd: { ext: 'tar.zst', format: 'tar.zst' },
};

/** vzdump's `{{guestname}}`, `{{vmid}}`, `{{node}}`, `{{cluster}}` substitution, `\n` and `\\` escapes. */
function notesFrom(template: string, vars: Readonly<Record<string, string>>): string {
  return template
    .replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === '\\' ? '\\' : `\\${c}`))
    .replace(/\{\{(cluster|guestname|node|vmid)\}\}/g, (_, k: string) => vars[k] ?? '');
}

/**
 * POST /nodes/{node}/vzdump — `user => 'all'`; the handler checks `Datastore.AllocateSpace` on the
 * storage before forking; `VM.Backup` on each guest is checked inside the worker (a missing one
 * fails that guest, the log says why and the job ends `TASK ERROR: job errors`). Only guests on this node are backed up; none → the call answers `OK`.
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
      zstd: opt({ type: 'integer', minimum: 0 }),
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
  const mode = params.mode ?? 'snapshot';
  const compress = EXTENSIONS[params.compress ?? '0']!;
  const startMs = cluster.now();
  const lines: string[] = [`INFO: starting new backup job: vzdump ${local.join(' ')}${commandLine(params)}`];
  const effects: (() => void)[] = [];
  const locked: SimGuest[] = [];
  let errors = 0;
  for (const vmid of local) {
    const guest = cluster.guest(vmid);
    const fail = (why: string): void => {
      errors += 1;
      lines.push(`ERROR: Backup of VM ${vmid} failed - ${why}`);
    };
    if (!storage) {
      fail(`could not get storage information for '${storageId}': storage '${storageId}' does not exist`);
      continue;
    }
    if (!storage.content.includes('backup')) {
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
    const name = guest.config.get('hostname') ?? `CT${vmid}`;
    const file = `vzdump-lxc-${vmid}-${vzdumpStamp(startMs)}.${compress.ext}`;
    const dir = storage.properties.path ? `${storage.properties.path}/dump` : '/var/lib/vz/dump';
    const size = Math.floor(rootfsSize(guest) * 0.05) + vmid;
    lines.push(
      `INFO: Starting Backup of VM ${vmid} (lxc)`,
      `INFO: Backup started at ${logStamp(startMs)}`,
      `INFO: status = ${guest.status}`,
      `INFO: CT Name: ${name}`,
      "INFO: including mount point rootfs ('/') in backup",
      `INFO: backup mode: ${mode}`,
      'INFO: ionice priority: 7',
      ...(mode === 'snapshot' ? ["INFO: create storage snapshot 'vzdump'"] : []),
      ...(mode === 'stop' && guest.status === 'running' ? ['INFO: stopping virtual guest'] : []),
      `INFO: creating vzdump archive '${dir}/${file}'`,
      `INFO: Total bytes written: ${size * 3} (${((size * 3) / 1024 ** 2).toFixed(0)}MiB, 96MiB/s)`,
      `INFO: archive file size: ${(size / 1024 ** 2).toFixed(0)}MB`,
      ...(params['notes-template'] !== undefined ? ['INFO: adding notes to backup'] : []),
      ...(mode === 'snapshot' ? ["INFO: cleanup temporary 'vzdump' snapshot"] : []),
      ...(mode === 'stop' && guest.status === 'running' ? ['INFO: restarting vm'] : []),
      `INFO: Finished Backup of VM ${vmid} (00:00:05)`,
    );
    guest.config.set('lock', 'backup');
    locked.push(guest);
    const notes =
      params['notes-template'] === undefined
        ? undefined
        : notesFrom(params['notes-template'], {
            cluster: cluster.clusterName,
            guestname: name,
            node,
            vmid: String(vmid),
          });
    const config = new Map(guest.config);
    config.delete('lock');
    effects.push(() => {
      cluster.volumes.push({
        volid: `${storageId}:backup/${file}`,
        storage: storageId,
        node: storage.shared ? undefined : node,
        content: 'backup',
        format: compress.format,
        size,
        ctime: Math.floor(startMs / 1000),
        vmid,
        subtype: 'lxc',
        ...(notes === undefined ? {} : { notes }),
        backupConfig: config,
      });
    });
  }
  lines.push(`INFO: Backup finished at ${logStamp(startMs + cluster.taskDuration('vzdump'))}`);
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
    ...(errors > 0
      ? {}
      : {
          onSuccess: () =>
            effects.forEach((effect) => {
              effect();
            }),
        }),
    onEnd: () => {
      if (errors > 0) for (const effect of effects) effect();
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
