import { codeCheck, filterCheck, schemaCheck, whenOption } from './check-builders.js';
import type { MethodPrivileges } from './types.js';

// The read-only methods. Checks marked `schema` are the endpoint's declared permission check in
// the PVE 8.4 and 9.1 API schema (a test compares them); the rest come from the handlers'
// code and the schema's permission descriptions. Internal to the package.

const vmAudit = schemaCheck('/vms/{vmid}', ['VM.Audit'], false, 'reading a guest needs VM.Audit on it');

/** Privilege requirements of the read methods. */
export const readMethodPrivileges = {
  version: {
    endpoints: [{ method: 'GET', path: '/version' }],
    access: 'none',
    checks: [],
    rootOnly: [],
  },
  nodes: {
    endpoints: [{ method: 'GET', path: '/nodes' }],
    access: 'filtered',
    checks: [
      filterCheck(
        '/nodes/{node}',
        ['Sys.Audit'],
        false,
        'every node is listed, but cpu/mem/disk/max*/uptime are left out without Sys.Audit on it',
      ),
    ],
    rootOnly: [],
  },
  nodeStatus: {
    endpoints: [{ method: 'GET', path: '/nodes/{node}/status' }],
    access: 'all-of',
    checks: [schemaCheck('/nodes/{node}', ['Sys.Audit'], false, 'node status is node auditing')],
    rootOnly: [],
  },
  listLXC: {
    endpoints: [{ method: 'GET', path: '/nodes/{node}/lxc' }],
    access: 'filtered',
    checks: [filterCheck('/vms/{vmid}', ['VM.Audit'], false, 'containers without VM.Audit are left out')],
    rootOnly: [],
  },
  guestStatus: {
    endpoints: [{ method: 'GET', path: '/nodes/{node}/lxc/{vmid}/status/current' }],
    access: 'all-of',
    checks: [vmAudit],
    rootOnly: [],
  },
  guestConfig: {
    endpoints: [{ method: 'GET', path: '/nodes/{node}/lxc/{vmid}/config' }],
    access: 'all-of',
    checks: [
      vmAudit,
      filterCheck(
        '/vms/{vmid}',
        ['VM.Config.Options'],
        false,
        'the `env` key (PVE 9.1+) is removed from the answer without it',
      ),
    ],
    rootOnly: [],
  },
  listSnapshots: {
    endpoints: [{ method: 'GET', path: '/nodes/{node}/lxc/{vmid}/snapshot' }],
    access: 'all-of',
    checks: [vmAudit],
    rootOnly: [],
  },
  listStorage: {
    endpoints: [{ method: 'GET', path: '/storage' }],
    access: 'filtered',
    checks: [
      filterCheck(
        '/storage/{storage}',
        ['Datastore.Audit', 'Datastore.AllocateSpace'],
        true,
        'storages without Datastore.Audit or Datastore.AllocateSpace are left out',
      ),
    ],
    rootOnly: [],
  },
  nodeStorage: {
    endpoints: [{ method: 'GET', path: '/nodes/{node}/storage' }],
    access: 'filtered',
    checks: [
      filterCheck(
        '/storage/{storage}',
        ['Datastore.Audit', 'Datastore.AllocateSpace'],
        true,
        'storages without Datastore.Audit or Datastore.AllocateSpace are left out',
      ),
    ],
    rootOnly: [],
  },
  storageContent: {
    endpoints: [{ method: 'GET', path: '/nodes/{node}/storage/{storage}/content' }],
    access: 'any-of',
    checks: [
      schemaCheck(
        '/storage/{storage}',
        ['Datastore.Audit', 'Datastore.AllocateSpace'],
        true,
        'listing a storage needs read access to it',
      ),
      filterCheck(
        '/storage/{storage}',
        ['Datastore.AllocateSpace'],
        false,
        'each volume passes check_volume_access: backups need Datastore.AllocateSpace here (Datastore.Allocate shows everything)',
      ),
      filterCheck(
        '/vms/{vmid}',
        ['VM.Backup'],
        false,
        "and VM.Backup on the guest they belong to; other guests' backups are left out",
      ),
      // pve-storage src/PVE/Storage.pm check_volume_access, `images`/`rootdir` with an owner.
      filterCheck(
        '/storage/{storage}',
        ['Datastore.Audit'],
        false,
        'container and VM volumes (rootdir, images) need Datastore.Audit here (Datastore.Allocate shows everything)',
      ),
      filterCheck(
        '/vms/{vmid}',
        ['VM.Config.Disk'],
        false,
        "and VM.Config.Disk on the guest that owns them; other guests' disks are left out",
      ),
    ],
    rootOnly: [],
  },
  clusterResources: {
    endpoints: [{ method: 'GET', path: '/cluster/resources' }],
    access: 'filtered',
    checks: [
      filterCheck('/vms/{vmid}', ['VM.Audit'], false, 'guests without VM.Audit are left out'),
      filterCheck(
        '/storage/{storage}',
        ['Datastore.Audit'],
        false,
        'storages without Datastore.Audit are left out',
      ),
      filterCheck('/nodes/{node}', ['Sys.Audit'], false, 'node usage figures are left out without Sys.Audit'),
    ],
    rootOnly: [],
  },
  listTasks: {
    endpoints: [{ method: 'GET', path: '/nodes/{node}/tasks' }],
    access: 'filtered',
    checks: [
      filterCheck(
        '/nodes/{node}',
        ['Sys.Audit'],
        false,
        "the token's own tasks are always listed; other users' tasks on the node only with Sys.Audit",
      ),
    ],
    rootOnly: [],
  },
  permissions: {
    endpoints: [{ method: 'GET', path: '/access/permissions' }],
    access: 'none',
    checks: [
      codeCheck(
        'handler',
        '/access',
        ['Sys.Audit'],
        whenOption('userid'),
        'only to read the permissions of another user than the caller (or its own tokens)',
      ),
    ],
    rootOnly: [],
  },
} as const satisfies Record<string, MethodPrivileges>;
