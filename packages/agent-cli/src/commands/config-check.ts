import { defineCliCommand } from '../command.js';
import { describeTls } from '../config/agent-config.js';
import { InvalidConfigError } from '../config/invalid-config-error.js';
import { type LoadedConfig, loadConfig } from '../config/load-config.js';
import { SECRET_MASK } from '../config/secret.js';
import { describeSource } from '../config/sources.js';
import { ExitCode } from '../exit-codes.js';
import { configArg } from './shared-args.js';

/**
 * `felhom-agent config check [--config FILE] [--json]`: runs exactly the validation `selftest`
 * runs (`loadConfig`), so a config this command calls valid is one `selftest` accepts.
 */
export const configCheckCommand = defineCliCommand(
  {
    meta: {
      name: 'check',
      description: 'Load and validate the config; print the effective values and their sources',
    },
    args: { config: configArg, json: { type: 'boolean', description: 'Print one JSON document' } },
  },
  async (args, { io }) => {
    let loaded: LoadedConfig;
    try {
      loaded = loadConfig({ configPath: args.config, env: io.env });
    } catch (error) {
      if (!(args.json && error instanceof InvalidConfigError)) throw error;
      for (const warning of error.warnings) io.stderr.write(`warning: ${warning}\n`);
      const document = {
        file: error.file ?? null,
        valid: false,
        errors: error.problems,
        warnings: error.warnings,
      };
      io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      return ExitCode.usage;
    }
    for (const warning of loaded.warnings) io.stderr.write(`warning: ${warning}\n`);
    const rows = effectiveRows(loaded);
    if (args.json) {
      const values = Object.fromEntries(
        rows.map((row) => [row.field, { value: row.value, source: row.source }]),
      );
      const document = { file: loaded.file ?? null, valid: true, values, warnings: loaded.warnings };
      io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      return ExitCode.ok;
    }
    io.stdout.write(`config file: ${loaded.file ?? '(none; environment only)'}\n`);
    const width = Math.max(...rows.map((row) => row.field.length));
    const valueWidth = Math.max(...rows.map((row) => row.value.length));
    for (const row of rows) {
      io.stdout.write(`  ${row.field.padEnd(width)}  ${row.value.padEnd(valueWidth)}  (${row.source})\n`);
    }
    io.stdout.write('config is valid\n');
    return ExitCode.ok;
  },
);

interface Row {
  readonly field: string;
  readonly value: string;
  readonly source: string;
}

function effectiveRows({ config, sources }: LoadedConfig): Row[] {
  const row = (field: string, value: string, sourceKey = field): Row => ({
    field,
    value,
    source: describeSource(sources[sourceKey]),
  });
  return [
    row('baseUrl', config.baseUrl),
    row('token.id', config.tokenId),
    // The secret is never printed, only whether and where it was found.
    row('token.secret', SECRET_MASK),
    row('tls', describeTls(config.tls)),
    row('node', config.node ?? '(first online node reported by the host)'),
    row('privileged.mode', config.privilegedMode),
    row('timeouts.requestMs', String(config.requestTimeoutMs)),
    row('timeouts.taskMs', String(config.taskTimeoutMs)),
  ];
}
