import type { SimVolume } from '../model/inventory.js';
import type { SimRouteContext } from './route.js';

/**
 * `PVE::Storage::check_volume_access` (pve-storage): `Datastore.Allocate` on `/storage` allows
 * everything; templates and ISOs need `Datastore.AllocateSpace|Datastore.Audit`; a guest's own
 * volume is fine; backups need `Datastore.AllocateSpace` plus `VM.Backup` on the owner; disks need
 * `Datastore.Audit` plus `VM.Config.Disk` on the owner (container volumes and VM images alike).
 * Throws the 403 of the first failed check.
 */
export function checkVolumeAccess(
  ctx: Pick<SimRouteContext, 'can' | 'check'>,
  volume: Pick<SimVolume, 'storage' | 'content' | 'vmid'>,
  forVmid?: number,
): void {
  if (ctx.can('/storage', ['Datastore.Allocate'])) return;
  const storagePath = `/storage/${volume.storage}`;
  if (volume.content === 'iso' || volume.content === 'vztmpl') {
    ctx.check(storagePath, ['Datastore.AllocateSpace', 'Datastore.Audit'], 'any');
  } else if (volume.vmid !== undefined && forVmid !== undefined && volume.vmid === forVmid) {
    // the guest's own volume
  } else if (volume.content === 'backup' && volume.vmid !== undefined) {
    ctx.check(storagePath, ['Datastore.AllocateSpace']);
    ctx.check(`/vms/${volume.vmid}`, ['VM.Backup']);
  } else if ((volume.content === 'rootdir' || volume.content === 'images') && volume.vmid !== undefined) {
    ctx.check(storagePath, ['Datastore.Audit']);
    ctx.check(`/vms/${volume.vmid}`, ['VM.Config.Disk']);
  } else {
    ctx.check(storagePath, ['Datastore.Allocate']);
  }
}

/** Whether the caller may see the volume (storage content lists skip the others silently). */
export function canAccessVolume(ctx: Pick<SimRouteContext, 'can' | 'check'>, volume: SimVolume): boolean {
  try {
    checkVolumeAccess(ctx, volume);
    return true;
  } catch {
    return false;
  }
}
