import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  buildImportGraph,
  compilerOptionsOf,
  type ImportGraph,
  listSources,
} from '../../structure/import-graph.js';

/**
 * A throwaway repository laid out like this one (packages/proxmox, privileged, agent-cli, with
 * the same `@felhom/*` path mapping), holding the files a test gives, so the real graph builder
 * and rules run on an import the real repository must never contain.
 */
export function fixtureGraph(files: Readonly<Record<string, string>>): ImportGraph {
  const root = mkdtempSync(join(tmpdir(), 'felhom-fence-'));
  try {
    const all: Record<string, string> = {
      'packages/proxmox/src/index.ts': "export const VERSION = '0';\n",
      'packages/privileged/src/index.ts': "export const VERSION = '0';\n",
      'packages/agent-cli/src/cli.ts': 'export {};\n',
      ...files,
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          paths: {
            '@felhom/proxmox': ['./packages/proxmox/src/index.ts'],
            '@felhom/privileged': ['./packages/privileged/src/index.ts'],
          },
        },
      }),
    };
    for (const [path, text] of Object.entries(all)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return buildImportGraph(
      root,
      listSources(root, ['packages']),
      compilerOptionsOf(join(root, 'tsconfig.json')),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
