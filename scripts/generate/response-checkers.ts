/**
 * Writes the straight-line checkers of the response shapes (packages/proxmox/src/shapes/
 * index.ts and tasks.ts) as TypeScript source: for every shape a `check` that only reads (one
 * `typeof` or comparison per declared field, the wire-values rules for anything else) and a
 * `normalise` that reads each value into its output form in place. The valibot schema of the
 * same declaration (shape-schema.ts) accepts exactly the same data; the property tests in
 * packages/proxmox/test/schemas/ hold the two to that.
 *
 * Generated at build time into a committed file, never at run time: the SDK uses no
 * `new Function` or `eval` (a test runs it under `--disallow-code-generation-from-strings`).
 */
import { join } from 'node:path';
import { resourceResponseShapes } from '../../packages/proxmox/src/shapes/index.js';
import { type Field, fieldOf, type Kind, type ObjectKind } from '../../packages/proxmox/src/shapes/shape.js';
import { taskResponseShapes } from '../../packages/proxmox/src/shapes/tasks.js';
import { repositoryRoot } from '../structure/repository.js';

/** A generated module of checkers: the shapes it reads and the registry it exports. */
export interface CheckersModule {
  readonly file: string;
  readonly shapes: Readonly<Record<string, Kind>>;
  readonly registry: string;
  /** Where the shapes are listed, for the registry's doc comment. */
  readonly listedIn: string;
}

const generated = join(repositoryRoot, 'packages/proxmox/src/schemas/generated');

/**
 * The generated modules. The tasks' checkers are a module of their own so that waiting for a
 * task, which the client imports at once, does not load the others (shapes/tasks.ts).
 */
export const checkersModules: readonly CheckersModule[] = [
  {
    file: join(generated, 'resource-checkers.ts'),
    shapes: resourceResponseShapes,
    registry: 'resourceCheckers',
    listedIn: 'src/shapes/index.ts',
  },
  {
    file: join(generated, 'task-checkers.ts'),
    shapes: taskResponseShapes,
    registry: 'taskCheckers',
    listedIn: 'src/shapes/tasks.ts',
  },
];

/** The helpers the generated code may call, and the module each comes from. */
const helperModules = {
  isWireFlag: '../wire-values.js',
  isWireInteger: '../wire-values.js',
  isWireNumber: '../wire-values.js',
  isWireScalar: '../wire-values.js',
  isWireText: '../wire-values.js',
  readWireFlag: '../wire-values.js',
  readWireInteger: '../wire-values.js',
  readWireNumber: '../wire-values.js',
  readWireText: '../wire-values.js',
  splitList: '../wire-values.js',
  dropDangerousKeys: '../dangerous-keys.js',
  isDangerousKey: '../dangerous-keys.js',
} as const;
type Helper = keyof typeof helperModules;

/** Scalar kinds read by a wire-values rule: the rule, its reader, and the output's `typeof`. */
const wireRules = {
  text: { accepts: 'isWireText', read: 'readWireText', output: 'string' },
  integer: { accepts: 'isWireInteger', read: 'readWireInteger', output: 'number' },
  number: { accepts: 'isWireNumber', read: 'readWireNumber', output: 'number' },
  flag: { accepts: 'isWireFlag', read: 'readWireFlag', output: 'boolean' },
} as const satisfies Record<string, { accepts: Helper; read: Helper; output: string }>;

type Composite = Extract<Kind, { kind: 'list' | 'record' | 'object' }>;

const identifier = /^[A-Za-z_$][\w$]*$/;
const pascal = (name: string) =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
const member = (object: string, key: string) =>
  identifier.test(key) ? `${object}.${key}` : `${object}[${JSON.stringify(key)}]`;

/** A JSON value as a TypeScript literal (a fresh object each time the expression runs). */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(
      ([key, item]) => `${identifier.test(key) ? key : JSON.stringify(key)}: ${literal(item)}`,
    );
    return `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

class Generator {
  private readonly names = new Map<Composite, string>();
  private readonly taken = new Set<string>();
  private readonly functions: string[] = [];
  readonly helpers = new Set<Helper>();

  private use(helper: Helper): string {
    this.helpers.add(helper);
    return helper;
  }

  /** The function name of a composite kind, generating its two functions the first time. */
  nameOf(kind: Composite, suggestion: string): string {
    const known = this.names.get(kind);
    if (known !== undefined) return known;
    let name = pascal(suggestion);
    for (let suffix = 2; this.taken.has(name); suffix++) name = `${pascal(suggestion)}${suffix}`;
    this.names.set(kind, name);
    this.taken.add(name);
    if (kind.kind === 'object') this.object(kind, name);
    else if (kind.kind === 'list') this.list(kind.items, name);
    else this.record(kind.values, name);
    return name;
  }

  /** A boolean expression that is true when `value` is NOT acceptable as `kind`. */
  private refuses(kind: Kind, value: string, name: string): string {
    switch (kind.kind) {
      case 'string':
      case 'textList':
        return `typeof ${value} !== 'string'`;
      case 'scalar':
        return `!${this.use('isWireScalar')}(${value})`;
      case 'text':
      case 'integer':
      case 'number':
      case 'flag':
        return `!${this.use(wireRules[kind.kind].accepts)}(${value})`;
      case 'oneOf':
        return kind.values.map((option) => `${value} !== ${JSON.stringify(option)}`).join(' && ');
      default:
        return `!check${this.nameOf(kind, name)}(${value})`;
    }
  }

  /**
   * How an accepted `value`, stored at `target`, becomes its output form: `action` run when
   * `guard` (if any) holds; `undefined` when the value is already in it (strings, one-of,
   * scalars).
   */
  private reads(kind: Kind, value: string, target: string, name: string): Read | undefined {
    switch (kind.kind) {
      case 'string':
      case 'oneOf':
      case 'scalar':
        return undefined;
      case 'textList':
        return { expression: `${this.use('splitList')}(${value} as string)`, target };
      case 'text':
      case 'integer':
      case 'number':
      case 'flag': {
        const rule = wireRules[kind.kind];
        return {
          guard: `typeof ${value} !== '${rule.output}'`,
          expression: `${this.use(rule.read)}(${value})`,
          target,
        };
      }
      default: {
        const call = `normalise${this.nameOf(kind, name)}(${value})`;
        return replaces(kind) ? { expression: call, target } : { expression: call };
      }
    }
  }

  private object(kind: ObjectKind, name: string): void {
    const locals = new Set<string>();
    const fields = Object.entries(kind.fields).map(([key, field]): [string, string, Field] => [
      key,
      localName(key, locals),
      fieldOf(field),
    ]);
    const checks = fields.map(([key, local, field]) => {
      const refused = this.refuses(field.shape, local, `${name}-${key}`);
      const test =
        field.presence === 'required' ? refused : `${local} !== undefined && ${bracketed(refused)}`;
      return `const ${local} = ${member('o', key)};\nif (${test}) return false;`;
    });
    this.functions.push(
      [
        `function check${name}(input: unknown): boolean {`,
        `if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;`,
        // An object with no declared field only has to be an object.
        ...(checks.length === 0 ? [] : ['const o = input as Record<string, unknown>;']),
        ...checks,
        'return true;',
        '}',
      ].join('\n'),
    );
    const reads = fields.flatMap(([key, local, field]): string[] => {
      const target = member('o', key);
      if (field.presence === 'emptyAsAbsent') return [`if (${target} === '') delete ${target};`];
      const read = this.reads(field.shape, local, target, `${name}-${key}`);
      const load = `const ${local} = ${target};`;
      if (field.presence === 'withDefault') {
        const fallback = literal(field.fallback);
        if (read === undefined) return [`if (${target} === undefined) ${target} = ${fallback};`];
        if (read.guard === undefined && read.target !== undefined)
          return [load, `${target} = ${local} === undefined ? ${fallback} : ${read.expression};`];
        return [load, `if (${local} === undefined) ${target} = ${fallback};`, `else ${statement(read)}`];
      }
      if (read === undefined) return [];
      const present = `${local} !== undefined`;
      const guarded =
        field.presence === 'optional'
          ? { ...read, guard: read.guard === undefined ? present : `${present} && ${read.guard}` }
          : read;
      return [load, statement(guarded)];
    });
    const body =
      kind.rename === undefined
        ? [`${this.use('dropDangerousKeys')}(o);`, 'return o;']
        : [
            `return { ${Object.entries(kind.rename as Record<string, string>)
              .map(([from, to]) => `${identifier.test(to) ? to : JSON.stringify(to)}: ${member('o', from)}`)
              .join(', ')} };`,
          ];
    this.functions.push(
      [
        `function normalise${name}(input: unknown): unknown {`,
        'const o = input as Record<string, unknown>;',
        ...reads,
        ...body,
        '}',
      ].join('\n'),
    );
  }

  private list(items: Kind, name: string): void {
    const refused = this.refuses(items, 'item', `${name}-item`);
    this.functions.push(
      [
        `function check${name}(input: unknown): boolean {`,
        'if (!Array.isArray(input)) return false;',
        'const list: unknown[] = input;',
        'for (let index = 0; index < list.length; index++) {',
        'const item = list[index];',
        `if (${refused}) return false;`,
        '}',
        'return true;',
        '}',
      ].join('\n'),
    );
    const read = this.reads(items, 'item', 'list[index]', `${name}-item`);
    this.functions.push(
      [
        `function normalise${name}(input: unknown): unknown {`,
        'const list = input as unknown[];',
        ...(read === undefined
          ? []
          : [
              'for (let index = 0; index < list.length; index++) {',
              'const item = list[index];',
              statement(read),
              '}',
            ]),
        'return list;',
        '}',
      ].join('\n'),
    );
  }

  private record(values: Kind, name: string): void {
    const refused = this.refuses(values, 'o[key]', `${name}-value`);
    const isDangerousKey = this.use('isDangerousKey');
    this.functions.push(
      [
        `function check${name}(input: unknown): boolean {`,
        `if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;`,
        'const o = input as Record<string, unknown>;',
        'for (const key in o) {',
        // valibot's record skips inherited and dangerous keys; so does the checker.
        `if (!Object.hasOwn(o, key) || ${isDangerousKey}(key)) continue;`,
        `if (${refused}) return false;`,
        '}',
        'return true;',
        '}',
      ].join('\n'),
    );
    const read = this.reads(values, 'item', 'o[key]', `${name}-value`);
    this.functions.push(
      [
        `function normalise${name}(input: unknown): unknown {`,
        'const o = input as Record<string, unknown>;',
        'for (const key in o) {',
        'if (!Object.hasOwn(o, key)) continue;',
        `if (${isDangerousKey}(key)) {`,
        'delete o[key];',
        'continue;',
        '}',
        ...(read === undefined ? [] : ['const item = o[key];', statement(read)]),
        '}',
        'return o;',
        '}',
      ].join('\n'),
    );
  }

  source(registry: string): string {
    const byModule = new Map<string, string[]>();
    for (const helper of [...this.helpers].sort()) {
      const module = helperModules[helper];
      byModule.set(module, [...(byModule.get(module) ?? []), helper]);
    }
    const imports = [...byModule.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([module, names]) => `import { ${names.join(', ')} } from '${module}';`);
    return [
      header,
      "import type { GeneratedChecker } from '../checker.js';",
      ...imports,
      '',
      ...this.functions.flatMap((code) => [code, '']),
      registry,
      '',
    ].join('\n');
  }
}

/** How a value becomes its output form: `target = expression` (or just `expression`), if `guard`. */
interface Read {
  readonly guard?: string;
  readonly expression: string;
  readonly target?: string;
}

function statement(read: Read): string {
  const action = read.target === undefined ? `${read.expression};` : `${read.target} = ${read.expression};`;
  return read.guard === undefined ? action : `if (${read.guard}) ${action}`;
}

/** True when the output of `kind` is a new value rather than the input read in place. */
function replaces(kind: Kind): boolean {
  return kind.kind === 'object' && kind.rename !== undefined;
}

// Names a field's local variable may not take: JavaScript's reserved words, the globals and
// helpers the generated functions call, and their own parameter and variable names.
const unavailable = new Set([
  ...'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await undefined'.split(
    ' ',
  ),
  ...['Object', 'Array', 'Number', 'input', 'o', 'key', 'list', 'index', 'item'],
  ...Object.keys(helperModules),
]);

/**
 * The local variable holding a field's value: the key in camelCase (`cgroup-mode` →
 * `cgroupMode`), made unique within its function and never shadowing a name the code uses.
 */
function localName(key: string, taken: Set<string>): string {
  const camel = pascal(key).replace(/^./, (first) => first.toLowerCase());
  let name = /^[A-Za-z_$]/.test(camel) ? camel : `field${camel}`;
  if (unavailable.has(name) || /^(check|normalise)[A-Z]/.test(name)) name = `${name}Field`;
  for (let suffix = 2; taken.has(name); suffix++) name = `${name.replace(/\d+$/, '')}${suffix}`;
  taken.add(name);
  return name;
}

const bracketed = (expression: string) => (expression.includes(' && ') ? `(${expression})` : expression);

const header = `// Generated by \`pnpm run generate\` (scripts/generate/response-checkers.ts) from the response
// shapes in src/shapes/. Do not edit: change a shape and regenerate; a structure test fails
// when this file is not what the generator makes of the shapes.`;

/**
 * The checkers module for `shapes` (name → declaration) exporting them as \`registry\`, as
 * unformatted TypeScript source. Every shape must be a list, a record or an object.
 */
export function generateResponseCheckers(
  shapes: Readonly<Record<string, Kind>>,
  registry = 'responseCheckers',
  listedIn = 'src/shapes/',
): string {
  const generator = new Generator();
  const entries = Object.entries(shapes).map(([name, kind]) => {
    if (kind.kind !== 'list' && kind.kind !== 'record' && kind.kind !== 'object')
      throw new Error(
        `response shape ${name} is a ${kind.kind}: only lists, records and objects get checkers`,
      );
    const functionName = generator.nameOf(kind, name);
    return `${identifier.test(name) ? name : JSON.stringify(name)}: { check: check${functionName}, normalise: normalise${functionName} },`;
  });
  const declaration = [
    `/** The generated checker of every response shape listed in ${listedIn}, by its name there. */`,
    `export const ${registry} = {`,
    ...entries,
    '} as const satisfies Readonly<Record<string, GeneratedChecker>>;',
  ].join('\n');
  return generator.source(declaration);
}
