import { InvalidInputError } from '../errors/invalid-input-error.js';
import { checkGrammar } from '../grammar/grammar.js';
import { checkInteger } from '../grammar/integer-range.js';
import { ipv4, ipv4Cidr } from '../validate/network.js';
import { booleanOr, plainObject, stringMatching } from '../validate/primitives.js';
import type { GoldenLXCSpec } from './golden-lxc-spec.js';
import { lxcGrammar as g, sshKeyPattern } from './lxc-grammar.js';

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
    vmid: checkInteger('spec.vmid', spec.vmid, g.vmid),
    template: checkGrammar('spec.template', spec.template, g.template),
    hostname: checkGrammar('spec.hostname', spec.hostname, g.hostname),
    storage: checkGrammar('spec.storage', spec.storage, g.storage),
    rootfsSizeGiB:
      spec.rootfsSizeGiB === undefined
        ? 8
        : checkInteger('spec.rootfsSizeGiB', spec.rootfsSizeGiB, g.rootfsSizeGiB),
    cores: spec.cores === undefined ? 1 : checkInteger('spec.cores', spec.cores, g.cores),
    memoryMiB:
      spec.memoryMiB === undefined ? 512 : checkInteger('spec.memoryMiB', spec.memoryMiB, g.memoryMiB),
    swapMiB: spec.swapMiB === undefined ? 512 : checkInteger('spec.swapMiB', spec.swapMiB, g.swapMiB),
    nesting: booleanOr('spec.nesting', spec.nesting, true),
    network: { bridge: checkGrammar('spec.network.bridge', network.bridge, g.bridge), ip, gateway },
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
