import {
  ExecRunner,
  Privileged,
  type PrivilegedErrorReason,
  type Runner,
  type RunResult,
  type SmartHealth,
  type USBMountSpec,
} from '@felhom/privileged';
import { RecordingRunner } from '@felhom/privileged/testing';
import { describe, expectTypeOf, it } from 'vitest';

describe('public types', () => {
  it('runners implement Runner and resolve RunResult', () => {
    expectTypeOf(new ExecRunner({ mode: 'sudo' })).toMatchTypeOf<Runner>();
    expectTypeOf(new RecordingRunner()).toMatchTypeOf<Runner>();
    expectTypeOf<ReturnType<Runner['run']>>().toEqualTypeOf<Promise<RunResult>>();
  });

  it('the mode and fs types are closed unions', () => {
    expectTypeOf<ConstructorParameters<typeof ExecRunner>[0]['mode']>().toEqualTypeOf<'direct' | 'sudo'>();
    expectTypeOf<USBMountSpec['fsType']>().toEqualTypeOf<'ext4' | 'xfs' | 'btrfs' | 'vfat' | 'exfat'>();
    expectTypeOf<SmartHealth>().toEqualTypeOf<'passed' | 'warning' | 'failing' | 'unknown'>();
    expectTypeOf<PrivilegedErrorReason>().toExtend<string>();
  });

  it('operations return typed results', () => {
    const privileged = new Privileged(new RecordingRunner(), { mountBase: '/srv/felhom/usb' });
    expectTypeOf(privileged.smart('/dev/sda')).resolves.toHaveProperty('health').toEqualTypeOf<SmartHealth>();
    expectTypeOf(privileged.sensors()).resolves.toHaveProperty('chips');
    // @ts-expect-error a device must be a string
    void privileged.smart(5);
  });
});
