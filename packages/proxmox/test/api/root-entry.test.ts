import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The generated API is a subpath of its own: nothing the root entry imports, directly or through
// other modules, may reach src/api/, or every user of @felhom/proxmox would load its tables.

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:import|export)[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
      const specifier = (match[1] ?? match[2]) as string;
      visit(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
  return new Set([...seen].map((file) => relative(src, file)));
}

describe('the root entry', () => {
  it('reaches no module of src/api/, while /api reaches its generated tables', () => {
    const fromRoot = reachable(join(src, 'index.ts'));
    expect(fromRoot.size).toBeGreaterThan(50);
    expect([...fromRoot].filter((file) => file.startsWith('api/'))).toEqual([]);
    const fromApi = reachable(join(src, 'api', 'index.ts'));
    expect(fromApi).toContain('api/generated/schemas.ts');
    expect(fromApi).toContain('api/generated/endpoints.ts');
  });
});
