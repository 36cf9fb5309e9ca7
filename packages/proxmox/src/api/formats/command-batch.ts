import type { FormatChecker } from './checker.js';

// `pve-command-batch` (pve-manager PVE/API2/Nodes.pm, `verify_command_batch`): the `commands` of
// `POST /nodes/{node}/execute`, JSON text decoded and validated against an array-of-objects
// schema (`path` and `method` required, `method` one of GET, POST, PUT, DELETE, `args` an
// object). Refused here is only what that check refuses; a number where a string is expected
// passes, as a Perl scalar would.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isScalar = (value: Json | undefined): boolean =>
  value !== undefined && value !== null && typeof value !== 'object';

function itemProblem(item: Json, index: number): string | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return `item ${index} is not an object`;
  if (!isScalar(item.path)) return `item ${index}: property 'path' is missing or not a string`;
  if (!isScalar(item.method)) return `item ${index}: property 'method' is missing or not a string`;
  if (!/^(?:GET|POST|PUT|DELETE)$/.test(String(item.method)))
    return `item ${index}: method '${String(item.method)}' is not one of GET, POST, PUT, DELETE`;
  const args = item.args;
  if (args !== undefined && (typeof args !== 'object' || args === null || Array.isArray(args)))
    return `item ${index}: property 'args' is not an object`;
  return undefined;
}

const commandBatch: FormatChecker = (value) => {
  let commands: Json;
  try {
    commands = JSON.parse(value) as Json;
  } catch (error) {
    return `commands param did not contain valid JSON: ${(error as Error).message}`;
  }
  if (!Array.isArray(commands)) return 'commands is not a valid array of commands: not an array';
  for (const [index, item] of commands.entries()) {
    const problem = itemProblem(item, index);
    if (problem) return `commands is not a valid array of commands: ${problem}`;
  }
  return undefined;
};

/** The structured-text formats. */
export const commandBatchFormats: Readonly<Record<string, FormatChecker>> = {
  'pve-command-batch': commandBatch,
};
