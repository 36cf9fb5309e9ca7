import type { ImportGraph } from './import-graph.js';

/** Which edges a cycle may use: every import, or only those that exist at run time. */
export type CycleEdges = 'all' | 'runtime';

/**
 * The import cycles of `graph`: each strongly connected component with more than one file (or a
 * file importing itself), as a sorted list of paths. Tarjan's algorithm, iterative so deep graphs
 * cannot overflow the stack.
 */
export function findCycles(graph: ImportGraph, edges: CycleEdges = 'all'): string[][] {
  const successors = (path: string): string[] => {
    const file = graph.get(path);
    if (file === undefined) return [];
    return file.imports
      .filter((site) => edges === 'all' || !site.typeOnly)
      .flatMap((site) => (site.target !== undefined && graph.has(site.target) ? [site.target] : []));
  };
  let counter = 0;
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];

  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { path: string; next: string[] }[] = [];
    const enter = (path: string): void => {
      index.set(path, counter);
      lowLink.set(path, counter);
      counter += 1;
      stack.push(path);
      onStack.add(path);
      work.push({ path, next: successors(path) });
    };
    enter(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const successor = frame.next.shift();
      if (successor !== undefined) {
        if (!index.has(successor)) enter(successor);
        else if (onStack.has(successor))
          lowLink.set(frame.path, Math.min(lowLink.get(frame.path)!, index.get(successor)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined)
        lowLink.set(parent.path, Math.min(lowLink.get(parent.path)!, lowLink.get(frame.path)!));
      if (lowLink.get(frame.path) === index.get(frame.path)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.path);
        const selfImport = successors(frame.path).includes(frame.path);
        if (component.length > 1 || selfImport) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}
