import { defineCliCommand } from '../command.js';
import { describeTls } from '../config/agent-config.js';
import { loadConfig } from '../config/load-config.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import { colorEnabled } from '../output/io.js';
import { createStyle } from '../output/style.js';
import type { CheckResult } from '../selftest/check.js';
import { clientFromConfig } from '../selftest/connect.js';
import { explainError } from '../selftest/explain-error.js';
import { readChecks } from '../selftest/read-checks.js';
import { buildDocument, formatResultLine, formatSummary } from '../selftest/report.js';
import { runChecks } from '../selftest/run-checks.js';
import type { SelftestState, SelftestTarget } from '../selftest/target.js';
import { type TaskRun, taskRun } from '../selftest/task-checks.js';
import { cliVersion } from '../version.js';
import { configArg } from './shared-args.js';

/** `felhom-agent selftest [--config FILE] [--json] [--demo] [--task --vmid N] [--node NAME]`. */
export const selftestCommand = defineCliCommand(
  {
    meta: {
      name: 'selftest',
      description: 'Check that the Proxmox host, token, TLS pin and privileges are ready for felhom',
    },
    args: {
      config: configArg,
      json: { type: 'boolean', description: 'Print one JSON document on stdout (schema: docs/cli.md)' },
      demo: {
        type: 'boolean',
        description: 'Run against an embedded simulated Proxmox cluster over real, pinned HTTPS',
      },
      task: {
        type: 'boolean',
        description: 'Also create, list and delete a throwaway snapshot of --vmid (never rolls back)',
      },
      vmid: { type: 'string', description: 'Container for --task', valueHint: 'N' },
      node: {
        type: 'string',
        description: 'Node to check (default: config, else the first online node)',
        valueHint: 'NAME',
      },
    },
  },
  async (args, { io, signal }) => {
    const vmid = args.vmid === undefined ? undefined : parseVmid(args.vmid);
    if (args.task && vmid === undefined && !args.demo)
      throw new UsageError('--task needs --vmid N (the container to snapshot)');
    if (!args.task && vmid !== undefined) throw new UsageError('--vmid only applies with --task');

    let target: SelftestTarget;
    let taskTimeoutMs: number;
    let close: () => Promise<void>;
    let taskVmid = vmid;
    if (args.demo) {
      if (args.config !== undefined)
        throw new UsageError('--demo runs against the simulated cluster; drop --config');
      const { startDemoHost } = await import('../selftest/demo.js');
      const demo = await startDemoHost({ requestTimeoutMs: 30_000 });
      io.stderr.write(
        `demo: simulated Proxmox VE cluster at ${demo.baseUrl} (certificate made for this run, SHA-256 pinned: ${demo.fingerprint256})\n`,
      );
      target = {
        client: demo.client,
        baseUrl: demo.baseUrl,
        tokenId: demo.tokenId,
        tls: `fingerprint ${demo.fingerprint256}`,
        requestedNode: args.node,
        demo: true,
      };
      taskVmid ??= demo.vmid;
      taskTimeoutMs = 60_000;
      close = () => demo.close();
    } else {
      const loaded = loadConfig({ configPath: args.config, env: io.env });
      for (const warning of loaded.warnings) io.stderr.write(`warning: ${warning}\n`);
      const { config } = loaded;
      const client = clientFromConfig(loaded);
      target = {
        client,
        baseUrl: config.baseUrl,
        tokenId: config.tokenId,
        tls: describeTls(config.tls),
        requestedNode: args.node ?? config.node,
        demo: false,
      };
      taskTimeoutMs = config.taskTimeoutMs;
      close = () => client.close();
    }

    const state: SelftestState = {};
    const withTask = args.task === true || args.demo === true;
    const run: TaskRun | undefined =
      withTask && taskVmid !== undefined
        ? taskRun(target, state, { vmid: taskVmid, io, taskTimeoutMs })
        : undefined;
    const style = createStyle(colorEnabled(io, 'stdout'));
    const explain = (error: unknown) => explainError(error, target);
    const print = (result: CheckResult) => {
      if (!args.json) io.stdout.write(formatResultLine(result, style));
    };

    let results: CheckResult[] = [];
    let interrupted = false;
    try {
      results = await runChecks(readChecks(target, state), { signal, explain, onResult: print });
      // After a fatal failure (pin, token, connection) the task checks could only fail the same way.
      if (run && results.every((result) => result.status !== 'skipped')) {
        results.push(...(await runChecks(run.checks, { signal, explain, onResult: print })));
      }
    } catch (error) {
      if (!signal.aborted) throw error;
      interrupted = true;
    } finally {
      if (run) {
        const outcome = await run.cleanup();
        if (interrupted && outcome !== 'failed') {
          io.stderr.write(`interrupted; the throwaway snapshot ${run.snapshotName} is not left behind\n`);
        }
      }
      await close();
    }
    if (interrupted) {
      io.stderr.write('felhom-agent: interrupted\n');
      return ExitCode.interrupted;
    }

    if (args.json) {
      const document = buildDocument(results, {
        version: cliVersion(),
        target: {
          baseUrl: target.baseUrl,
          tokenId: target.tokenId,
          node: state.node ?? target.requestedNode ?? null,
          tls: target.tls,
          demo: target.demo,
        },
      });
      io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      return document.ok ? ExitCode.ok : ExitCode.checkFailed;
    }
    io.stdout.write(formatSummary(results, style));
    return results.every((result) => result.status === 'ok') ? ExitCode.ok : ExitCode.checkFailed;
  },
);

function parseVmid(raw: string): number {
  if (!/^[1-9][0-9]{2,8}$/.test(raw))
    throw new UsageError(`--vmid must be a container id from 100 to 999999999, got "${raw}"`);
  return Number(raw);
}
