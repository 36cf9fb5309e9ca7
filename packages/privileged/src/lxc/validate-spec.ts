import { InvalidInputError } from '../errors/invalid-input-error.js';
import { ipv4, ipv4Cidr } from '../validate/network.js';
import { booleanOr, integerIn, plainObject, stringMatching } from '../validate/primitives.js';
import type { GoldenLXCSpec } from './golden-lxc-spec.js';

/** A spec with every default filled in, every value checked. */
export interface ValidGoldenLXCSpec {
  readonly vmid: number;
  readonly template: string;
  readonly hostname: string;
  readonly storage: string;
  readonly rootfsSizeGiB: number;
  readonly cores: number;
  readonly memoryMiB: number;
  readonly swapMiB: number;
  readonly nesting: boolean;
  readonly network: { readonly bridge: string; readonly ip: string; readonly gateway: string | undefined };
  readonly sshPublicKeys: readonly string[];
  readonly start: boolean;
}

/** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens. */
export const hostnamePattern =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
/** A PVE storage id (`pve-storage-id`). */
export const storageIdPattern = /^[A-Za-z][A-Za-z0-9._-]*[A-Za-z0-9]$/;
/** A container template volume id: `STORAGE:vztmpl/FILE.tar.{gz,xz,zst}`. */
export const templatePattern =
  /^[A-Za-z][A-Za-z0-9._-]*[A-Za-z0-9]:vztmpl\/[A-Za-z0-9][A-Za-z0-9._+-]*\.tar\.(gz|xz|zst)$/;
/** A Linux bridge name (IFNAMSIZ: at most 15 characters), e.g. `vmbr0`. */
export const bridgePattern = /^[A-Za-z][A-Za-z0-9_]{0,14}$/;
/** One OpenSSH public key line: type, base64 blob, optional printable comment. */
export const sshKeyPattern =
  /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) [A-Za-z0-9+/]+={0,3}( [\x21-\x7e][\x20-\x7e]*)?$/;

/** Validates a {@link GoldenLXCSpec}; throws `InvalidInputError` naming the first bad field. */
export function validateGoldenLXCSpec(input: GoldenLXCSpec): ValidGoldenLXCSpec {
  const spec = plainObject('spec', input);
  if (booleanOr('spec.unprivileged', spec.unprivileged, true) !== true) {
    throw new InvalidInputError(
      'spec.unprivileged',
      spec.unprivileged,
      'true (keyctl=1 applies to unprivileged containers only)',
    );
  }
  const network = plainObject('spec.network', spec.network);
  const ip = network.ip === 'dhcp' ? 'dhcp' : ipv4Cidr('spec.network.ip', network.ip);
  const gateway = network.gateway === undefined ? undefined : ipv4('spec.network.gateway', network.gateway);
  if (gateway !== undefined && ip === 'dhcp') {
    throw new InvalidInputError('spec.network.gateway', gateway, 'no gateway with ip "dhcp"');
  }
  const keys = spec.sshPublicKeys ?? [];
  if (!Array.isArray(keys) || keys.length > 32) {
    throw new InvalidInputError('spec.sshPublicKeys', spec.sshPublicKeys, 'an array of at most 32 keys');
  }
  return {
    vmid: integerIn('spec.vmid', spec.vmid, 100, 999_999_999),
    template: stringMatching(
      'spec.template',
      spec.template,
      templatePattern,
      'a template volume id STORAGE:vztmpl/NAME.tar.{gz,xz,zst}',
    ),
    hostname: stringMatching('spec.hostname', spec.hostname, hostnamePattern, 'an RFC 1123 host name', 253),
    storage: stringMatching(
      'spec.storage',
      spec.storage,
      storageIdPattern,
      'a storage id such as local-lvm',
      64,
    ),
    rootfsSizeGiB:
      spec.rootfsSizeGiB === undefined ? 8 : integerIn('spec.rootfsSizeGiB', spec.rootfsSizeGiB, 1, 65_536),
    cores: spec.cores === undefined ? 1 : integerIn('spec.cores', spec.cores, 1, 8192),
    memoryMiB:
      spec.memoryMiB === undefined ? 512 : integerIn('spec.memoryMiB', spec.memoryMiB, 16, 16_777_216),
    swapMiB: spec.swapMiB === undefined ? 512 : integerIn('spec.swapMiB', spec.swapMiB, 0, 16_777_216),
    nesting: booleanOr('spec.nesting', spec.nesting, true),
    network: {
      bridge: stringMatching(
        'spec.network.bridge',
        network.bridge,
        bridgePattern,
        'a bridge name such as vmbr0',
        15,
      ),
      ip,
      gateway,
    },
    sshPublicKeys: keys.map((key: unknown, index: number) =>
      stringMatching(
        `spec.sshPublicKeys[${index}]`,
        key,
        sshKeyPattern,
        'one OpenSSH public key line',
        16_384,
      ),
    ),
    start: booleanOr('spec.start', spec.start, false),
  };
}
