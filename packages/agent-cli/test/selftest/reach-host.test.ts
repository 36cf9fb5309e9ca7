import { AbortedError } from '@felhom/proxmox';
import { describe, expect, it } from 'vitest';
import { CheckFailure } from '../../src/selftest/check.js';
import { reachHost } from '../../src/selftest/reach-host.js';
import type { SelftestTarget } from '../../src/selftest/target.js';

/** A client whose GET /version never answers and only ends when its signal aborts. */
function hangingTarget(requestTimeoutMs: number): SelftestTarget {
  const client = {
    version: ({ signal }: { signal: AbortSignal }) =>
      new Promise((_, reject) => {
        signal.addEventListener('abort', () => reject(new AbortedError('GET /version', signal.reason)));
      }),
  };
  return {
    client: client as unknown as SelftestTarget['client'],
    baseUrl: 'https://pve.example.com:8006',
    tokenId: 'felhom@pve!agent',
    tls: 'system CAs',
    requestedNode: undefined,
    demo: false,
    requestTimeoutMs,
  };
}

describe('reachHost', () => {
  it('gives up at the request timeout, all attempts together, with a fatal no-answer failure', async () => {
    const started = performance.now();
    const error = await reachHost(hangingTarget(200), new AbortController().signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckFailure);
    expect(error).toMatchObject({
      fatal: true,
      evidence: 'no answer from https://pve.example.com:8006 within 200 ms',
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('passes Ctrl-C through as the abort it is, not as a failure of the host', async () => {
    const controller = new AbortController();
    const pending = reachHost(hangingTarget(60_000), controller.signal);
    controller.abort(new Error('interrupted by SIGINT'));
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
  });
});
