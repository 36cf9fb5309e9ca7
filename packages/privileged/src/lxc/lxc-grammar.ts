import { grammar } from '../grammar/grammar.js';
import { type IntegerRange, integerRange } from '../grammar/integer-range.js';
import { sudoRegexMaxLength } from '../sudoers/sudo-limits.js';
import { ipv4CidrGrammar, ipv4Grammar } from '../validate/network.js';

const storagePattern = '[A-Za-z][A-Za-z0-9._-]*[A-Za-z0-9]';
const labelPattern = '[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?';

/**
 * Every value of the golden container spec, defined once: `validateGoldenLXCSpec` checks the
 * inputs with these, and the sudoers rule for `pct create` is assembled from the same grammars
 * ({@link pctCreatePatterns}), so the rule accepts exactly what the validators let through.
 */
export const lxcGrammar = {
  vmid: integerRange(100, 999_999_999),
  /** A PVE storage id (`pve-storage-id`). */
  storage: grammar(storagePattern, 'a storage id such as local-lvm', 64),
  /** A container template volume id: `STORAGE:vztmpl/FILE.tar.{gz,xz,zst}`. */
  template: grammar(
    `${storagePattern}:vztmpl/[A-Za-z0-9][A-Za-z0-9._+-]*\\.tar\\.(gz|xz|zst)`,
    'a template volume id STORAGE:vztmpl/NAME.tar.{gz,xz,zst}',
    255,
  ),
  /** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens. */
  hostname: grammar(`${labelPattern}(\\.${labelPattern})*`, 'an RFC 1123 host name', 253),
  rootfsSizeGiB: integerRange(1, 65_536),
  cores: integerRange(1, 8192),
  memoryMiB: integerRange(16, 16_777_216),
  swapMiB: integerRange(0, 16_777_216),
  /** A Linux bridge name (IFNAMSIZ: at most 15 characters), e.g. `vmbr0`. */
  bridge: grammar('[A-Za-z][A-Za-z0-9_]{0,14}', 'a bridge name such as vmbr0', 15),
} as const;

/**
 * One OpenSSH public key line: type, base64 blob, optional printable comment. Keys travel on
 * stdin, never on the command line, so this one is a JavaScript expression only.
 */
export const sshKeyPattern =
  /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) [A-Za-z0-9+/]+={0,3}( [\x21-\x7e][\x20-\x7e]*)?$/;

/** The three shapes of `--net0`, one sudoers rule each (together they would pass sudo's length limit). */
const net0Shapes = [
  'ip=dhcp',
  `ip=${ipv4CidrGrammar.pattern}`,
  `ip=${ipv4CidrGrammar.pattern},gw=${ipv4Grammar.pattern}`,
] as const;

/**
 * The argument patterns of `pct create …` exactly as `pctCreateCommand` builds it: one per
 * `--net0` shape, and a shape whose pattern would pass sudo's length limit is split in two on its
 * memory range. Each is anchored; sudo matches it against all arguments joined by spaces.
 */
export function pctCreatePatterns(): string[] {
  return net0Shapes.flatMap((ip) => fitting((memory) => pctCreatePattern(ip, memory), lxcGrammar.memoryMiB));
}

function pctCreatePattern(ip: string, memory: IntegerRange): string {
  const g = lxcGrammar;
  return [
    `^create ${g.vmid.pattern} ${g.template.pattern}`,
    `--hostname ${g.hostname.pattern}`,
    `--rootfs ${g.storage.pattern}:${g.rootfsSizeGiB.pattern}`,
    `--cores ${g.cores.pattern}`,
    `--memory ${memory.pattern}`,
    `--swap ${g.swapMiB.pattern}`,
    '--unprivileged 1',
    '--features keyctl=1(,nesting=1)?',
    `--net0 name=eth0,bridge=${g.bridge.pattern},${ip}( --ssh-public-keys /dev/stdin)?`,
    '--start [01]$',
  ].join(' ');
}

// Splits `range` (at a power of ten, else in the middle) until every pattern fits sudo's limit.
function fitting(build: (range: IntegerRange) => string, range: IntegerRange): string[] {
  const pattern = build(range);
  if (pattern.length <= sudoRegexMaxLength || range.min === range.max) return [pattern];
  const decade = 10 ** (String(range.max).length - 1);
  const split = range.min < decade ? decade : Math.floor((range.min + range.max) / 2) + 1;
  return [
    ...fitting(build, integerRange(range.min, split - 1)),
    ...fitting(build, integerRange(split, range.max)),
  ];
}
