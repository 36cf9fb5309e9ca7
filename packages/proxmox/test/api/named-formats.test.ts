import { InvalidArgumentError, type ProxmoxResponse, type RequestOptions } from '@felhom/proxmox';
import { createApi } from '@felhom/proxmox/api';
import { describe, expect, it } from 'vitest';

// The property strings PVE registers by name (scripts/api-schema/named-formats, transcribed from
// the Proxmox module that registers each): the generator spells their keys out, so a value is
// checked key by key before anything is sent, as typed objects or as text.

interface Sent {
  readonly method: string;
  readonly path: string;
  readonly options: RequestOptions | undefined;
}

function recorder() {
  const sent: Sent[] = [];
  const requester = {
    request: async <T>(method: string, path: string, options?: RequestOptions) => {
      sent.push({ method, path, options });
      return { data: null as T } as ProxmoxResponse<T>;
    },
  };
  return { sent, api: createApi(requester) };
}

/** A PUT or POST endpoint taking the parameter in its body, and the path values it needs. */
interface Case {
  readonly format: string;
  readonly method: 'put' | 'post';
  readonly path: string;
  readonly pathValues: Readonly<Record<string, string | number>>;
  readonly parameter: string;
  /** Values PVE accepts: text, or an object the client encodes; with the text it must send. */
  readonly good: readonly (readonly [value: string | Readonly<Record<string, unknown>>, wire: string])[];
  /** Values PVE refuses, each with a fragment of the reason. */
  readonly bad: readonly (readonly [value: string | Readonly<Record<string, unknown>>, reason: RegExp])[];
}

const vmConfig = {
  method: 'put',
  path: '/nodes/{node}/qemu/{vmid}/config',
  pathValues: { node: 'pve1', vmid: 100 },
} as const;

const cases: readonly Case[] = [
  {
    format: 'pve-qm-watchdog',
    ...vmConfig,
    parameter: 'watchdog',
    good: [
      ['i6300esb', 'i6300esb'],
      ['model=ib700,action=pause', 'model=ib700,action=pause'],
      [{ model: 'ib700', action: 'reset' }, 'ib700,action=reset'],
    ],
    bad: [
      ['model=sp5100', /model/],
      ['action=explode', /action/],
      ['model=ib700,speed=1', /invalid key.*speed/],
    ],
  },
];

type Call = (path: string, options?: unknown) => Promise<unknown>;

describe.each(cases)('the named format $format', (c) => {
  const call = (api: ReturnType<typeof createApi>, value: unknown) =>
    ((api as unknown as Record<string, Call>)[c.method] as Call)(c.path, {
      path: c.pathValues,
      body: { [c.parameter]: value },
    });

  it.each(c.good)('sends %j as %s', async (value, wire) => {
    const { sent, api } = recorder();
    await call(api, value);
    expect(sent).toHaveLength(1);
    expect((sent[0]?.options?.body as Record<string, unknown>)[c.parameter]).toBe(wire);
  });

  it.each(c.bad)('refuses %j, naming the parameter, with nothing sent', async (value, reason) => {
    const { sent, api } = recorder();
    const error = await call(api, value).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ parameter: c.parameter });
    expect(String((error as Error).message)).toMatch(reason);
    expect(sent).toEqual([]);
  });
});
