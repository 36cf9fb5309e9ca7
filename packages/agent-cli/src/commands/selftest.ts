import { defineCliCommand } from '../command.js';
import { InvalidConfigError } from '../config/invalid-config-error.js';
import { ExitCode, UsageError } from '../exit-codes.js';
import { colorEnabled } from '../output/io.js';
import { type Progress, startProgress } from '../output/progress.js';
import { createStyle } from '../output/style.js';
import type { CheckResult } from '../selftest/check.js';
import { explainError } from '../selftest/explain-error.js';
import { type PreparedTarget, prepareTarget } from '../selftest/prepare-target.js';
import { readChecks } from '../selftest/read-checks.js';
import {
  buildConfigErrorDocument,
  buildDocument,
  formatResultLine,
  formatSummary,
} from '../selftest/report.js';
import { runChecks } from '../selftest/run-checks.js';
import type { SelftestState } from '../selftest/target.js';
import { type TaskRun, taskRun } from '../selftest/task-checks.js';
import { cliVersion } from '../version.js';
import { parseTimeout, parseVmid } from './selftest-args.js';
import { configArg } from './shared-args.js';

// Closing the client waits for connections still being set up: a request aborted mid-handshake
// leaves undici connecting until its own connect timeout (10 s). The report does not wait for
// that; the process ends without it (run-cli.ts).
const CLOSE_GRACE_MS = 300;

async function closeWithin(closing: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  // A late failure to close changes nothing the report says.
  closing.catch(() => undefined);
  try {
    await Promise.race([closing, grace]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `felhom-agent selftest [--config FILE] [--json] [--demo] [--task] [--vmid N] [--node NAME]
 * [--timeout MS]`.
 */
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
      vmid: {
        type: 'string',
        description: 'Container for --task (with --demo: default 100)',
        valueHint: 'N',
      },
      node: {
        type: 'string',
        description: 'Node to check (default: config, else the first online node)',
        valueHint: 'NAME',
      },
      timeout: {
        type: 'string',
        description: 'Per-request timeout, ms or seconds: 5000, 5s (default: timeouts.requestMs, 30 s)',
        valueHint: 'MS',
      },
    },
  },
  async (args, { io, signal }) => {
    const vmid = args.vmid === undefined ? undefined : parseVmid(args.vmid);
    const requestTimeoutMs = args.timeout === undefined ? undefined : parseTimeout(args.timeout);
    if (args.task && vmid === undefined && !args.demo)
      throw new UsageError('--task needs --vmid N (the container to snapshot)');
    if (!args.task && !args.demo && vmid !== undefined)
      throw new UsageError('--vmid only applies with --task (or --demo)');
    if (args.demo && args.config !== undefined)
      throw new UsageError('--demo runs against the simulated cluster; drop --config');

    let prepared: PreparedTarget;
    try {
      prepared = await prepareTarget(
        { demo: args.demo === true, configPath: args.config, node: args.node, requestTimeoutMs },
        io,
      );
    } catch (error) {
      if (!(args.json && error instanceof InvalidConfigError)) throw error;
      for (const warning of error.warnings) io.stderr.write(`warning: ${warning}\n`);
      const document = buildConfigErrorDocument(error.problems, cliVersion());
      io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      for (const problem of error.problems)
        io.stderr.write(`felhom-agent: config error: ${problem.message}\n`);
      return ExitCode.usage;
    }
    const { target } = prepared;

    const state: SelftestState = {};
    const taskVmid = vmid ?? prepared.defaultVmid;
    const run: TaskRun | undefined =
      (args.task || args.demo) && taskVmid !== undefined
        ? taskRun(target, state, { vmid: taskVmid, io, taskTimeoutMs: prepared.taskTimeoutMs })
        : undefined;
    const style = createStyle(colorEnabled(io, 'stdout'));
    const explain = (error: unknown) => explainError(error, target);
    // On a terminal, a spinner says which check is waiting, and for how long.
    let waiting: Progress | undefined;
    const onStart = (check: { readonly title: string }) => {
      waiting = startProgress(io, `${check.title}…`, { elapsed: true, terminalOnly: true });
    };
    const print = (result: CheckResult) => {
      waiting?.done();
      waiting = undefined;
      if (!args.json) io.stdout.write(formatResultLine(result, style));
    };

    let results: CheckResult[] = [];
    let interrupted = false;
    try {
      results = await runChecks(readChecks(target, state), { signal, explain, onStart, onResult: print });
      // After a fatal failure (pin, token, connection) the task checks could only fail the same way.
      if (run && results.every((result) => result.status !== 'skipped')) {
        // The task checks show their own progress while their tasks run.
        results.push(...(await runChecks(run.checks, { signal, explain, onResult: print })));
      }
    } catch (error) {
      if (!signal.aborted) throw error;
      interrupted = true;
    } finally {
      waiting?.done();
      if (run) {
        const outcome = await run.cleanup();
        if (interrupted && outcome !== 'failed') {
          io.stderr.write(`interrupted; the throwaway snapshot ${run.snapshotName} is not left behind\n`);
        }
      }
      await closeWithin(prepared.close(), CLOSE_GRACE_MS);
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
