// Run by the sudo end-to-end test as the throwaway system user (bundled by esbuild, uid/gid set):
// drives ExecRunner in sudo mode against the real sudo and the installed drop-in, and prints
// what happened as one JSON line. argv[2]: the fake smartctl's absolute path.
import { ExecRunner, isPrivilegedError, PrivilegeDeniedError, Privileged } from '../../src/index.js';

const smartctl = process.argv[2] ?? '';
const runner = new ExecRunner({ mode: 'sudo' });

async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await run() };
  } catch (error) {
    if (error instanceof PrivilegeDeniedError) {
      return {
        error: error.name,
        refusal: error.refusal,
        command: error.command,
        sudoMessage: error.sudoMessage,
      };
    }
    return {
      error: isPrivilegedError(error) ? error.name : String(error),
      message: (error as Error).message,
    };
  }
}

const privileged = new Privileged(runner, { mountBase: '/srv/felhom-test-usb', binaries: { smartctl } });
const report = {
  uid: process.getuid?.(),
  allowedRaw: await outcome(
    async () => JSON.parse((await runner.run({ file: smartctl, args: ['-j', '--scan'] })).stdout).ranAsUid,
  ),
  smartScan: await outcome(() => privileged.smartScan()),
  smart: await outcome(async () => (await privileged.smart('/dev/sda')).health),
  extraArgument: await outcome(() =>
    runner.run({ file: smartctl, args: ['-j', '-a', '/dev/sda', '-s', 'off'] }),
  ),
  anotherBinary: await outcome(() => runner.run({ file: '/usr/bin/id', args: ['-u'] })),
};
process.stdout.write(JSON.stringify(report));
