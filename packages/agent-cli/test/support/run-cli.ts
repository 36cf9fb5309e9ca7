import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built binary, as `npx felhom-agent` runs it. `pnpm test` builds before testing. */
export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** What one run of the binary printed and how it ended. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Every run of this test process, for the final scan for secrets. */
export const allRuns: CliRun[] = [];

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** Environment added to a minimal one (PATH only), so the machine's own settings never leak in. */
  readonly env?: Record<string, string>;
  /** Called with the stderr text seen so far, after each chunk; may signal the child. */
  readonly onStderr?: (text: string, child: { kill(signal: NodeJS.Signals): boolean }) => void;
  readonly timeoutMs?: number;
}

/**
 * Runs the built CLI as a child process, asynchronously: the simulated host the test started
 * lives in this process and must keep answering while the child runs.
 */
export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`pnpm run build\` first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const run = { code, signal, stdout, stderr };
      allRuns.push(run);
      resolve(run);
    });
  });
}
