import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A storage from Proxmox VE's `storage.cfg` that lives at a path. */
export interface PathStorage {
  readonly type: string;
  readonly id: string;
  readonly path: string;
}

/**
 * The storages in `storage.cfg` (pve-storage's section config: `TYPE: ID` headers, indented
 * `key value` lines) that have a `path` (dir, btrfs, nfs, cifs, cephfs, …).
 */
export function parseStorageConfig(text: string): PathStorage[] {
  const storages: PathStorage[] = [];
  let current: { type: string; id: string } | undefined;
  for (const line of text.split('\n')) {
    const header = line.match(/^([a-z][a-z0-9]*):\s*(\S+)\s*$/);
    if (header) {
      current = { type: header[1] as string, id: header[2] as string };
      continue;
    }
    const path = line.match(/^\s+path\s+(\S+)\s*$/);
    if (current && path) storages.push({ ...current, path: path[1] as string });
  }
  return storages;
}

/** The storage whose path is `path` or below it, as `'ID' (TYPE)`, when `storage.cfg` has one. */
export function storageAt(storageConfigPath: string, path: string): string | undefined {
  if (!existsSync(storageConfigPath)) return undefined;
  const found = parseStorageConfig(readFileSync(storageConfigPath, 'utf8')).find(
    (storage) => storage.path === path || storage.path.startsWith(`${path}/`),
  );
  return found ? `PVE storage '${found.id}' (${found.type}, ${found.path})` : undefined;
}

/**
 * systemd mount units that mount the file system with this UUID (`What=/dev/disk/by-uuid/UUID`
 * or `What=UUID=…`), as Proxmox VE's Disks → Directory creates them
 * (`/etc/systemd/system/mnt-pve-NAME.mount`), with the path each mounts it at.
 */
export function mountUnitsFor(unitDirectory: string, uuid: string): { unit: string; where: string }[] {
  if (!existsSync(unitDirectory)) return [];
  const wanted = uuid.toUpperCase();
  return readdirSync(unitDirectory)
    .filter((name) => name.endsWith('.mount'))
    .flatMap((name) => {
      const text = readFileSync(join(unitDirectory, name), 'utf8');
      const what = text.match(/^What=\s*(\S+)\s*$/m)?.[1] ?? '';
      const where = text.match(/^Where=\s*(\S+)\s*$/m)?.[1] ?? '';
      const named = what.match(/^(?:\/dev\/disk\/by-uuid\/|UUID=)(.+)$/i)?.[1]?.toUpperCase();
      return named === wanted ? [{ unit: join(unitDirectory, name), where }] : [];
    });
}
