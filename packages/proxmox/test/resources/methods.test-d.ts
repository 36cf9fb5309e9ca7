import type {
  ClusterResource,
  Guest,
  GuestConfig,
  NodeListItem,
  NodeStatus,
  NodeStorage,
  Permissions,
  ProxmoxClient,
  PveVersion,
  SnapshotList,
  StorageConfig,
  StorageContentItem,
  TaskListItem,
  UPID,
} from '@felhom/proxmox';
import type { VMConfig } from '@felhom/proxmox/encoding';
import type { ClientMethodName } from '@felhom/proxmox/privileges';
import type {
  ClusterStatusEntry,
  ContainerInterface,
  TokenInfo,
  VirtualMachine,
} from '@felhom/proxmox/schemas';
import { describe, expectTypeOf, it } from 'vitest';

// The public signatures the CLI and felhom services are written against.
declare const client: ProxmoxClient;

describe('ProxmoxClient resource methods', () => {
  it('reads resolve to the schemas’ output types', () => {
    expectTypeOf(client.version()).resolves.toEqualTypeOf<PveVersion>();
    expectTypeOf(client.nodes()).resolves.toEqualTypeOf<NodeListItem[]>();
    expectTypeOf(client.nodeStatus('pve1')).resolves.toEqualTypeOf<NodeStatus>();
    expectTypeOf(client.listLXC('pve1')).resolves.toEqualTypeOf<Guest[]>();
    expectTypeOf(client.guestStatus('pve1', 100)).resolves.toHaveProperty('vmid').toEqualTypeOf<number>();
    expectTypeOf(
      client.guestConfig('pve1', 100, { snapshot: 'x', current: true }),
    ).resolves.toEqualTypeOf<GuestConfig>();
    expectTypeOf(client.listSnapshots('pve1', 100)).resolves.toEqualTypeOf<SnapshotList>();
    expectTypeOf(client.listStorage({ type: 'nfs' })).resolves.toEqualTypeOf<StorageConfig[]>();
    expectTypeOf(client.nodeStorage('pve1', { content: 'backup' })).resolves.toEqualTypeOf<NodeStorage[]>();
    expectTypeOf(client.storageContent('pve1', 'local', { vmid: 100 })).resolves.toEqualTypeOf<
      StorageContentItem[]
    >();
    expectTypeOf(client.clusterResources('vm')).resolves.toEqualTypeOf<ClusterResource[]>();
    expectTypeOf(client.listTasks('pve1', { statusfilter: ['ok'] })).resolves.toEqualTypeOf<TaskListItem[]>();
    expectTypeOf(client.permissions('/')).resolves.toEqualTypeOf<Permissions>();
    expectTypeOf(client.clusterStatus()).resolves.toEqualTypeOf<ClusterStatusEntry[]>();
    expectTypeOf(client.nextId()).resolves.toEqualTypeOf<number>();
    expectTypeOf(client.nextId(150)).resolves.toEqualTypeOf<number>();
    expectTypeOf(client.tokenInfo('felhom@pve', 'agent')).resolves.toEqualTypeOf<TokenInfo>();
    expectTypeOf(client.tokenInfo('felhom@pve', 'agent'))
      .resolves.toHaveProperty('expire')
      .toEqualTypeOf<number>();
    expectTypeOf(client.interfaces('pve1', 100)).resolves.toEqualTypeOf<ContainerInterface[] | null>();
    expectTypeOf(client.listVMs('pve1')).resolves.toEqualTypeOf<VirtualMachine[]>();
    expectTypeOf(client.vmStatus('pve1', 102)).resolves.toHaveProperty('vmid').toEqualTypeOf<number>();
    expectTypeOf(client.vmStatus('pve1', 102)).resolves.toHaveProperty('agent').toEqualTypeOf<boolean>();
    expectTypeOf(client.vmConfig('pve1', 102, { snapshot: 'x' })).resolves.toEqualTypeOf<VMConfig>();
    expectTypeOf(client.listVMSnapshots('pve1', 102)).resolves.toEqualTypeOf<SnapshotList>();
  });

  it('mutations resolve to a UPID (vzdump: or null), setConfig to void', () => {
    expectTypeOf(
      client.restoreLXC('pve1', { vmid: 105, archive: 'local:backup/x.tar.zst' }),
    ).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(client.vzdump('pve1', { vmid: [100, 101] })).resolves.toEqualTypeOf<UPID | null>();
    expectTypeOf(client.snapshot('pve1', 100, { name: 'a1' })).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(client.rollback('pve1', 100, 'a1', { start: true })).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(client.deleteSnapshot('pve1', 100, 'a1', { force: true })).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(client.start('pve1', 100)).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(client.stop('pve1', 100, { timeout: 5_000 })).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(
      client.shutdown('pve1', 100, { timeout: 60, forceStop: true }),
    ).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(
      client.setConfig('pve1', 100, { memory: 512 }, { digest: 'x' }),
    ).resolves.toEqualTypeOf<void>();
    expectTypeOf(client.reboot('pve1', 100, { timeout: 30 })).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(client.resize('pve1', 100, 'mp1', '+2G', { digest: 'x' })).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(
      client.migrate('pve1', 100, 'pve2', { restart: true, targetStorage: { 'local-lvm': 'tank' } }),
    ).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(
      client.setVMConfig(
        'pve1',
        102,
        { memory: 4096, drives: { scsi1: { file: 'local-lvm:8' } } },
        { digest: 'x' },
      ),
    ).resolves.toEqualTypeOf<void>();
    expectTypeOf(
      client.snapshotVM('pve1', 102, { name: 'a1', vmstate: true }),
    ).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(client.rollbackVM('pve1', 102, 'a1', { start: true })).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(client.deleteVMSnapshot('pve1', 102, 'a1', { force: true })).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(client.startVM('pve1', 102)).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(client.stopVM('pve1', 102)).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(
      client.shutdownVM('pve1', 102, { timeout: 60, forceStop: true }),
    ).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(client.rebootVM('pve1', 102, { timeout: 60 })).resolves.toEqualTypeOf<UPID>();
    expectTypeOf(
      client.restoreVM('pve1', {
        vmid: 150,
        archive: 'local:backup/x.vma.zst',
        storage: 'local-lvm',
        name: 'copy',
      }),
    ).resolves.toEqualTypeOf<UPID>();
  });

  it('rejects options PVE does not have', () => {
    // @ts-expect-error: not a clusterResources type
    void client.clusterResources('qemu');
    // @ts-expect-error: not a vzdump mode
    void client.vzdump('pve1', { vmid: 100, mode: 'live' });
    // @ts-expect-error: snapshot needs a name
    void client.snapshot('pve1', 100, {});
    // @ts-expect-error: a container volume is rootfs or mpN
    void client.resize('pve1', 100, 'scsi0', '+1G');
    // @ts-expect-error: containers have no live migration
    void client.migrate('pve1', 100, 'pve2', { online: true });
    // @ts-expect-error: a restore takes its drives from the archive
    void client.restoreVM('pve1', { vmid: 150, archive: 'a:b', drives: {} });
    // @ts-expect-error: not a drive key
    void client.setVMConfig('pve1', 102, { drives: { nvme0: { file: 'x' } } });
  });

  it('has exactly the methods the privilege table names, plus the client’s own members', () => {
    type OwnMembers = 'baseUrl' | 'tokenId' | 'request' | 'close';
    expectTypeOf<Exclude<keyof ProxmoxClient, OwnMembers>>().toEqualTypeOf<ClientMethodName>();
    expectTypeOf<ProxmoxClient['listLXC']>().parameters.toEqualTypeOf<
      [node: string, options?: import('@felhom/proxmox').CallOptions]
    >();
  });
});
