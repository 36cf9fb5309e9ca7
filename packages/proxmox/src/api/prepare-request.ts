import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { encodePathSegment, type RequestParameters } from '../transport/encoding.js';
import { encodeParameter } from './encode-value.js';
import type { SchemaNode } from './schema.js';

// Checks a call's parameters against its endpoint's schema and builds the concrete request:
// the path with its placeholders filled, and the query or form parameters as text. Every
// problem is an InvalidArgumentError naming the parameter, thrown before anything is sent.

/** What a caller passes: path parameters, and the query (GET, DELETE) or body (POST, PUT). */
export interface CallParameters {
  readonly path?: Readonly<Record<string, unknown>> | undefined;
  readonly params?: Readonly<Record<string, unknown>> | undefined;
}

/** The request to send. */
export interface PreparedRequest {
  /** The concrete path below `/api2/json`, segments percent-encoded. */
  readonly path: string;
  readonly parameters: RequestParameters;
}

const indexedName = /^([A-Za-z_]+)(\d+)$/;

/** The schema of a parameter name: itself, or `net[n]` for `net0`. */
function propertyFor(properties: Readonly<Record<string, SchemaNode>>, name: string): SchemaNode | undefined {
  if (Object.hasOwn(properties, name)) return properties[name];
  const indexed = indexedName.exec(name);
  return indexed ? properties[`${indexed[1]}[n]`] : undefined;
}

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
}

function assertRecord(value: unknown, name: string): Readonly<Record<string, unknown>> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(name, value, 'an object of parameters');
  }
  return value as Readonly<Record<string, unknown>>;
}

/**
 * Validates and encodes a call of `template` with `schema` (the endpoint's merged parameters).
 *
 * @param where `query` or `body`, for the names in errors.
 */
export function prepareRequest(
  template: string,
  schema: SchemaNode,
  call: CallParameters,
  where: 'query' | 'body',
): PreparedRequest {
  const properties = schema.properties ?? {};
  const pathValues = assertRecord(call.path, 'path');
  const given = assertRecord(call.params, where);
  const names = placeholders(template);
  for (const name of Object.keys(pathValues)) {
    if (!names.includes(name)) {
      throw new InvalidArgumentError(
        `path.${name}`,
        pathValues[name],
        `one of the path parameters of ${template}`,
      );
    }
  }
  let path = template;
  for (const name of names) {
    const value = pathValues[name];
    if (value === undefined) throw new InvalidArgumentError(`path.${name}`, value, `a value for {${name}}`);
    // Two placeholders are ACL-path names the schema does not declare (PVE fills in `-`):
    // those are checked as non-empty strings only.
    const node = properties[name] ?? { type: 'string', minLength: 1 };
    const text = encodeParameter(node, value, name);
    path = path.replace(`{${name}}`, encodePathSegment(Array.isArray(text) ? text.join(',') : text));
  }
  const parameters: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (names.includes(name)) {
      throw new InvalidArgumentError(`${where}.${name}`, value, `no value here: {${name}} is given in path`);
    }
    const node = propertyFor(properties, name);
    if (!node) {
      if (schema.additionalProperties) {
        parameters[name] = encodeParameter({}, value, name);
        continue;
      }
      throw new InvalidArgumentError(`${where}.${name}`, value, `a parameter of ${template}`);
    }
    parameters[name] = encodeParameter(node, value, name);
  }
  for (const [name, node] of Object.entries(properties)) {
    if (names.includes(name) || name.endsWith('[n]')) continue;
    if (!node.optional && !node.versions && parameters[name] === undefined) {
      throw new InvalidArgumentError(
        `${where}.${name}`,
        undefined,
        'a value (the parameter is not optional)',
      );
    }
    if (node.requires && parameters[name] !== undefined && parameters[node.requires] === undefined) {
      throw new InvalidArgumentError(
        `${where}.${node.requires}`,
        undefined,
        `a value: '${name}' requires it`,
      );
    }
  }
  return { path, parameters };
}
