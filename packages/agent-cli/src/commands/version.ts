import { defineCliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { cliVersion } from '../version.js';

/** `felhom-agent version [--json]`. */
export const versionCommand = defineCliCommand(
  {
    meta: { name: 'version', description: 'Print the version (--json for machines)' },
    args: { json: { type: 'boolean', description: 'Print one JSON document' } },
  },
  async (args, { io }) => {
    const version = cliVersion();
    if (args.json) {
      io.stdout.write(
        `${JSON.stringify({ name: '@felhom/agent-cli', version, node: process.version, platform: process.platform, arch: process.arch })}\n`,
      );
    } else {
      io.stdout.write(`felhom-agent ${version}\n`);
    }
    return ExitCode.ok;
  },
);
