import { readFileSync } from 'node:fs';
import { MountDeviceError } from '../../errors/mount-device-error.js';
import { formatPathProblems, pathProblems } from '../../paths/trusted-path.js';
import { type DeviceKind, deviceKinds } from './block-device.js';

/** Where root keeps the device rule; the helper always reads this file. */
export const defaultDeviceRulePath = '/etc/felhom/mount-devices';

/** The device kinds mounts are allowed for when no rule file exists. */
export const defaultAllowedKinds: readonly DeviceKind[] = ['usb'];

/** The operator's device rule: which kinds of device may be mounted, and where it came from. */
export interface DeviceRule {
  readonly allowed: ReadonlySet<DeviceKind>;
  /** The rule file, or a note that the default applies. */
  readonly source: string;
}

/**
 * Parses the rule file: `allow KIND…` lines (kinds: usb, loop, nvme, mmc, virtio, scsi, other),
 * `#` comments, blank lines. Several `allow` lines add up; a file without one allows nothing.
 * Anything else is an error, so a typo never widens or narrows the rule by accident.
 */
export function parseDeviceRule(text: string, source: string): DeviceRule {
  const allowed = new Set<DeviceKind>();
  text.split('\n').forEach((raw, index) => {
    const words = raw.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return;
    const [directive, ...kinds] = words;
    const bad = kinds.find((kind) => !(deviceKinds as readonly string[]).includes(kind));
    if (directive !== 'allow' || kinds.length === 0 || bad !== undefined) {
      throw new Error(
        `${source} line ${index + 1}: expected "allow KIND…" with kinds from ${deviceKinds.join(', ')}, got "${raw.trim()}"`,
      );
    }
    for (const kind of kinds) allowed.add(kind as DeviceKind);
  });
  return { allowed, source };
}

/**
 * Reads the device rule. The file must be root's alone (owner root, or the agent's own user in
 * direct mode; not writable by group or others; the same for every directory above it):
 * otherwise someone else could widen it, and no device is mounted at all. No file means the
 * default: USB-attached devices only.
 */
export function readDeviceRule(path: string, uuid: string): DeviceRule {
  const trustedUids = [0, process.geteuid?.() ?? 0];
  const problems = pathProblems(path, { trustedUids, mustExist: false });
  if (problems.length > 0) {
    throw new MountDeviceError(
      uuid,
      undefined,
      'policy',
      `the device rule ${path} could be changed by someone other than root:\n${formatPathProblems(problems)}`,
    );
  }
  let text: string;
  try {
    text = readFileSync(path, 'latin1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { allowed: new Set(defaultAllowedKinds), source: `the default (no ${path})` };
    }
    throw new MountDeviceError(
      uuid,
      undefined,
      'policy',
      `cannot read the device rule ${path}: ${(error as Error).message}`,
    );
  }
  try {
    return parseDeviceRule(text, path);
  } catch (error) {
    throw new MountDeviceError(uuid, undefined, 'policy', (error as Error).message);
  }
}
