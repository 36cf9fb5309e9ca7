import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { PathProblem } from '../paths/trusted-path.js';

// Static imports, re-exports, side-effect imports and dynamic imports with a literal specifier:
// every way the built helper and its chunks load another module.
const importPatterns = [
  /(?:^|[\s;])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g,
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
];

const isBuiltin = (specifier: string): boolean =>
  specifier.startsWith('node:') || builtinModules.includes(specifier);

/** The files Node loads to run `helper`, and the imports that cannot be followed. */
export interface HelperModules {
  /** The helper, every module it loads (relative imports, followed), and the package.json Node reads for its type. */
  readonly files: readonly string[];
  /** Imports of packages or files that could not be followed: each is a reason to refuse. */
  readonly problems: readonly PathProblem[];
}

/**
 * Lists the modules Node loads to run the helper: the script, every relative import followed
 * through the built chunks, and the nearest package.json (Node reads its `type`). Built-in
 * modules are part of the Node binary. A bare package import is reported as a problem: the
 * shipped helper imports none, and a module found through node_modules resolution could live
 * anywhere.
 */
export function helperModules(helper: string): HelperModules {
  const files: string[] = [];
  const problems: PathProblem[] = [];
  const pending = [resolve(helper)];
  while (pending.length > 0) {
    const file = pending.shift() as string;
    if (files.includes(file)) continue;
    files.push(file);
    if (!existsSync(file)) continue; // reported by the ownership check
    const source = readFileSync(file, 'utf8');
    for (const pattern of importPatterns) {
      for (const [, specifier = ''] of source.matchAll(pattern)) {
        if (isBuiltin(specifier)) continue;
        if (specifier.startsWith('./') || specifier.startsWith('../')) {
          pending.push(resolve(dirname(file), specifier));
          continue;
        }
        problems.push({
          path: file,
          problem: `imports "${specifier}", which is resolved at run time and cannot be checked; pin the package's own dist/fstab-helper.js`,
        });
      }
    }
  }
  const manifest = nearestPackageJson(dirname(resolve(helper)));
  return { files: manifest ? [...files, manifest] : files, problems };
}

function nearestPackageJson(directory: string): string | undefined {
  for (let current = directory; ; current = dirname(current)) {
    const candidate = join(current, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return undefined;
  }
}
