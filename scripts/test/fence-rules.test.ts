import { describe, expect, it } from 'vitest';
import { findCycles } from '../structure/cycles.js';
import { checkFence, checkManifest } from '../structure/fence.js';
import { fixtureGraph } from './support/fixture-repo.js';

/** Proof that the fence and the cycle check fail: each case feeds them an import the repository must never hold. */
const violationsOf = (path: string, text: string): string[] =>
  checkFence(fixtureGraph({ [path]: text })).map((v) => `${v.rule} ${v.file}:${v.line} ${v.detail}`);

const proxmoxFile = 'packages/proxmox/src/transport/extra.ts';
const privilegedFile = 'packages/privileged/src/runner/extra.ts';

describe('the fence refuses', () => {
  it.each([
    ["import { spawn } from 'node:child_process';", 'node:child_process'],
    ["import { execFile } from 'child_process';", 'child_process'],
    ["import 'node:child_process';", 'node:child_process'],
    ["export { fork } from 'node:child_process';", 'node:child_process'],
    ["const cp = await import('node:child_process');", 'node:child_process'],
    ["import type { ChildProcess } from 'node:child_process';", 'node:child_process'],
    ["import { execa } from 'execa';", 'execa'],
    ["import spawn from 'cross-spawn';", 'cross-spawn'],
    ["import { Privileged } from '@felhom/privileged';", '@felhom/privileged'],
    ["import { VERSION } from '../../../privileged/src/index.js';", 'inside @felhom/privileged'],
  ])('in @felhom/proxmox: %s', (source, named) => {
    const found = violationsOf(proxmoxFile, `${source}\nexport {};\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('proxmox-starts-no-process');
    expect(found[0]).toContain(`${proxmoxFile}:1`);
    expect(found[0]).toContain(named);
  });

  it.each([
    ["import ky from 'ky';", 'ky'],
    ["import { Agent } from 'undici';", 'undici'],
    ["import { request } from 'undici/lib/api/api-request.js';", 'undici'],
    ["import { request } from 'node:https';", 'node:https'],
    ["import http from 'http';", 'http'],
    ["import { connect } from 'node:net';", 'node:net'],
    ["import { connect } from 'node:tls';", 'node:tls'],
    ["import { connect } from 'node:http2';", 'node:http2'],
    ["import axios from 'axios';", 'axios'],
    ["import { ProxmoxClient } from '@felhom/proxmox';", '@felhom/proxmox'],
    ["export type { UPID } from '@felhom/proxmox';", '@felhom/proxmox'],
    ["import { VERSION } from '../../../proxmox/src/index.js';", 'inside @felhom/proxmox'],
    ["const undici = await import('undici');", 'undici'],
    [
      "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nrequire('node:https');",
      'node:https',
    ],
    [
      "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nload('undici/lib/dispatcher/agent.js');",
      'undici',
    ],
  ])('in @felhom/privileged: %s', (source, named) => {
    const found = violationsOf(privilegedFile, `${source}\nexport {};\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('privileged-speaks-no-http');
    expect(found[0]).toContain(named);
  });

  it.each([
    'await fetch("https://pve:8006/api2/json/version");',
    'await globalThis.fetch("https://pve:8006/");',
    'const get = fetch;',
    'const options = { fetch };',
    'new WebSocket("wss://pve:8006/");',
  ])('fetch and other network globals in @felhom/privileged: %s', (source) => {
    const found = violationsOf(privilegedFile, `${source}\nexport {};\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/privileged-speaks-no-http .*:1 uses the global (fetch|WebSocket)/);
  });

  it('an import whose module is computed, which the fence could not see through', () => {
    const found = violationsOf(
      proxmoxFile,
      "const name = 'node:child_process';\nawait import(name);\nexport {};\n",
    );
    expect(found).toEqual([
      `proxmox-starts-no-process ${proxmoxFile}:2 a dynamic import whose module is not a string literal`,
    ]);
  });

  it('the CLI reaching into a package by a relative path instead of its name', () => {
    const found = violationsOf(
      'packages/agent-cli/src/commands/extra.ts',
      "import { VERSION } from '../../../proxmox/src/index.js';\nexport { VERSION };\n",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('agent-cli-uses-public-entry-points');
  });

  it('a manifest declaring a dependency its package may not import', () => {
    expect(
      checkManifest({ name: '@felhom/proxmox', dependencies: { execa: '9.0.0', ky: '1.14.3' } }),
    ).toEqual(['@felhom/proxmox depends on execa']);
    expect(
      checkManifest({
        name: '@felhom/privileged',
        peerDependencies: { '@felhom/proxmox': '0.1.0', undici: '7' },
      }),
    ).toEqual(['@felhom/privileged depends on @felhom/proxmox', '@felhom/privileged depends on undici']);
  });
});

describe('the fence allows', () => {
  it('what each side is for, and lookalikes that are not the forbidden thing', () => {
    const graph = fixtureGraph({
      [proxmoxFile]: [
        "import { Agent } from 'undici';",
        "import { request } from 'node:https';",
        "import { VERSION } from '../index.js';",
        'export const send = (options: { fetch: typeof fetch }) => options.fetch("https://pve/");',
        'export { Agent, request, VERSION };',
      ].join('\n'),
      [privilegedFile]: [
        "import { execFile } from 'node:child_process';",
        "import { createHash } from 'node:crypto';",
        'interface Port { fetch(): string }',
        'export const read = (port: Port) => port.fetch();',
        'export { createHash, execFile };',
      ].join('\n'),
      'packages/agent-cli/src/commands/extra.ts': [
        "import { VERSION as api } from '@felhom/proxmox';",
        "import { VERSION as root } from '@felhom/privileged';",
        'export const both = [api, root];',
      ].join('\n'),
    });
    expect(checkFence(graph)).toEqual([]);
  });
});

describe('the cycle check', () => {
  it('finds a cycle through runtime imports, and one through type-only imports', () => {
    const graph = fixtureGraph({
      'packages/proxmox/src/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'packages/proxmox/src/b.ts': "import { c } from './c.js';\nexport const b = () => c;\n",
      'packages/proxmox/src/c.ts': "import { a } from './a.js';\nexport const c = () => a;\n",
      'packages/privileged/src/x.ts': "import type { Y } from './y.js';\nexport interface X { y?: Y }\n",
      'packages/privileged/src/y.ts': "import type { X } from './x.js';\nexport interface Y { x?: X }\n",
      'packages/agent-cli/src/self.ts': "export * from './self.js';\n",
    });
    expect(findCycles(graph, 'all')).toEqual(
      expect.arrayContaining([
        ['packages/proxmox/src/a.ts', 'packages/proxmox/src/b.ts', 'packages/proxmox/src/c.ts'],
        ['packages/privileged/src/x.ts', 'packages/privileged/src/y.ts'],
        ['packages/agent-cli/src/self.ts'],
      ]),
    );
    expect(findCycles(graph, 'all')).toHaveLength(3);
    expect(findCycles(graph, 'runtime')).toHaveLength(2);
  });

  it('finds none in a tree that shares a module', () => {
    const graph = fixtureGraph({
      'packages/proxmox/src/a.ts':
        "import { c } from './c.js';\nimport { b } from './b.js';\nexport const a = [b, c];\n",
      'packages/proxmox/src/b.ts': "import { c } from './c.js';\nexport const b = c;\n",
      'packages/proxmox/src/c.ts': 'export const c = 1;\n',
    });
    expect(findCycles(graph, 'all')).toEqual([]);
  });
});
