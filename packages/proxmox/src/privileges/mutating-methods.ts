import { always, codeCheck, schemaCheck, whenOption } from './check-builders.js';
import { configKeyChecks, rootOnlyConfigKeys } from './config-key-checks.js';
import type { MethodPrivileges } from './types.js';

// The methods that change something. Internal to the package.

const powerMgmt = schemaCheck('/vms/{vmid}', ['VM.PowerMgmt'], false, 'starting and stopping a guest');
const skiplockRootOnly = ['skiplock'];

/** Privilege requirements of the mutating methods. */
export const mutatingMethodPrivileges = {
  restoreLXC: {
    endpoints: [{ method: 'POST', path: '/nodes/{node}/lxc' }],
    access: 'all-of',
    checks: [
      {
        ...codeCheck(
          'handler',
          '/vms/{vmid}',
          ['VM.Allocate'],
          always,
          'creating the guest; VM.Allocate on /pool/{pool} also passes when a pool is given, and with force=1 over an existing CT VM.Backup on it is enough',
        ),
        // pve-container src/PVE/API2/LXC.pm create_vm: `/vms/$vmid` or, with `pool`, `/pool/$pool`.
        alternatives: [{ path: '/pool/{pool}', privileges: ['VM.Allocate'], when: whenOption('pool') }],
      },
      codeCheck(
        'handler',
        '/storage/{storage}',
        ['Datastore.AllocateSpace'],
        always,
        'the root file system (and every volume) is allocated on the target storage',
      ),
      codeCheck(
        'handler',
        '/storage/{archiveStorage}',
        ['Datastore.AllocateSpace'],
        { kind: 'archive-of-other-guest' },
        'reading a backup of another guest (check_volume_access; Datastore.Allocate on the storage also passes)',
      ),
      codeCheck(
        'handler',
        '/vms/{archiveOwner}',
        ['VM.Backup'],
        { kind: 'archive-of-other-guest' },
        'reading a backup of another guest needs VM.Backup on that guest',
      ),
      ...configKeyChecks,
      codeCheck(
        'worker',
        '/',
        ['Sys.Modify'],
        { kind: 'privileged-container' },
        'creating or restoring a privileged container (PVE 9; stated in the 9.x permission text)',
      ),
    ],
    rootOnly: [
      ...rootOnlyConfigKeys,
      'ostemplate as a file system path instead of a volume id',
      'raw lxc.* keys from the backup (restored only for root@pam)',
      'restoring bind/device mount points from the backup',
    ],
    versionNotes:
      "PVE 9.0 added \"For privileged containers, 'Sys.Modify' permissions on '/' are required.\" to the permission text.",
  },
  vzdump: {
    endpoints: [{ method: 'POST', path: '/nodes/{node}/vzdump' }],
    access: 'all-of',
    checks: [
      codeCheck(
        'handler',
        '/storage/{storage}',
        ['Datastore.AllocateSpace'],
        whenOption('storage'),
        'the archive is written to the backup storage',
      ),
      codeCheck(
        'worker',
        '/vms/{vmid}',
        ['VM.Backup'],
        always,
        'checked for each listed guest inside the task; a miss fails the whole task',
      ),
      codeCheck(
        'handler',
        '/storage/{fleecingStorage}',
        ['Datastore.AllocateSpace'],
        whenOption('fleecing'),
        'the fleecing images are allocated on the fleecing storage',
      ),
      codeCheck(
        'handler',
        '/storage/{storage}',
        ['Datastore.Allocate'],
        whenOption('prune-backups', 'maxfiles'),
        'overriding the retention of the storage',
      ),
      codeCheck(
        'handler',
        '/',
        ['Sys.Modify'],
        whenOption('bwlimit', 'performance', 'ionice'),
        'changing I/O limits of the node',
      ),
    ],
    rootOnly: ['tmpdir', 'dumpdir', 'script', 'job-id'],
    versionNotes:
      "PVE 8.4's permission text also names 'maxfiles' next to 'prune-backups' (Datastore.Allocate).",
  },
  snapshot: {
    endpoints: [{ method: 'POST', path: '/nodes/{node}/lxc/{vmid}/snapshot' }],
    access: 'all-of',
    checks: [schemaCheck('/vms/{vmid}', ['VM.Snapshot'], false, 'taking a snapshot')],
    rootOnly: [],
  },
  rollback: {
    endpoints: [{ method: 'POST', path: '/nodes/{node}/lxc/{vmid}/snapshot/{snapname}/rollback' }],
    access: 'any-of',
    checks: [
      schemaCheck(
        '/vms/{vmid}',
        ['VM.Snapshot', 'VM.Snapshot.Rollback'],
        true,
        'rolling back; VM.Snapshot.Rollback allows it without allowing new snapshots',
      ),
    ],
    rootOnly: [],
  },
  deleteSnapshot: {
    endpoints: [{ method: 'DELETE', path: '/nodes/{node}/lxc/{vmid}/snapshot/{snapname}' }],
    access: 'all-of',
    checks: [schemaCheck('/vms/{vmid}', ['VM.Snapshot'], false, 'deleting a snapshot')],
    rootOnly: [],
  },
  start: {
    endpoints: [{ method: 'POST', path: '/nodes/{node}/lxc/{vmid}/status/start' }],
    access: 'all-of',
    checks: [powerMgmt],
    rootOnly: skiplockRootOnly,
  },
  stop: {
    endpoints: [{ method: 'POST', path: '/nodes/{node}/lxc/{vmid}/status/stop' }],
    access: 'all-of',
    checks: [powerMgmt],
    rootOnly: skiplockRootOnly,
  },
  shutdown: {
    endpoints: [{ method: 'POST', path: '/nodes/{node}/lxc/{vmid}/status/shutdown' }],
    access: 'all-of',
    checks: [powerMgmt],
    rootOnly: [],
  },
  setConfig: {
    endpoints: [{ method: 'PUT', path: '/nodes/{node}/lxc/{vmid}/config' }],
    access: 'any-of',
    checks: [
      schemaCheck(
        '/vms/{vmid}',
        ['VM.Config.Disk', 'VM.Config.CPU', 'VM.Config.Memory', 'VM.Config.Network', 'VM.Config.Options'],
        true,
        'any config privilege lets the request in; each key is then checked on its own',
      ),
      ...configKeyChecks,
    ],
    rootOnly: rootOnlyConfigKeys,
  },
} as const satisfies Record<string, MethodPrivileges>;
