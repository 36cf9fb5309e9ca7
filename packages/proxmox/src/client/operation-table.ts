import type { Operations } from '../operations/index.js';

// The table of operations (every typed method's validation, schemas and checkers) is most of the
// package's code, so the client loads it on the first call of a typed method rather than when
// the package is imported: `import '@felhom/proxmox'` costs what the transport, TLS and errors
// cost (docs/performance.md, "Import cost"). After the first load, methods run it directly. The
// operations on tasks are imported with the client instead (operations/task-operations.ts).

let table: Operations | undefined;
let loading: Promise<Operations> | undefined;

function loadTable(): Promise<Operations> {
  loading ??= import('../operations/index.js').then((module) => {
    table = module.operations;
    return table;
  });
  return loading;
}

/** Runs `use` with the table of operations, loading it first if no method has run yet. */
export function withOperations<TResult>(use: (operations: Operations) => Promise<TResult>): Promise<TResult> {
  return table === undefined ? loadTable().then(use) : use(table);
}
