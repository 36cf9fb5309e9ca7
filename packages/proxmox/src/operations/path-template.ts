import { encodePathSegment } from '../transport/encoding.js';

/** The placeholder names of a path template: `'/nodes/{node}/lxc/{vmid}'` → `'node' | 'vmid'`. */
export type PathPlaceholders<TPath extends string> = TPath extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathPlaceholders<Rest>
  : never;

/** A value for every placeholder of a path template, already validated by the operation. */
export type PathValues<TPath extends string> = {
  readonly [Name in PathPlaceholders<TPath>]: string | number;
};

/**
 * Fills a path template (`/nodes/{node}/lxc/{vmid}`) with validated values, each encoded as one
 * path segment, so a value can never add a segment or a query of its own.
 */
export function fillPath<TPath extends string>(template: TPath, values: PathValues<TPath>): string {
  const byName = values as Readonly<Record<string, string | number>>;
  return template.replace(/\{(\w+)\}/g, (_placeholder, name: string) =>
    encodePathSegment(byName[name] as string | number),
  );
}
