import {
  type APIError,
  formatUPID,
  type PermissionDenial,
  ProxmoxClient,
  type ProxmoxClientOptions,
  type ProxmoxErrorReason,
  type ProxmoxLogEvent,
  type ProxmoxResponse,
  parseUPID,
  type TaskError,
  type TaskLogLine,
  type TaskResult,
  type TaskStatus,
  type UPID,
} from '@felhom/proxmox';
import { describe, expectTypeOf, it } from 'vitest';

describe('public types', () => {
  it('ProxmoxClient.request is generic over data and keeps total optional', () => {
    const client = new ProxmoxClient({ baseUrl: 'https://pve:8006', token: { id: 'a@pve!bb', secret: 's' } });
    expectTypeOf(client.request<{ version: string }>('GET', '/version')).toEqualTypeOf<
      Promise<ProxmoxResponse<{ version: string }>>
    >();
    expectTypeOf<ProxmoxResponse<number>>().toEqualTypeOf<{
      readonly data: number;
      readonly total?: number;
    }>();
    expectTypeOf(client.request).parameter(0).toEqualTypeOf<'GET' | 'POST' | 'PUT' | 'DELETE'>();
    // @ts-expect-error: PATCH is not a Proxmox API method
    void client.request('PATCH', '/version');
    // @ts-expect-error: bodies are flat records of primitives
    void client.request('POST', '/x', { body: { nested: { a: 1 } } });
  });

  it('tls is a pin or a CA, never a switch that turns verification off', () => {
    expectTypeOf<{
      baseUrl: string;
      token: { id: string; secret: string };
      tls: { fingerprint: string };
    }>().toMatchTypeOf<ProxmoxClientOptions>();
    expectTypeOf<{
      baseUrl: string;
      token: { id: string; secret: string };
      tls: { rejectUnauthorized: false };
    }>().not.toMatchTypeOf<ProxmoxClientOptions>();
  });

  it('task methods take a string or a parsed UPID', () => {
    const client = new ProxmoxClient({ baseUrl: 'https://pve:8006', token: { id: 'a@pve!bb', secret: 's' } });
    expectTypeOf(client.waitTask).parameter(0).toEqualTypeOf<string | UPID>();
    expectTypeOf(client.waitTask('UPID:…')).resolves.toEqualTypeOf<TaskResult>();
    expectTypeOf<TaskResult['status']>().toEqualTypeOf<'ok' | 'warning'>();
    expectTypeOf(client.taskStatusOnce('x')).resolves.toEqualTypeOf<TaskStatus>();
    expectTypeOf(client.taskLogTail('x', 20)).resolves.toEqualTypeOf<TaskLogLine[]>();
    expectTypeOf(client.taskLog('x')).toMatchTypeOf<AsyncIterable<TaskLogLine>>();
    expectTypeOf<TaskStatus['status']>().toEqualTypeOf<'running' | 'stopped'>();
  });

  it('UPIDs parse to a typed object and format back to a string', () => {
    expectTypeOf(parseUPID).returns.toEqualTypeOf<UPID>();
    expectTypeOf(formatUPID).returns.toEqualTypeOf<string>();
    expectTypeOf<UPID['kind']>().toEqualTypeOf<'pve' | 'pbs'>();
    expectTypeOf<UPID['starttime']>().toEqualTypeOf<Date>();
  });

  it('errors carry typed reasons and parsed permissions', () => {
    expectTypeOf<APIError['reason']>().toMatchTypeOf<ProxmoxErrorReason>();
    expectTypeOf<APIError['permission']>().toEqualTypeOf<PermissionDenial | undefined>();
    expectTypeOf<TaskError['reason']>().toEqualTypeOf<'task-failed' | 'permission'>();
    expectTypeOf<Extract<PermissionDenial, { kind: 'privilege' }>['privileges']>().toEqualTypeOf<
      readonly string[]
    >();
  });

  it('log events are a discriminated union on type', () => {
    expectTypeOf<ProxmoxLogEvent['type']>().toEqualTypeOf<
      'request' | 'response' | 'retry' | 'warning' | 'error'
    >();
  });
});
