import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../src/testing', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const imports = (file: string): string[] => {
  const text = readFileSync(file, 'utf8');
  const statics = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms)].map((m) => m[1]!);
  const bare = [...text.matchAll(/^\s*import\s+'([^']+)'/gm)].map((m) => m[1]!);
  const dynamics = [...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!);
  return [...statics, ...bare, ...dynamics];
};

describe('the simulator stays an independent oracle', () => {
  const files = sources(root);

  it('never imports the client (only its own files, node built-ins, msw and selfsigned)', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      for (const spec of imports(file)) {
        if (spec.startsWith('.')) {
          expect(
            relative(root, join(file, '..', spec)).startsWith('..'),
            `${relative(root, file)} → ${spec}`,
          ).toBe(false);
        } else {
          expect(
            ['msw', 'selfsigned', 'node:crypto', 'node:https', 'node:net'],
            `${relative(root, file)} → ${spec}`,
          ).toContain(spec);
        }
      }
    }
  });

  it('loads msw only in the msw entry, and never child processes', () => {
    for (const file of files) {
      const specs = imports(file);
      if (relative(root, file) !== 'msw.ts') expect(specs, relative(root, file)).not.toContain('msw');
      expect(
        specs.some((s) => s.includes('child_process')),
        relative(root, file),
      ).toBe(false);
    }
  });
});
