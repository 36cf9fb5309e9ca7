import type { GraphFile, ImportGraph, ResolvedImport } from './import-graph.js';

/**
 * The API/root fence (docs/ci.md, docs/privileged.md): `@felhom/proxmox` talks HTTP and never
 * starts a process; `@felhom/privileged` runs commands and never talks HTTP; only
 * `@felhom/agent-cli` composes the two.
 */

/** Modules that start processes: Node's own and the npm wrappers around them. */
export const processModules: readonly string[] = [
  'child_process',
  'cluster',
  'execa',
  'cross-spawn',
  'nano-spawn',
  'tinyexec',
  'zx',
  'shelljs',
  'spawndamnit',
  'child-process-promise',
  'node-pty',
  '@npmcli/promise-spawn',
];

/** Modules that open network connections: Node's sockets and HTTP stacks, and HTTP clients. */
export const networkModules: readonly string[] = [
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'dgram',
  'undici',
  'ky',
  'axios',
  'node-fetch',
  'got',
  'ofetch',
  'cross-fetch',
  'isomorphic-fetch',
  'superagent',
  'needle',
  'request',
  'ws',
];

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`, `node:net` → `net`). */
export function packageOf(specifier: string): string {
  const bare = specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
  const parts = bare.split('/');
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? bare);
}

/** One rule: files matching `from` may not make an import `forbids` returns a reason for. */
export interface FenceRule {
  readonly name: string;
  readonly from: RegExp;
  /** Why the import is forbidden, or `undefined` when it is allowed. */
  readonly forbids: (site: ResolvedImport) => string | undefined;
  /** Network globals (`fetch`) are forbidden too. */
  readonly noNetworkGlobals: boolean;
}

/** A broken rule, with the place and the reason. */
export interface FenceViolation {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
  readonly detail: string;
}

const named =
  (modules: readonly string[], what: string) =>
  (site: ResolvedImport): string | undefined =>
    site.specifier !== undefined && site.target === undefined && modules.includes(packageOf(site.specifier))
      ? `imports ${site.specifier} (${what})`
      : undefined;

const intoPackage =
  (directory: string, name: string) =>
  (site: ResolvedImport): string | undefined => {
    if (site.specifier !== undefined && packageOf(site.specifier) === name)
      return `imports ${site.specifier}`;
    if (site.target?.startsWith(`packages/${directory}/`))
      return `imports ${site.specifier ?? '?'} (resolves to ${site.target}, inside ${name})`;
    return undefined;
  };

// The fence is only as good as what it can see: an import whose module is computed is refused.
const unanalysable = (site: ResolvedImport): string | undefined =>
  site.specifier === undefined ? `a ${site.kind} import whose module is not a string literal` : undefined;

const firstReason =
  (...checks: ((site: ResolvedImport) => string | undefined)[]) =>
  (site: ResolvedImport): string | undefined => {
    for (const check of checks) {
      const reason = check(site);
      if (reason !== undefined) return reason;
    }
    return undefined;
  };

/** The rules every CI run enforces on the packages' sources. */
export const fenceRules: readonly FenceRule[] = [
  {
    name: 'proxmox-starts-no-process',
    from: /^packages\/proxmox\/src\//,
    forbids: firstReason(
      unanalysable,
      named(processModules, 'a process-spawning module'),
      intoPackage('privileged', '@felhom/privileged'),
      intoPackage('agent-cli', '@felhom/agent-cli'),
    ),
    noNetworkGlobals: false,
  },
  {
    name: 'privileged-speaks-no-http',
    from: /^packages\/privileged\/src\//,
    forbids: firstReason(
      unanalysable,
      named(networkModules, 'an HTTP client or network module'),
      intoPackage('proxmox', '@felhom/proxmox'),
      intoPackage('agent-cli', '@felhom/agent-cli'),
    ),
    noNetworkGlobals: true,
  },
  {
    // Only the CLI composes both; it still reaches them through their public entry points.
    name: 'agent-cli-uses-public-entry-points',
    from: /^packages\/agent-cli\/src\//,
    forbids: firstReason(unanalysable, (site) =>
      site.target !== undefined &&
      /^packages\/(?:proxmox|privileged)\//.test(site.target) &&
      site.specifier?.startsWith('.') === true
        ? `reaches into ${site.target} by a relative path instead of the package name`
        : undefined,
    ),
    noNetworkGlobals: false,
  },
];

/** Every violation of `rules` in `graph`. */
export function checkFence(graph: ImportGraph, rules: readonly FenceRule[] = fenceRules): FenceViolation[] {
  const violations: FenceViolation[] = [];
  const check = (rule: FenceRule, file: GraphFile): void => {
    for (const site of file.imports) {
      const detail = rule.forbids(site);
      if (detail !== undefined)
        violations.push({ rule: rule.name, file: file.path, line: site.line, detail });
    }
    if (!rule.noNetworkGlobals) return;
    for (const use of file.networkGlobals) {
      violations.push({
        rule: rule.name,
        file: file.path,
        line: use.line,
        detail: `uses the global ${use.name} (opens network connections)`,
      });
    }
  };
  for (const file of graph.values()) {
    for (const rule of rules) if (rule.from.test(file.path)) check(rule, file);
  }
  return violations;
}

/** A package.json's runtime dependency names (dependencies, peer and optional ones). */
export interface Manifest {
  readonly name: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

/** The fence on manifests: a package may not even declare what it may not import. */
export function checkManifest(manifest: Manifest): string[] {
  const declared = Object.keys({
    ...manifest.dependencies,
    ...manifest.peerDependencies,
    ...manifest.optionalDependencies,
  });
  const forbidden: Record<string, readonly string[]> = {
    '@felhom/proxmox': [...processModules, '@felhom/privileged', '@felhom/agent-cli'],
    '@felhom/privileged': [...networkModules, '@felhom/proxmox', '@felhom/agent-cli'],
  };
  const banned = forbidden[manifest.name] ?? [];
  return declared
    .filter((name) => banned.includes(name))
    .map((name) => `${manifest.name} depends on ${name}`);
}
