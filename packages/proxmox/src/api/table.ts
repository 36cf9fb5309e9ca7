import { endpointTableText } from './generated/endpoints.js';
import { schemaTexts } from './generated/schemas.js';
import type { EndpointRow, SchemaNode } from './schema.js';

// The runtime table, parsed on first use: the endpoint rows once, each schema when an endpoint
// that uses it is first called. Importing the module parses nothing.

let rows: ReadonlyMap<string, EndpointRow> | undefined;
const schemas = new Map<number, SchemaNode>();

/** Every endpoint row, keyed `METHOD /path/template`, in the generator's order. */
export function endpointRows(): ReadonlyMap<string, EndpointRow> {
  if (!rows) {
    const parsed = JSON.parse(endpointTableText) as EndpointRow[];
    rows = new Map(parsed.map((row) => [`${row[0]} ${row[1]}`, row]));
  }
  return rows;
}

/** The row of `METHOD /path/template`, or undefined. */
export function endpointRow(method: string, path: string): EndpointRow | undefined {
  return endpointRows().get(`${method} ${path}`);
}

/** The schema at `index` of the generated schema list, parsed once. */
export function schemaAt(index: number): SchemaNode {
  let schema = schemas.get(index);
  if (!schema) {
    const text = schemaTexts[index];
    if (text === undefined) throw new RangeError(`no generated schema #${index}`);
    schema = JSON.parse(text) as SchemaNode;
    schemas.set(index, schema);
  }
  return schema;
}
