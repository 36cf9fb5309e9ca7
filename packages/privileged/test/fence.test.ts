import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));
const files = (readdirSync(src, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join(src, file));
const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
    (match) => match[1] ?? '',
  );

describe('the API/root fence', () => {
  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('no source under packages/privileged speaks HTTP or imports @felhom/proxmox', () => {
    const forbidden =
      /^(node:)?(http|https|http2|net|tls|dgram)$|^(undici|ky|axios|node-fetch|@felhom\/proxmox)(\/|$)/;
    const offenders = files.flatMap((file) =>
      importsOf(file)
        .filter((name) => forbidden.test(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(offenders).toEqual([]);
    const fetches = files.filter((file) => /\bfetch\s*\(/.test(readFileSync(file, 'utf8')));
    expect(fetches).toEqual([]);
  });

  it('never spawns a shell', () => {
    const shells = files.filter((file) =>
      /shell\s*:\s*true|\bexec\(|execSync|spawnSync|\/bin\/sh/.test(readFileSync(file, 'utf8')),
    );
    expect(shells).toEqual([]);
  });
});
