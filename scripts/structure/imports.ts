import ts from 'typescript';

/** How a module is brought in: the fence cares about every kind, cycles only about runtime ones. */
export type ImportKind = 'static' | 'side-effect' | 're-export' | 'dynamic' | 'require' | 'type';

/** One import found in a source file, as written. */
export interface ImportSite {
  /** The module specifier (`node:child_process`, `./foo.js`); `undefined` when not a literal. */
  readonly specifier: string | undefined;
  readonly kind: ImportKind;
  /** True when the import is erased at run time (`import type`, `export type`, `import('x').T`). */
  readonly typeOnly: boolean;
  /** 1-based line, for messages. */
  readonly line: number;
}

/** A reference to a global that reaches the network without an import (`fetch(…)`, `new WebSocket`). */
export interface GlobalUse {
  readonly name: string;
  readonly line: number;
}

/** Globals that open network connections by themselves: a package may not hide HTTP behind them. */
export const networkGlobals: ReadonlySet<string> = new Set([
  'fetch',
  'WebSocket',
  'EventSource',
  'XMLHttpRequest',
]);
const globalObjects = new Set(['globalThis', 'global', 'window', 'self']);

const literal = (node: ts.Node | undefined): string | undefined =>
  node !== undefined && ts.isStringLiteralLike(node) ? node.text : undefined;

/** Every import of one file (static, side-effect, re-export, dynamic, `require`, type position). */
export function importsOf(fileName: string, text: string): ImportSite[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const sites: ImportSite[] = [];
  const add = (node: ts.Node, specifier: string | undefined, kind: ImportKind, typeOnly: boolean): void => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    sites.push({ specifier, kind, typeOnly, line });
  };
  const requireNames = requireFunctionsOf(source);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      // `import { type A, type B } from` is erased too: every named binding is type-only.
      const allTypeNames =
        clause?.namedBindings !== undefined &&
        ts.isNamedImports(clause.namedBindings) &&
        clause.name === undefined &&
        clause.namedBindings.elements.length > 0 &&
        clause.namedBindings.elements.every((element) => element.isTypeOnly);
      const typeOnly = clause !== undefined && (clause.isTypeOnly || allTypeNames);
      add(node, literal(node.moduleSpecifier), clause === undefined ? 'side-effect' : 'static', typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) {
      const clause = node.exportClause;
      const allTypeNames =
        clause !== undefined &&
        ts.isNamedExports(clause) &&
        clause.elements.length > 0 &&
        clause.elements.every((element) => element.isTypeOnly);
      add(node, literal(node.moduleSpecifier), 're-export', node.isTypeOnly || allTypeNames);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, literal(node.moduleReference.expression), 'require', node.isTypeOnly);
    } else if (ts.isImportTypeNode(node)) {
      add(
        node,
        literal(ts.isLiteralTypeNode(node.argument) ? node.argument.literal : undefined),
        'type',
        true,
      );
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        add(node, literal(node.arguments[0]), 'dynamic', false);
      } else if (ts.isIdentifier(node.expression) && requireNames.has(node.expression.text)) {
        add(node, literal(node.arguments[0]), 'require', false);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

/**
 * The names that call `require` in this file: `require` itself, and every variable bound to
 * `createRequire(…)` (`const load = createRequire(import.meta.url)`), which an ES module uses to
 * load a package lazily; `load('x')` imports `x` as surely as `import 'x'` does.
 */
function requireFunctionsOf(source: ts.SourceFile): Set<string> {
  const names = new Set(['require']);
  const visit = (node: ts.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer !== undefined &&
      ts.isCallExpression(node.initializer)
    ) {
      const callee = node.initializer.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : undefined;
      if (name === 'createRequire') names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** Is this identifier a value reference to the global of that name (not a property, key, type or declaration)? */
function isGlobalReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  // `{ fetch }` passes the global on.
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) {
    // `globalThis.fetch` is the global; `client.fetch` or `options.fetch` is not.
    return ts.isIdentifier(parent.expression) && globalObjects.has(parent.expression.text);
  }
  // Types (`typeof fetch`, `fetch.Foo`) are erased; nothing is called.
  if (ts.isTypeReferenceNode(parent) || ts.isTypeQueryNode(parent) || ts.isQualifiedName(parent))
    return false;
  if ((ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === node)
    return false;
  // A declaration or key named `fetch` (`fetch: …`, `function fetch`, `{ fetch = x }`) calls nothing.
  const named = parent as ts.Node & { readonly name?: ts.Node };
  return named.name !== node;
}

/** References to network globals (`fetch(url)`, `globalThis.fetch`, `{ fetch }`, `new WebSocket(…)`). */
export function networkGlobalUses(fileName: string, text: string): GlobalUse[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const uses: GlobalUse[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && networkGlobals.has(node.text) && isGlobalReference(node)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      uses.push({ name: node.text, line });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}
