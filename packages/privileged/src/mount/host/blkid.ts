import type { Runner } from '../../runner/types.js';

/** blkid from util-linux; the helper always uses this path. */
export const blkidBinary = '/usr/sbin/blkid';

/** What a low-level probe of one device found. */
export type Probe =
  | { readonly found: 'signature'; readonly tags: Readonly<Record<string, string>> }
  | { readonly found: 'nothing' }
  | { readonly found: 'ambivalent' };

/**
 * The device nodes whose file system has this UUID, probed afresh (`-c /dev/null`: no cache
 * that could name a device that has gone). blkid exits 2 when none has it.
 */
export async function devicesWithUUID(runner: Runner, uuid: string, signal?: AbortSignal): Promise<string[]> {
  const result = await runner.run(
    { file: blkidBinary, args: ['-c', '/dev/null', '-t', `UUID=${uuid}`, '-o', 'device'] },
    { reject: false, ...(signal ? { signal } : {}) },
  );
  if (result.exitCode === 2) return [];
  if (result.exitCode !== 0) throw new Error(`blkid exited ${result.exitCode}: ${result.stderr.trim()}`);
  return result.stdout.split('\n').filter((line) => line.startsWith('/'));
}

/**
 * Every signature on one device, read from the device itself (`blkid -p`, low-level probing):
 * TYPE, UUID, PTTYPE… blkid exits 2 when there is none and 8 when two signatures contradict
 * each other (for example a file system on a RAID member).
 */
export async function probeDevice(runner: Runner, device: string, signal?: AbortSignal): Promise<Probe> {
  const result = await runner.run(
    { file: blkidBinary, args: ['-c', '/dev/null', '-p', '-o', 'export', device] },
    { reject: false, ...(signal ? { signal } : {}) },
  );
  if (result.exitCode === 2) return { found: 'nothing' };
  if (result.exitCode === 8) return { found: 'ambivalent' };
  if (result.exitCode !== 0)
    throw new Error(`blkid -p ${device} exited ${result.exitCode}: ${result.stderr.trim()}`);
  const tags: Record<string, string> = {};
  for (const line of result.stdout.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) tags[line.slice(0, at)] = line.slice(at + 1);
  }
  return { found: 'signature', tags };
}
