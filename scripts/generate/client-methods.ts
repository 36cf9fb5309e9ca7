import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { repositoryRoot } from '../structure/repository.js';

/**
 * Generates `ProxmoxClient`'s typed methods from the table of operations: one real method per
 * entry (so a subclass can override it as a method), carrying the TSDoc written on the
 * operation. Reads `src/operations/index.ts`, follows each spread module, and copies each
 * entry's doc comment verbatim. `pnpm run generate` writes the file; a structure test fails
 * when the committed one differs.
 */

const operationsDirectory = join(repositoryRoot, 'packages/proxmox/src/operations');
/** Where the generated class is written. */
export const clientMethodsFile = join(repositoryRoot, 'packages/proxmox/src/client/operation-methods.ts');

interface OperationEntry {
  readonly name: string;
  readonly doc: string;
  /** The resident table the client imports the operation from, or none: loaded on first call. */
  readonly resident: ResidentTable | undefined;
}

/** A table the client imports directly: its exported name and its module. */
interface ResidentTable {
  readonly name: string;
  readonly file: string;
}

/** The functions an entry of the table may be defined with. */
const definers = new Set(['defineOperation', 'defineComposite', 'defineIterator']);

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

/**
 * The tables spread into `operations` whose methods the client imports directly instead of
 * loading them with the rest on first call (operations/task-operations.ts says why).
 */
const residentTables = new Set(['taskOperations']);

/** The variable `name`'s object literal in `source`. */
function objectLiteral(source: ts.SourceFile, name: string): ts.ObjectLiteralExpression {
  const declaration = source.statements
    .filter(ts.isVariableStatement)
    .flatMap((statement) => [...statement.declarationList.declarations])
    .find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name);
  if (!declaration?.initializer || !ts.isObjectLiteralExpression(declaration.initializer)) {
    throw new Error(
      `${relative(repositoryRoot, source.fileName)}: \`export const ${name} = { … }\` not found`,
    );
  }
  return declaration.initializer;
}

/**
 * The entries of the table `tableName` in `file`, in table order: each `...someOperation`
 * spread is followed into its module, and a spread resident table into its own entries.
 */
function tableEntries(
  file: string,
  tableName: string,
  resident: ResidentTable | undefined,
): OperationEntry[] {
  const source = parse(file);
  const fileOf = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    const imported = join(dirname(file), statement.moduleSpecifier.text.replace(/\.js$/, '.ts'));
    for (const element of bindings.elements) fileOf.set(element.name.text, imported);
  }
  const where = relative(repositoryRoot, file);
  return objectLiteral(source, tableName).properties.flatMap((property) => {
    if (!ts.isSpreadAssignment(property) || !ts.isIdentifier(property.expression)) {
      throw new Error(`${where}: only \`...someOperation\` entries belong in the table`);
    }
    const exportName = property.expression.text;
    const module = fileOf.get(exportName);
    if (!module) throw new Error(`${where}: ${exportName} is not imported`);
    return residentTables.has(exportName)
      ? tableEntries(module, exportName, { name: exportName, file: module })
      : moduleEntries(module, exportName, resident);
  });
}

/** The entries of one module's exported `{ name: defineOperation(…) }` object, with their TSDoc. */
function moduleEntries(
  file: string,
  exportName: string,
  resident: ResidentTable | undefined,
): OperationEntry[] {
  const source = parse(file);
  const where = relative(repositoryRoot, file);
  return objectLiteral(source, exportName).properties.map((property) => {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) {
      throw new Error(`${where}: entries are \`name: defineOperation(…)\``);
    }
    const name = property.name.text;
    const text = source.getFullText();
    const comments = ts.getLeadingCommentRanges(text, property.getFullStart()) ?? [];
    const doc = comments
      .map((range) => text.slice(range.pos, range.end))
      .filter((comment) => comment.startsWith('/**'))
      .at(-1);
    if (!doc) throw new Error(`${where}: ${name} has no TSDoc`);
    const definer =
      ts.isCallExpression(property.initializer) && ts.isIdentifier(property.initializer.expression)
        ? property.initializer.expression.text
        : undefined;
    if (definer === undefined || !definers.has(definer)) {
      throw new Error(`${where}: ${name} is not defined with one of ${[...definers].join(', ')}`);
    }
    // A method that waits for the table to load returns a promise; an iterator has to be there
    // from the start.
    if (definer === 'defineIterator' && resident === undefined) {
      throw new Error(
        `${where}: ${name} yields, so it belongs in a resident table (${[...residentTables].join(', ')})`,
      );
    }
    return { name, doc, resident };
  });
}

/** Re-indents a doc comment to two spaces (class member level). */
function indentDoc(doc: string): string {
  return doc
    .split('\n')
    .map((line, index) => (index === 0 ? `  ${line.trim()}` : `   ${line.trim()}`))
    .join('\n');
}

/** The generated source text. */
export function generateClientMethods(): string {
  const entries = tableEntries(join(operationsDirectory, 'index.ts'), 'operations', undefined);
  const methods = entries.map(({ name, doc, resident }) => {
    const body =
      resident === undefined
        ? `withOperations((table) => table.${name}.invoke(this, ...args))`
        : `${resident.name}.${name}.invoke(this, ...args)`;
    return `${indentDoc(doc)}\n  ${name}(...args: OperationArguments<'${name}'>): OperationResult<'${name}'> {\n    return ${body};\n  }\n`;
  });
  const residentModules = new Map(
    entries.flatMap(({ resident }) => (resident ? [[resident.name, resident.file]] : [])),
  );
  const residentImports = [...residentModules]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([table, file]) =>
        `import { ${table} } from '../operations/${relative(operationsDirectory, file).replace(/\.ts$/, '.js')}';\n`,
    )
    .join('');
  return `// Generated by scripts/generate/client-methods.ts from src/operations/ (pnpm run generate).
// Do not edit: change the operation's module and regenerate.
import type { Operations } from '../operations/index.js';
${residentImports}import type { APIRequester } from '../tasks/requester.js';
import type { ProxmoxResponse } from '../transport/response.js';
import type { HTTPMethod, RequestOptions } from '../transport/transport.js';
import { withOperations } from './operation-table.js';

/** The arguments of an operation's method: those of its \`invoke\` after the requester. */
type OperationArguments<Name extends keyof Operations> = Operations[Name]['invoke'] extends (
  api: APIRequester,
  ...args: infer TArgs
) => unknown
  ? TArgs
  : never;

/** What an operation's method resolves to. */
type OperationResult<Name extends keyof Operations> = ReturnType<Operations[Name]['invoke']>;

/**
 * The typed methods of {@link ProxmoxClient}, one per entry of the table of operations
 * (src/operations/), each documented there. \`ProxmoxClient\` supplies \`request\`. The table
 * loads on the first call of a method (./operation-table.ts), but for the operations on tasks,
 * which are imported with the client.
 */
export abstract class OperationMethods implements APIRequester {
  /** Sends one API request; see {@link ProxmoxClient.request}. */
  abstract request<T = unknown>(
    method: HTTPMethod,
    path: string,
    options?: RequestOptions,
  ): Promise<ProxmoxResponse<T>>;

${methods.join('\n')}}
`;
}
