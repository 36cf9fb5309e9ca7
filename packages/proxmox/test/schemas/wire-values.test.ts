import { ResponseShapeError } from '@felhom/proxmox';
import {
  guestConfigSchema,
  guestStatusSchema,
  lxcListSchema,
  nodeStatusSchema,
  parseResponse,
} from '@felhom/proxmox/schemas';
import { describe, expect, it } from 'vitest';
import {
  isWireFlag,
  isWireInteger,
  isWireNumber,
  isWireText,
  readWireFlag,
  readWireInteger,
  readWireNumber,
  readWireText,
  splitList,
} from '../../src/schemas/wire-values.js';
import { unwrapEnvelope } from '../../src/transport/response.js';
import { bodiesByVersion } from '../fixtures/bodies/index.js';

// The one set of rules every response value is read by (response shapes, task schemas,
// guest config, the envelope's total), and the answers they refuse since they were unified.

const overflowingInteger = '9'.repeat(400);

describe('the wire rules', () => {
  it.each([
    [100, 100],
    ['100', 100],
    ['-24576', -24576],
    ['007', 7],
    [2 ** 53 + 2, 2 ** 53 + 2],
  ])('read the integer %j as %j', (sent, read) => {
    expect(isWireInteger(sent)).toBe(true);
    expect(readWireInteger(sent)).toBe(read);
  });

  it.each([1.5, '1.5', '1e3', '', ' 1', '+1', 'NaN', 'Infinity', overflowingInteger, null, true])(
    'refuse %j as an integer',
    (sent) => {
      expect(isWireInteger(sent)).toBe(false);
    },
  );

  it.each([
    [0.15, 0.15],
    ['0.15', 0.15],
    ['3400.000', 3400],
    ['.5', 0.5],
    ['1e3', 1000],
  ])('read the number %j as %j', (sent, read) => {
    expect(isWireNumber(sent)).toBe(true);
    expect(readWireNumber(sent)).toBe(read);
  });

  it.each([
    '1e999',
    '-1e999',
    `${overflowingInteger}.5`,
    'NaN',
    'Infinity',
    '0x10',
    '',
    Number.POSITIVE_INFINITY,
  ])('refuse %j as a number (it would read as Infinity or NaN)', (sent) => {
    expect(isWireNumber(sent)).toBe(false);
  });

  it.each([
    [1, true],
    ['1', true],
    [true, true],
    [0, false],
    ['0', false],
    ['', false],
    [false, false],
  ])('read the flag %j as %j', (sent, read) => {
    expect(isWireFlag(sent)).toBe(true);
    expect(readWireFlag(sent)).toBe(read);
  });

  it.each([2, -1, 'true', 'yes', null])('refuse %j as a flag', (sent) => {
    expect(isWireFlag(sent)).toBe(false);
  });

  it('splits list text into a new array every time, so changing one list leaves the next alone', () => {
    const first = splitList('felhom;prod');
    first.push('changed');
    expect(splitList('felhom;prod')).toEqual(['felhom', 'prod']);
    expect(splitList('felhom;prod')).not.toBe(splitList('felhom;prod'));
    expect(splitList(';a;;b;')).toEqual(['a', 'b']);
    expect(splitList('images, rootdir\tvztmpl')).toEqual(['images', 'rootdir', 'vztmpl']);
    expect(splitList('')).toEqual([]);
  });

  it('reads text from a string or a number, nothing else', () => {
    expect(readWireText('web')).toBe('web');
    expect(isWireText(100)).toBe(true);
    expect(readWireText(100)).toBe('100');
    expect(isWireText(true)).toBe(false);
    expect(isWireText(null)).toBe(false);
  });
});

function shapeError(run: () => unknown): ResponseShapeError {
  try {
    run();
  } catch (error) {
    if (error instanceof ResponseShapeError) return error;
    throw error;
  }
  throw new Error('expected a ResponseShapeError');
}

describe('answers refused since the rules were unified', () => {
  it('refuses integer text so long that it reads as Infinity (a guest list vmid)', () => {
    const guests = bodiesByVersion.pve7.lxcList as Record<string, unknown>[];
    guests[1] = { ...guests[1], vmid: overflowingInteger };
    expect(shapeError(() => parseResponse(lxcListSchema, guests, 'GET /nodes/pve/lxc')).fieldPath).toBe(
      'data[1].vmid',
    );
  });

  it('refuses numeric text that reads as Infinity (a loadavg entry)', () => {
    const status = bodiesByVersion.pve9.nodeStatus as Record<string, unknown>;
    status.loadavg = ['0.15', '1e999', '0.05'];
    expect(shapeError(() => parseResponse(nodeStatusSchema, status, 'GET status')).fieldPath).toBe(
      'data.loadavg[1]',
    );
  });

  it('refuses a config value that reads as Infinity, naming its key', () => {
    const config = { ...(bodiesByVersion.pve9.guestConfig as Record<string, unknown>), cpulimit: '1e999' };
    expect(shapeError(() => parseResponse(guestConfigSchema, config, 'GET config')).fieldPath).toBe(
      'data.cpulimit',
    );
  });

  it('refuses an array where the status has its ha object', () => {
    const status = { ...(bodiesByVersion.pve9.guestStatusRunning as Record<string, unknown>), ha: [] };
    const error = shapeError(() => parseResponse(guestStatusSchema, status, 'GET status/current'));
    expect(error.fieldPath).toBe('data.ha');
    expect(error.message).toContain('Expected Object but received Array');
  });
});

describe("the envelope's total", () => {
  const unwrap = (total: string) => unwrapEnvelope(`{"data":[],"total":${total}}`, 'GET /nodes/pve/tasks');

  it('is read like any integer: a JSON integer or decimal integer text', () => {
    expect(unwrap('91')).toEqual({ data: [], total: 91 });
    expect(unwrap('"91"')).toEqual({ data: [], total: 91 });
  });

  it.each(['1.5', '"1.5"', '"1e3"', 'null', `"${overflowingInteger}"`])(
    'refuses %s, naming total',
    (total) => {
      const error = shapeError(() => unwrap(total));
      expect(error.fieldPath).toBe('total');
    },
  );
});
