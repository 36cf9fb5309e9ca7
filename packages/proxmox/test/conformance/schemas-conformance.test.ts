import { parseUPID, type TaskLogLine, type TaskStatus } from '@felhom/proxmox';
import {
  guestConfigSchema,
  guestStatusSchema,
  lxcListSchema,
  nodeStorageSchema,
  nullResponseSchema,
  optionalUpidStringSchema,
  parseResponse,
  permissionsSchema,
  type ResponseSchema,
  snapshotListSchema,
  storageContentSchema,
  taskLogLineSchema,
  taskStatusSchema,
  upidStringSchema,
  versionSchema,
} from '@felhom/proxmox/schemas';
import { classifyExitStatus } from '@felhom/proxmox/tasks';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { tokenInfoSchema } from '../../src/schemas/token-info.js';
import { errorCases, loadCaptures, upidIn } from './captures.js';

/** The task log endpoint's `data`: a page of lines, each checked by the exported line schema. */
const taskLogPageSchema = v.array(taskLogLineSchema);

/**
 * Every endpoint folder of data/pve-captures/fixtures, accounted for: the schema a 2xx body
 * must parse with, `typed errors` for the error exchanges (no data to parse; each must become its
 * APIError, which client-conformance.test.ts checks and the tests below account for), or why
 * this suite does not check it. A new folder fails the test until it is added here.
 */
const endpoints: Readonly<Record<string, ResponseSchema | 'typed errors' | { readonly skip: string }>> = {
  'access-permissions': permissionsSchema,
  version: versionSchema,
  'lxc-list': lxcListSchema,
  'lxc-status-current': guestStatusSchema,
  'lxc-config': guestConfigSchema,
  'node-storage': nodeStorageSchema,
  'storage-content': storageContentSchema,
  // QEMU snapshot lists have the LXC shape plus `vmstate`; the schema serves both.
  'qemu-snapshot-list': snapshotListSchema,
  'lxc-create': upidStringSchema,
  'lxc-clone': upidStringSchema,
  'lxc-delete': upidStringSchema,
  'lxc-move-volume': upidStringSchema,
  'lxc-status-start': upidStringSchema,
  'lxc-status-stop': upidStringSchema,
  'qemu-snapshot-create': upidStringSchema,
  'qemu-snapshot-delete': upidStringSchema,
  'storage-content-delete': optionalUpidStringSchema,
  'lxc-config-put': nullResponseSchema,
  'task-stop': nullResponseSchema,
  'task-status': taskStatusSchema,
  'task-log': taskLogPageSchema,
  'token-create': { skip: 'token management is not an SDK operation (the token is configured, not created)' },
  'token-list': { skip: 'token management is not an SDK operation' },
  // PUT …/token/{tokenid} answers the token's info, the shape tokenInfo() reads (strings on 6.2).
  'token-update': tokenInfoSchema,
  errors: 'typed errors',
};

describe('real PVE captures through the schemas', () => {
  const captures = loadCaptures();

  it('accounts for every endpoint folder', () => {
    const unknown = [...new Set(captures.map((capture) => capture.endpoint))].filter(
      (name) => !(name in endpoints),
    );
    expect(unknown).toEqual([]);
    expect(captures.length).toBeGreaterThanOrEqual(55);
  });

  const checked = captures.filter((capture) => {
    const entry = endpoints[capture.endpoint];
    return (
      capture.status >= 200 &&
      capture.status < 300 &&
      entry !== undefined &&
      entry !== 'typed errors' &&
      !('skip' in entry)
    );
  });

  it('checks every 2xx capture but the two token exchanges that are not token info', () => {
    expect(checked).toHaveLength(captures.filter((capture) => capture.status < 300).length - 2);
    expect(checked.length).toBeGreaterThanOrEqual(44);
  });

  it.each(checked.map((capture) => [capture.file, capture] as const))('%s parses', (_file, capture) => {
    const schema = endpoints[capture.endpoint] as ResponseSchema;
    const output = parseResponse(schema, capture.body?.data, `${capture.method} ${capture.concretePath}`);
    if (capture.endpoint === 'lxc-list') {
      for (const guest of output as { vmid: unknown; template: unknown }[]) {
        expect(guest.vmid).toBeTypeOf('number');
        expect(guest.template).toBe(false);
      }
    }
    if (capture.endpoint === 'token-update') {
      expect(output).toEqual({ comment: 'test', expire: 0, privsep: false });
    }
    if (capture.endpoint === 'lxc-status-current') {
      // One PVE 6.2 capture has no vmid at all; where present it must be the number asked for.
      const { vmid } = output as { vmid?: unknown };
      if (vmid !== undefined) expect(vmid).toBe(Number(capture.concretePath.split('/')[4]));
    }
  });
});

/** What each captured task status says, read off the capture. */
const taskStatuses: Readonly<
  Record<string, Pick<TaskStatus, 'status' | 'type'> & { exitstatus?: string; outcome?: 'ok' | 'error' }>
> = {
  'task-status/fog-proxmox-12.json': { status: 'stopped', type: 'vzclone', exitstatus: 'OK', outcome: 'ok' },
  'task-status/fog-proxmox-2.json': {
    status: 'stopped',
    type: 'vncproxy',
    exitstatus: 'connection timed out',
    outcome: 'error',
  },
  'task-status/fog-proxmox-4.json': {
    status: 'stopped',
    type: 'vzdump',
    exitstatus: 'job errors',
    outcome: 'error',
  },
  // Still running: no exit status yet.
  'task-status/fog-proxmox-7.json': { status: 'running', type: 'vzdump' },
};

/** How many lines each captured task log page holds, and its last line's text. */
const taskLogs: Readonly<Record<string, { lines: number; last: string }>> = {
  'task-log/fog-proxmox-11.json': { lines: 33, last: 'TASK OK' },
  // The first page (PVE's default limit of 50) of a 91-line log.
  'task-log/fog-proxmox-2.json': {
    lines: 50,
    last: 'transferred: 591416996 bytes remaining: 482324828 bytes total: 1073741824 bytes progression: 55.08 %',
  },
  // A task with no output yet: PVE sends one filler line.
  'task-log/fog-proxmox-6.json': { lines: 1, last: 'no content' },
  // Read while the task ran: the last line is still empty.
  'task-log/fog-proxmox-7.json': { lines: 14, last: '' },
  'task-log/fog-proxmox-8.json': { lines: 18, last: 'TASK OK' },
  'task-log/fog-proxmox-9.json': { lines: 14, last: 'TASK OK' },
};

describe('real task status and task log captures through the task schemas', () => {
  const captures = loadCaptures();
  const inFolder = (endpoint: string) => captures.filter((capture) => capture.endpoint === endpoint);

  it('has an expectation for every task status and task log capture', () => {
    expect(
      inFolder('task-status')
        .map((capture) => capture.file)
        .sort(),
    ).toEqual(Object.keys(taskStatuses).sort());
    expect(
      inFolder('task-log')
        .map((capture) => capture.file)
        .sort(),
    ).toEqual(Object.keys(taskLogs).sort());
  });

  it.each(inFolder('task-status').map((capture) => [capture.file, capture] as const))(
    '%s: the status the host reported, agreeing with the UPID it was asked about',
    (file, capture) => {
      const expected = taskStatuses[file];
      const status = parseResponse(taskStatusSchema, capture.body?.data, `GET ${capture.concretePath}`);
      expect(status).toMatchObject({ status: expected?.status, type: expected?.type });
      expect(status.exitstatus).toBe(expected?.exitstatus);
      if (expected?.outcome)
        expect(classifyExitStatus(status.exitstatus ?? '').outcome).toBe(expected.outcome);
      // PVE 6 sends every field as the UPID encodes it, numbers as numbers.
      const upid = parseUPID(upidIn(capture));
      expect(status.upid).toBe(upid.raw);
      expect({
        node: status.node,
        pid: status.pid,
        pstart: status.pstart,
        starttime: status.starttime,
        type: status.type,
        id: status.id,
        user: status.user,
      }).toEqual({
        node: upid.node,
        pid: upid.pid,
        pstart: upid.pstart,
        starttime: upid.starttime.getTime() / 1000,
        type: upid.type,
        id: upid.id,
        user: upid.user,
      });
    },
  );

  it.each(inFolder('task-log').map((capture) => [capture.file, capture] as const))(
    '%s: numbered lines, text kept as sent',
    (file, capture) => {
      const expected = taskLogs[file];
      const lines: TaskLogLine[] = parseResponse(
        taskLogPageSchema,
        capture.body?.data,
        `GET ${capture.concretePath}`,
      );
      expect(lines).toHaveLength(expected?.lines ?? -1);
      expect(lines.map((line) => line.lineNo)).toEqual(lines.map((_, index) => index + 1));
      const sent = (capture.body?.data ?? []) as { t: string }[];
      expect(lines.map((line) => line.text)).toEqual(sent.map((line) => line.t));
      expect(lines.at(-1)?.text).toBe(expected?.last);
      // A page never holds more lines than the log's total.
      expect(lines.length).toBeLessThanOrEqual(capture.body?.total ?? lines.length);
    },
  );

  it('keeps the backspace runs of progress output (task-log/fog-proxmox-11.json, line 4)', () => {
    const capture = inFolder('task-log').find((c) => c.file === 'task-log/fog-proxmox-11.json');
    const lines = parseResponse(taskLogPageSchema, capture?.body?.data, 'GET task log');
    const text = lines[3]?.text ?? '';
    expect(text.startsWith('Discarding device blocks:   4096/262144\b')).toBe(true);
    expect([...text].filter((char) => char === '\b')).toHaveLength(26);
    expect(text.trimEnd().endsWith('\bdone')).toBe(true);
  });
});

describe('real PVE error captures', () => {
  const errors = loadCaptures().filter((capture) => capture.endpoint === 'errors');

  it('holds every non-2xx capture, and only those', () => {
    const failed = loadCaptures().filter((capture) => capture.status >= 300);
    expect(failed.map((capture) => capture.file).sort()).toEqual(
      errors.map((capture) => capture.file).sort(),
    );
    expect(errors.length).toBeGreaterThanOrEqual(8);
  });

  it('sends no data to parse: the text is in the reason phrase (and `errors` per parameter)', () => {
    for (const capture of errors) {
      expect(capture.body?.data ?? null, capture.file).toBeNull();
      expect(capture.reason, capture.file).not.toBe('');
    }
  });

  it('each becomes its typed APIError in client-conformance.test.ts: every one has an entry in errorCases', () => {
    // client-conformance.test.ts replays every capture and, for an error, calls errorCases[file]
    // and checks the APIError it throws; a capture without an entry there would go unchecked.
    expect(Object.keys(errorCases).sort()).toEqual(errors.map((capture) => capture.file).sort());
  });
});
