import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * Every example in examples/ runs, as a user would run it (`npx tsx examples/NAME.ts`), against
 * the simulated host, and prints what it promises. A new example without an expectation here
 * fails the suite, so none goes unexecuted.
 */
const run = promisify(execFile);
const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const helpers = new Set(['connect.ts']);

const expectations: Record<string, RegExp[]> = {
  // pve1 also runs VM 102, which a container list leaves out
  'list-guests.ts': [/^2 containers on pve1$/m, /^100\trunning\tweb\t/m],
  'backup-and-wait.ts': [/^started vzdump on pve1: UPID:pve1:/m, /TASK OK/, /^backup of CT 100 ended OK$/m],
  'snapshot-rollback.ts': [
    /^memory now 4096 MiB$/m,
    /^rolled back: memory 2048 MiB again$/m,
    /removed; snapshots now: before-upgrade$/m,
  ],
  'restore-golden-container.ts': [
    /^restoring local:backup\/vzdump-lxc-100-\S+ as CT 900 on pve1/m,
    /^\s+\| TASK OK$/m,
    /^done: OK; CT 900 "restored-900" is stopped/m,
  ],
  'snapshot-vm-before-upgrade.ts': [
    /^VM 102 "haos" is running \(guest agent on\)$/m,
    /^ {2}\| saving VM state and RAM using storage 'local-lvm'$/m,
    /^snapshot before-upgrade-\d{8}-\d{4} taken with RAM$/m,
    /^snapshots of VM 102: before-upgrade-\d{8}-\d{4}$/m,
  ],
  'host-health.ts': [
    /^SAMPLE DATA: canned smartctl and sensors outputs, not this machine/,
    /^\/dev\/sda\s+WARNING\s/m,
    /^\/dev\/nvme0n1\s+PASSED\s/m,
    /^coretemp-isa-0000\s+Package id 0: 47 °C/m,
  ],
};

const examples = readdirSync(examplesDir).filter((name) => name.endsWith('.ts') && !helpers.has(name));

describe('examples', () => {
  it('has an expectation for every example', () => {
    expect(examples.filter((name) => !(name in expectations))).toEqual([]);
  });

  for (const name of examples) {
    it(`${name} runs against the simulated host and prints what it promises`, async () => {
      // A clean environment: no PVE_* variables, so the simulated host is used.
      const { stdout } = await run(process.execPath, [tsxCli, `${examplesDir}${name}`], {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
        timeout: 60_000,
      });
      for (const pattern of expectations[name] ?? [/./]) expect(stdout).toMatch(pattern);
    });
  }
});
