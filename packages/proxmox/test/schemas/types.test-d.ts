import type {
  ClusterResource,
  Guest,
  GuestConfig,
  GuestConfigChanges,
  GuestStatus,
  NodeStatus,
  Permissions,
  PveVersion,
  SnapshotList,
  StorageContentItem,
  TaskListItem,
} from '@felhom/proxmox';
import type { SnapshotCurrentState } from '@felhom/proxmox/schemas';
import { describe, expectTypeOf, it } from 'vitest';

describe('schema output types', () => {
  it('Guest keeps its known fields typed after normalisation', () => {
    expectTypeOf<Guest['vmid']>().toEqualTypeOf<number>();
    expectTypeOf<Guest['template']>().toEqualTypeOf<boolean>();
    expectTypeOf<Guest['tags']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<Guest['status']>().toEqualTypeOf<'running' | 'stopped'>();
    expectTypeOf<Guest['pid']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<GuestStatus['ha']['managed']>().toEqualTypeOf<boolean>();
    expectTypeOf<GuestStatus['vmid']>().toEqualTypeOf<number | undefined>();
  });
  it('normalised numbers and flags are numbers and booleans', () => {
    expectTypeOf<NodeStatus['loadavg']>().toEqualTypeOf<number[]>();
    expectTypeOf<NodeStatus['cpuinfo']['mhz']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<NodeStatus['cpuinfo']['hvm']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<StorageContentItem['ctime']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ClusterResource['vmid']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<TaskListItem['saved']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<PveVersion['major']>().toEqualTypeOf<number>();
    expectTypeOf<Permissions[string][string]>().toEqualTypeOf<boolean>();
  });
  it('GuestConfig exposes parsed property strings', () => {
    expectTypeOf<GuestConfig['cpulimit']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<NonNullable<GuestConfig['nets'][number]>['name']>().toEqualTypeOf<string>();
    expectTypeOf<GuestConfig['features']['nesting']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<SnapshotList['current']>().toEqualTypeOf<SnapshotCurrentState | undefined>();
    expectTypeOf<{ hostname: undefined }>().toMatchTypeOf<GuestConfigChanges>();
  });
});
