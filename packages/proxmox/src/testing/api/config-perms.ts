import { parsePropertyString } from '../model/config-file.js';
import { permError } from '../model/sim-error.js';
import { checkBridgeAccess } from './bridge-access.js';
import type { SimRouteContext } from './route.js';

/**
 * `PVE::LXC::check_ct_modify_config_perm` (pve-container): the per-option privilege each changed
 * or deleted key needs on `/vms/<vmid>`, and the root@pam-only options. Keys are checked in sorted
 * order so the first failure is deterministic (Perl walks a hash).
 */
export function checkConfigPermissions(
  ctx: Pick<SimRouteContext, 'actor' | 'check' | 'cluster'>,
  vmid: number,
  changes: Readonly<Record<string, string>>,
  deleted: readonly string[],
  unprivileged: boolean,
  oldFeatures: string | undefined,
): void {
  if (ctx.actor.root) return;
  const vm = `/vms/${vmid}`;
  const keys = [...new Set([...Object.keys(changes), ...deleted])].sort();
  for (const key of keys) {
    const value = changes[key];
    const isDelete = value === undefined;
    if (key === 'cores' || key === 'cpulimit' || key === 'cpuunits') {
      ctx.check(vm, ['VM.Config.CPU']);
    } else if (key === 'rootfs' || /^mp\d+$/.test(key)) {
      ctx.check(vm, ['VM.Config.Disk']);
      if (!isDelete) {
        const volume = parsePropertyString(value, 'volume').get('volume') ?? '';
        if (volume.startsWith('/dev/'))
          throw permError('mount point type device is only allowed for root@pam');
        if (volume.startsWith('/')) throw permError('mount point type bind is only allowed for root@pam');
      }
    } else if (key === 'memory' || key === 'swap') {
      ctx.check(vm, ['VM.Config.Memory']);
    } else if (/^net\d+$/.test(key) || key === 'nameserver' || key === 'searchdomain' || key === 'hostname') {
      ctx.check(vm, ['VM.Config.Network']);
      if (!isDelete && /^net\d+$/.test(key)) checkBridgeAccess(ctx, value);
    } else if (/^dev\d+$/.test(key)) {
      throw permError('configuring device passthrough is only allowed for root@pam');
    } else if (key === 'features') {
      if (!unprivileged)
        throw permError('changing feature flags for privileged container is only allowed for root@pam');
      const before = parsePropertyString(oldFeatures ?? '');
      const after = parsePropertyString(value ?? '');
      const names = new Set([...before.keys(), ...after.keys()]);
      const changed = [...names].filter((name) => (before.get(name) ?? '0') !== (after.get(name) ?? '0'));
      if (changed.some((name) => name !== 'nesting')) {
        throw permError('changing feature flags (except nesting) is only allowed for root@pam');
      }
      if (changed.includes('nesting')) ctx.check(vm, ['VM.Allocate']);
    } else if (key === 'hookscript') {
      throw permError('changing the hookscript is only allowed for root@pam');
    } else if (/^unused\d+$/.test(key)) {
      ctx.check(vm, ['VM.Config.Disk']);
    } else {
      ctx.check(vm, ['VM.Config.Options']);
    }
  }
}
