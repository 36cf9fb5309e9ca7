import { stripVTControlCharacters } from 'node:util';
import type { ArgsDef } from 'citty';
import type { CliCommand } from './command.js';
import { type RegistryEntry, registry } from './commands/registry.js';
import { ConfigError } from './config/config-error.js';
import { InvalidConfigError } from './config/invalid-config-error.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { type CliIO, colorEnabled } from './output/io.js';
import { cliVersion } from './version.js';

const BIN = 'felhom-agent';

/**
 * Runs the CLI and returns its exit code; it never calls `process.exit`, so buffered output
 * is always flushed and tests can call it in-process. citty supplies the command definitions,
 * argument parsing and usage text; this function owns dispatch, streams and exit codes
 * (citty's own `runMain` exits 1 for everything and prints usage on stdout).
 */
export async function main(argv: readonly string[], io: CliIO, signal: AbortSignal): Promise<number> {
  const [first, ...rest] = argv;
  // Fast path: `--version` loads nothing but package.json.
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${BIN} ${cliVersion()}\n`);
    return ExitCode.ok;
  }
  if (first === undefined) {
    io.stderr.write(`${topLevelUsage()}\n`);
    return ExitCode.usage;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(`${topLevelUsage()}\n`);
    return ExitCode.ok;
  }

  try {
    const group = Object.hasOwn(registry, first) ? registry[first] : undefined;
    if (group?.kind === 'group' && (rest[0] === '--help' || rest[0] === '-h')) {
      io.stdout.write(`${groupUsage(first, group)}\n`);
      return ExitCode.ok;
    }
    const { command, args, path } = resolveCommand(first, rest);
    const loaded = await command();
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(`${await usageOf(loaded, path, io, 'stdout')}\n`);
      return ExitCode.ok;
    }
    const { parseArgs } = await import('citty');
    const definitionArgs = await resolveArgsDef(loaded);
    rejectUnknownFlags(args, definitionArgs, path);
    const parsed = parseArgs(args, definitionArgs);
    return await loaded.run(parsed, { io, signal });
  } catch (error) {
    return reportError(error, io);
  }
}

function resolveCommand(
  name: string,
  rest: readonly string[],
): { command: () => Promise<CliCommand>; args: string[]; path: string } {
  const entry: RegistryEntry | undefined = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (!entry) throw new UsageError(`unknown command "${name}"; run "${BIN} --help" for the list`);
  if (entry.kind === 'command') return { command: entry.load, args: [...rest], path: name };
  const [sub, ...subArgs] = rest;
  if (sub === undefined || sub.startsWith('-')) {
    const names = Object.keys(entry.commands).join(', ');
    throw new UsageError(`"${name}" needs a subcommand: ${names}`);
  }
  const subEntry = Object.hasOwn(entry.commands, sub) ? entry.commands[sub] : undefined;
  if (!subEntry) throw new UsageError(`unknown command "${name} ${sub}"; run "${BIN} ${name} --help"`);
  return { command: subEntry.load, args: subArgs, path: `${name} ${sub}` };
}

async function resolveArgsDef(command: CliCommand): Promise<ArgsDef> {
  const args = command.definition.args;
  return (typeof args === 'function' ? await args() : await args) ?? {};
}

/** citty accepts any flag; an operator's typo (`--jsno`) must fail loudly instead. */
function rejectUnknownFlags(args: readonly string[], definition: ArgsDef, path: string): void {
  const known = new Set<string>();
  const positional = Object.values(definition).some((def) => def.type === 'positional');
  for (const [name, def] of Object.entries(definition)) {
    known.add(name);
    known.add(toKebab(name));
    if (def.type === 'boolean') known.add(`no-${toKebab(name)}`);
    if ('alias' in def && def.alias) for (const alias of [def.alias].flat()) known.add(alias);
  }
  for (const [index, arg] of args.entries()) {
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') {
      const previous = args[index - 1];
      const previousTakesValue =
        previous?.startsWith('-') && !previous.includes('=') && takesValue(previous, definition);
      if (!positional && !previousTakesValue) {
        throw new UsageError(`unexpected argument "${arg}" for "${path}"; run "${BIN} ${path} --help"`);
      }
      continue;
    }
    const name = arg.replace(/^-{1,2}/, '').split('=')[0] ?? '';
    if (!known.has(name))
      throw new UsageError(`unknown option "${arg}" for "${path}"; run "${BIN} ${path} --help"`);
  }
}

function takesValue(flag: string, definition: ArgsDef): boolean {
  const name = flag.replace(/^-{1,2}/, '');
  return Object.entries(definition).some(
    ([key, def]) =>
      (def.type === 'string' || def.type === 'enum') &&
      (key === name || toKebab(key) === name || ('alias' in def && [def.alias].flat().includes(name))),
  );
}

function toKebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

async function usageOf(
  command: CliCommand,
  path: string,
  io: CliIO,
  stream: 'stdout' | 'stderr',
): Promise<string> {
  const { renderUsage } = await import('citty');
  // citty prints "PARENT NAME"; the parent of `config check` is `felhom-agent config`.
  const parent = [BIN, ...path.split(' ').slice(0, -1)].join(' ');
  const usage = await renderUsage(command.definition, { meta: { name: parent } });
  return colorEnabled(io, stream) ? usage : stripVTControlCharacters(usage);
}

function topLevelUsage(): string {
  const lines = [`${BIN} ${cliVersion()}: proves a Proxmox VE host is ready for felhom`, '', 'USAGE', ''];
  lines.push(`  ${BIN} <command> [options]`, '', 'COMMANDS', '');
  const rows: [string, string][] = [];
  for (const [name, entry] of Object.entries(registry)) {
    if (entry.kind === 'command') rows.push([name, entry.description]);
    else
      for (const [sub, subEntry] of Object.entries(entry.commands))
        rows.push([`${name} ${sub}`, subEntry.description]);
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, description] of rows) lines.push(`  ${name.padEnd(width)}  ${description}`);
  lines.push(
    '',
    `Run "${BIN} <command> --help" for a command's options. "${BIN} --version" prints the version.`,
  );
  return lines.join('\n');
}

function groupUsage(name: string, group: Extract<RegistryEntry, { kind: 'group' }>): string {
  const rows = Object.entries(group.commands);
  const width = Math.max(...rows.map(([sub]) => sub.length));
  return [
    `${group.description} (${BIN} ${name})`,
    '',
    'USAGE',
    '',
    `  ${BIN} ${name} <command> [options]`,
    '',
    'COMMANDS',
    '',
    ...rows.map(([sub, entry]) => `  ${sub.padEnd(width)}  ${entry.description}`),
    '',
    `Run "${BIN} ${name} <command> --help" for a command's options.`,
  ].join('\n');
}

function reportError(error: unknown, io: CliIO): number {
  if (error instanceof UsageError) {
    io.stderr.write(`${BIN}: ${error.message}\n`);
    return ExitCode.usage;
  }
  if (error instanceof InvalidConfigError) {
    for (const warning of error.warnings) io.stderr.write(`warning: ${warning}\n`);
    for (const problem of error.problems) io.stderr.write(`${BIN}: config error: ${problem.message}\n`);
    return ExitCode.usage;
  }
  if (error instanceof ConfigError) {
    io.stderr.write(`${BIN}: config error: ${error.message}\n`);
    return ExitCode.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${BIN}: ${message}\n`);
  return ExitCode.checkFailed;
}
