import { inspect } from 'node:util';
import { InvalidArgumentError, isProxmoxError, ProxmoxClient, type ProxmoxLogEvent } from '@felhom/proxmox';
import { isTokenId, tokenIdProblem } from '@felhom/proxmox/validation';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../../test-support/property-runs.js';
import { caught } from '../support/msw.js';

// A token id travels in the Authorization header as is, next to the secret. PVE's grammar
// (pve-access-control) narrowed to what a header can carry is checked when the client is built,
// and no error made from a failed header, URL or fetch may carry the header.

const secret = '6a1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function build(id: string): unknown {
  try {
    return new ProxmoxClient({ baseUrl: 'https://pve.test:8006', token: { id, secret } });
  } catch (error) {
    return error;
  }
}

describe('token ids', () => {
  it.each([
    'felhom@pve!agent',
    'root@pam!x1',
    'svc.backup-1@ldap-corp.example!nightly_2',
    // PVE's user part is `[^\s:/]+`, so `@`, `!` and `=` may appear in it; the last `@…!…` splits.
    'ops!team@pve!agent',
    'a@b@pve!agent',
    'user=x@pve!agent',
  ])('accepts %j', (id) => {
    expect(isTokenId(id)).toBe(true);
    expect(build(id)).toBeInstanceOf(ProxmoxClient);
  });

  it.each([
    ['a NUL byte', 'felhom\u0000@pve!agent'],
    ['a newline', 'felhom@pve!agent\n'],
    ['a tab', 'fel\thom@pve!agent'],
    ['DEL', 'felhom\u007f@pve!agent'],
    ['Latin-1 é (sent as one byte)', 'józsef@pve!agent'],
    ['€ (refused inside fetch)', 'felhom€@pve!agent'],
    ['a lone surrogate', 'felhom\ud800@pve!agent'],
    ['a colon in the user', 'a:b@pve!agent'],
    ['a slash in the user', 'a/b@pve!agent'],
    ['no token name', 'felhom@pve'],
    ['a one-letter realm', 'felhom@p!agent'],
    ['a realm starting with a digit', 'felhom@9ve!agent'],
    ['a token name starting with a digit', 'felhom@pve!1agent'],
    ['a realm longer than 32', `felhom@${'r'.repeat(33)}!agent`],
    ['user@realm longer than 64', `${'u'.repeat(60)}@pve1!agent`],
  ])('refuses %s when the client is built, without quoting the secret', (_title, id) => {
    expect(isTokenId(id)).toBe(false);
    expect(tokenIdProblem(id)).toEqual(expect.any(String));
    const error = build(id) as InvalidArgumentError;
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.parameter).toBe('token.id');
    expect(error.message).not.toContain(secret);
  });

  it('never quotes an id that may hold a pasted secret', () => {
    const error = build(`felhom@pve!agent=${secret}`) as InvalidArgumentError;
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.value).toBe('[not shown]');
    expect(`${error.message} ${inspect(error)}`).not.toContain(secret);
  });

  it('isTokenId and the client agree on every string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme-composite' }),
          fc.string({ unit: 'binary' }),
          fc
            .tuple(fc.string(), fc.constantFrom('@pve!', '@pam!', '@', '!'), fc.string())
            .map(([user, middle, rest]) => `${user}${middle}${rest}`),
        ),
        (id) => {
          const built = build(id);
          expect(built instanceof ProxmoxClient).toBe(isTokenId(id));
          if (!(built instanceof ProxmoxClient)) expect(isProxmoxError(built)).toBe(true);
        },
      ),
      { numRuns: propertyRuns(3_000) },
    );
  });
});

describe('no failure carries the header', () => {
  const id = 'felhom@pve!agent';
  const header = `PVEAPIToken=${id}=${secret}`;

  it.each([
    [
      'a header refused by fetch',
      () => new TypeError(`Headers.append: "${header}" is an invalid header value.`),
    ],
    ['a URL error quoting it', () => new TypeError(`Invalid URL: https://pve.test/?${header}`)],
    [
      'a cause chain holding it',
      () =>
        new TypeError('fetch failed', {
          cause: Object.assign(new Error(`socket closed after ${header}`), { code: 'ECONNRESET' }),
        }),
    ],
  ])('%s: the error, its cause and the log events hold no secret', async (_title, makeError) => {
    const events: ProxmoxLogEvent[] = [];
    const client = new ProxmoxClient({
      baseUrl: 'https://pve.test:8006',
      token: { id, secret },
      fetch: async () => {
        throw makeError();
      },
      retry: { limit: 1, baseDelay: 1 },
      logger: (event) => events.push(event),
    });
    const error = await caught(() => client.request('GET', '/version'));
    expect(isProxmoxError(error)).toBe(true);
    const rendered = [
      String(error),
      (error as Error).stack ?? '',
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(error),
      JSON.stringify(events),
    ].join('\n');
    expect(rendered).not.toContain(secret);
    expect(rendered).toContain('[REDACTED]');
  });
});
