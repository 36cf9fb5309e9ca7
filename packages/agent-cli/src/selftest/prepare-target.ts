import { describeTls } from '../config/agent-config.js';
import { loadConfig } from '../config/load-config.js';
import type { CliIO } from '../output/io.js';
import { clientFromConfig } from './connect.js';
import type { SelftestTarget } from './target.js';

/** What a selftest runs against, and how to let go of it afterwards. */
export interface PreparedTarget {
  readonly target: SelftestTarget;
  readonly taskTimeoutMs: number;
  /** The container of the task checks when they run without --vmid (the demo's). */
  readonly defaultVmid: number | undefined;
  close(): Promise<void>;
}

/** What the command line says about the target. */
export interface TargetArgs {
  readonly demo: boolean;
  readonly configPath: string | undefined;
  readonly node: string | undefined;
  /** `--timeout`, in ms. */
  readonly requestTimeoutMs: number | undefined;
}

const DEMO_REQUEST_TIMEOUT_MS = 30_000;
const DEMO_TASK_TIMEOUT_MS = 60_000;

/**
 * The demo host (the simulated cluster over real, pinned HTTPS), or the host the configuration
 * names. Says on stderr what it is about to check. Throws `InvalidConfigError` for a config that
 * cannot be used.
 */
export async function prepareTarget(args: TargetArgs, io: CliIO): Promise<PreparedTarget> {
  if (args.demo) {
    const requestTimeoutMs = args.requestTimeoutMs ?? DEMO_REQUEST_TIMEOUT_MS;
    const { startDemoHost } = await import('./demo.js');
    const demo = await startDemoHost({ requestTimeoutMs });
    io.stderr.write(
      `demo: simulated Proxmox VE cluster at ${demo.baseUrl} (certificate made for this run, SHA-256 pinned: ${demo.fingerprint256})\n`,
    );
    return {
      target: {
        client: demo.client,
        baseUrl: demo.baseUrl,
        tokenId: demo.tokenId,
        tls: `fingerprint ${demo.fingerprint256}`,
        requestedNode: args.node,
        demo: true,
        requestTimeoutMs,
      },
      taskTimeoutMs: DEMO_TASK_TIMEOUT_MS,
      defaultVmid: demo.vmid,
      close: () => demo.close(),
    };
  }
  const loaded = loadConfig({
    configPath: args.configPath,
    env: io.env,
    requestTimeoutMs: args.requestTimeoutMs,
  });
  for (const warning of loaded.warnings) io.stderr.write(`warning: ${warning}\n`);
  const { config } = loaded;
  const client = clientFromConfig(loaded);
  io.stderr.write(
    `selftest: ${config.baseUrl} as ${config.tokenId} (request timeout ${config.requestTimeoutMs} ms)\n`,
  );
  return {
    target: {
      client,
      baseUrl: config.baseUrl,
      tokenId: config.tokenId,
      tls: describeTls(config.tls),
      requestedNode: args.node ?? config.node,
      demo: false,
      requestTimeoutMs: config.requestTimeoutMs,
    },
    taskTimeoutMs: config.taskTimeoutMs,
    defaultVmid: undefined,
    close: () => client.close(),
  };
}
