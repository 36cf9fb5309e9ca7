import { readFile } from 'node:fs/promises';
import { forcedMountOptions } from './helper-arguments.js';
import { type MountEntry, parseMountInfo } from './host/mountinfo.js';

/** Reads this process's mount table (`/proc/self/mountinfo` unless a test says otherwise). */
export async function readMounts(path: string): Promise<MountEntry[]> {
  return parseMountInfo(await readFile(path, 'utf8'));
}

/** True when the mount carries every forced option (`nosuid`, `nodev`, `noexec`). */
export function hasForcedOptions(entry: MountEntry): boolean {
  return forcedMountOptions.every((option) => entry.options.includes(option));
}
