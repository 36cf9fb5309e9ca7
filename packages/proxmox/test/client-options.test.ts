import { InvalidArgumentError, ProxmoxClient, type ProxmoxClientOptions } from '@felhom/proxmox';
import { describe, expect, it } from 'vitest';
import { token } from './support/msw.js';

const fingerprint =
  'E1:09:3C:4D:5E:6F:70:81:92:A3:B4:C5:D6:E7:F8:09:1A:2B:3C:4D:5E:6F:70:81:92:A3:B4:C5:D6:E7:F8:3D';

function rejected(options: unknown): InvalidArgumentError {
  try {
    new ProxmoxClient(options as ProxmoxClientOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error('expected the constructor to throw');
}

describe('ProxmoxClient options', () => {
  it('accepts a valid configuration and exposes origin and token id only', () => {
    const client = new ProxmoxClient({
      baseUrl: 'https://pve.example.com:8006/',
      token,
      tls: { fingerprint },
    });
    expect(client.baseUrl).toBe('https://pve.example.com:8006');
    expect(client.tokenId).toBe(token.id);
  });

  it.each([
    ['ftp://pve:8006', 'baseUrl'],
    ['http://pve.example.com:8006', 'baseUrl'],
    ['https://user:pw@pve:8006', 'baseUrl'],
    ['https://pve:8006/other', 'baseUrl'],
    ['https://pve:8006?x=1', 'baseUrl'],
    ['not a url', 'baseUrl'],
  ])('rejects baseUrl %j', (baseUrl, parameter) => {
    expect(rejected({ baseUrl, token }).parameter).toBe(parameter);
  });

  it('allows plain http only on loopback', () => {
    expect(new ProxmoxClient({ baseUrl: 'http://127.0.0.1:8006', token }).baseUrl).toBe(
      'http://127.0.0.1:8006',
    );
  });

  it.each([
    'root@pam',
    'felhom!agent',
    'felhom@pve!',
    'fel hom@pve!agent',
    'felhom@pve!a',
    'felhom@9ve!agent',
    'a:b@pve!agent',
  ])('rejects token id %j', (id) => {
    const error = rejected({ baseUrl: 'https://pve:8006', token: { id, secret: token.secret } });
    expect(error.parameter).toBe('token.id');
    // Quoted only when it has an `@` (a pasted secret has none) and no `=`.
    expect(error.value).toBe(id.includes('@') ? id : '[not shown]');
  });

  it('does not quote an id without an `@`: it may be a secret pasted into the wrong field', () => {
    const secretLike = '5f1c8e2a-7b3d-4e6f-9a0b-1c2d3e4f5a6b';
    const error = rejected({ baseUrl: 'https://pve:8006', token: { id: secretLike, secret: token.secret } });
    expect(error.value).toBe('[not shown]');
    expect(error.message).not.toContain(secretLike);
  });

  it('rejects a bad secret without echoing it', () => {
    const error = rejected({ baseUrl: 'https://pve:8006', token: { id: token.id, secret: 'has a space' } });
    expect(error.parameter).toBe('token.secret');
    expect(error.message).not.toContain('has a space');
  });

  it.each([
    'E1:09:3C',
    `${fingerprint}:00`,
    fingerprint.replace('E1', 'G1'),
    fingerprint.replace(/:/g, '-'),
    'sha256 Fingerprint=E1:09',
  ])('rejects fingerprint %j', (bad) => {
    expect(rejected({ baseUrl: 'https://pve:8006', token, tls: { fingerprint: bad } }).parameter).toBe(
      'tls.fingerprint',
    );
  });

  it.each([
    fingerprint,
    fingerprint.toLowerCase(),
    fingerprint.replace(/:/g, ''),
    fingerprint.replace(/:/g, '').toLowerCase(),
  ])('accepts fingerprint spelling %j', (good) => {
    expect(
      new ProxmoxClient({ baseUrl: 'https://pve:8006', token, tls: { fingerprint: good } }).tokenId,
    ).toBe(token.id);
  });

  it.each([
    [{ tls: { fingerprint, ca: '-----BEGIN CERTIFICATE-----' } }, 'tls'],
    [{ tls: { ca: 'not pem' } }, 'tls.ca'],
    [{ tls: { insecure: true } }, 'tls'],
    [{ timeout: 0 }, 'timeout'],
    [{ timeout: 1.5 }, 'timeout'],
    [{ concurrency: 0 }, 'concurrency'],
    [{ retry: { limit: -1 } }, 'retry.limit'],
    [{ retry: { maxDelay: Number.NaN } }, 'retry.maxDelay'],
    [{ logger: 'console' }, 'logger'],
    [{ signal: {} }, 'signal'],
    [{ fetch: 1 }, 'fetch'],
  ])('rejects %j naming %s', (extra, parameter) => {
    expect(rejected({ baseUrl: 'https://pve:8006', token, ...extra }).parameter).toBe(parameter);
  });
});
