import { isDeepStrictEqual } from 'node:util';
import { InvalidArgumentError } from '@felhom/proxmox';
import { apiEndpoints, type createApi } from '@felhom/proxmox/api';
import { describe, expect, it } from 'vitest';
import {
  type EndpointSchema,
  formatViolations,
  loadApiSchema,
  validateRequest,
} from '../support/api-schema.js';
import { recordingApi } from '../support/recording-api.js';
import { checkValue } from '../support/schema-values.js';
import { expectedAnswer, sampleAnswer, sampleCall } from './samples.js';

// Every endpoint of PVE 9.1's schema, through the generated API with a recording requester: a
// known-good call (built from the schema) passes the client's check, reaches the requester
// once, conforms to Proxmox's own schema (the request check of test/support), and its answer
// (sent with a host's quirks) is read as the schema types it; a wrong value is refused with
// nothing sent.

const schema = loadApiSchema('9.1');
const endpoints = [...schema.endpoints.values()];
const accepts = (property: Parameters<typeof checkValue>[0], value: string) =>
  checkValue(property, value) === undefined;
const upid = 'UPID:pve1:000A1B2C:0012D687:6745A1B0:qmstart:100:root@pam:';

type Call = (path: string, options?: unknown) => Promise<unknown>;
const methodOf = (api: ReturnType<typeof createApi>, method: string): Call =>
  (api as unknown as Record<string, Call>)[method.toLowerCase()] as Call;

function startsTask(endpoint: EndpointSchema): boolean {
  return (
    apiEndpoints().find((e) => e.method === endpoint.method && e.path === endpoint.path)?.startsTask ?? false
  );
}

describe('every endpoint of PVE 9.1', () => {
  it('is in the generated table, and the table has nothing the schemas lack', () => {
    const generated = new Set(apiEndpoints().map((e) => `${e.method} ${e.path}`));
    const missing = endpoints.map((e) => `${e.method} ${e.path}`).filter((key) => !generated.has(key));
    expect(missing).toEqual([]);
    const only84 = apiEndpoints().filter((e) => !e.versions.includes('9.1'));
    expect(only84.map((e) => `${e.method} ${e.path} ${e.versions.join(',')}`)).toEqual([
      'GET /nodes/{node}/scan/glusterfs 8.4',
    ]);
    expect(endpoints.length).toBe(646);
  });

  it('sends a known-good call once, as Proxmox’s schema allows, and reads its answer', async () => {
    const problems: string[] = [];
    for (const endpoint of endpoints) {
      const key = `${endpoint.method} ${endpoint.path}`;
      const { path, params, missing } = sampleCall(endpoint, accepts);
      if (missing.length > 0) {
        problems.push(`${key}: no sample for ${missing.join(', ')}`);
        continue;
      }
      const task = startsTask(endpoint);
      const wire = task ? upid : sampleAnswer(endpoint.returns as never);
      const { sent, api } = recordingApi(wire);
      const where = endpoint.method === 'GET' || endpoint.method === 'DELETE' ? 'query' : 'body';
      let result: unknown;
      try {
        result = await methodOf(api, endpoint.method)(endpoint.path, { path, [where]: params });
      } catch (error) {
        problems.push(`${key}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const request = sent[0];
      if (sent.length !== 1 || !request) {
        problems.push(`${key}: sent ${sent.length} requests`);
        continue;
      }
      const violations = validateRequest(
        {
          method: request.method,
          path: request.path,
          ...(where === 'query'
            ? { query: request.options?.query as never }
            : { body: request.options?.body as never }),
        },
        ['9.1'],
      );
      if (violations.length > 0) problems.push(formatViolations(violations));
      const expected = task ? upid : expectedAnswer(endpoint.returns as never, wire);
      const actual = task ? (result as { raw: string }).raw : result;
      if (!isDeepStrictEqual(actual, expected)) {
        problems.push(`${key}: read ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses a wrong value naming the parameter, and sends nothing', async () => {
    const problems: string[] = [];
    for (const endpoint of endpoints) {
      const key = `${endpoint.method} ${endpoint.path}`;
      const { path, params } = sampleCall(endpoint, accepts);
      const [firstPlaceholder] = Object.keys(path);
      const where = endpoint.method === 'GET' || endpoint.method === 'DELETE' ? 'query' : 'body';
      // A path value of the wrong type where there is one, else a parameter the endpoint lacks.
      const wrongPath = firstPlaceholder
        ? { ...path, [firstPlaceholder]: typeof path[firstPlaceholder] === 'number' ? 'x' : { not: 'text' } }
        : path;
      const wrongParams = firstPlaceholder ? params : { ...params, 'no-such-parameter': 1 };
      const expectedName = firstPlaceholder ?? `${where}.no-such-parameter`;
      const { sent, api } = recordingApi(null);
      const error = await methodOf(api, endpoint.method)(endpoint.path, {
        path: wrongPath,
        [where]: wrongParams,
      }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      if (!(error instanceof InvalidArgumentError) || error.parameter !== expectedName) {
        problems.push(`${key}: ${error instanceof Error ? `${error.name} ${error.message}` : 'no error'}`);
      }
      if (sent.length > 0) problems.push(`${key}: sent a request`);
    }
    expect(problems).toEqual([]);
  });
});
