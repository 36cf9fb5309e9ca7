import { readFileSync } from 'node:fs';
import { InvalidInputError, OutputParseError, Privileged, SmartctlError } from '@felhom/privileged';
import { RecordingRunner } from '@felhom/privileged/testing';
import { describe, expect, it } from 'vitest';
import { decodeSmartExitStatus } from '../../src/smart/exit-status.js';
import { hostileStrings } from '../support/bad-inputs.js';
import { fixture } from '../support/paths.js';

const text = (name: string): string => readFileSync(fixture(`smartctl/${name}`), 'utf8');

/** A Privileged whose smartctl prints `stdout` and exits with the status the JSON claims. */
function smartctlPrinting(stdout: string, exitCode = JSON.parse(stdout).smartctl.exit_status as number) {
  const runner = new RecordingRunner().respond({ file: '/usr/sbin/smartctl' }, { exitCode, stdout });
  return { runner, privileged: new Privileged(runner, { mountBase: '/srv/felhom/usb' }) };
}

describe('decodeSmartExitStatus', () => {
  it('decodes every bit of the mask; bits 0-1 are fatal', () => {
    expect(decodeSmartExitStatus(0)).toMatchObject({
      fatal: false,
      diskFailing: false,
      errorLogHasErrors: false,
    });
    expect(decodeSmartExitStatus(1)).toMatchObject({ commandLineError: true, fatal: true });
    expect(decodeSmartExitStatus(2)).toMatchObject({ deviceOpenFailed: true, fatal: true });
    expect(decodeSmartExitStatus(216)).toMatchObject({
      fatal: false,
      smartCommandFailed: false,
      diskFailing: true,
      prefailAttributesBelowThreshold: true,
      attributesBelowThresholdInPast: false,
      errorLogHasErrors: true,
      selfTestLogHasErrors: true,
    });
    expect(decodeSmartExitStatus(4)).toMatchObject({ smartCommandFailed: true, fatal: false });
    expect(decodeSmartExitStatus(32)).toMatchObject({ attributesBelowThresholdInPast: true });
  });
});

describe('smart() on hand-written smartctl 7.3 outputs', () => {
  it('a healthy SATA disk', async () => {
    const { runner, privileged } = smartctlPrinting(text('sata-healthy.json'));
    const report = await privileged.smart('/dev/sda');
    expect(runner.calls[0]?.command).toEqual({ file: '/usr/sbin/smartctl', args: ['-j', '-a', '/dev/sda'] });
    expect(runner.calls[0]?.options.reject).toBe(false);
    expect(report).toMatchObject({
      device: '/dev/sda',
      deviceType: 'sat',
      protocol: 'ATA',
      model: 'WDC WD40EFZX-68AWUN0',
      serialNumber: 'WD-WX12D3456789',
      capacityBytes: 4000787030016,
      health: 'passed',
      findings: [],
      smartPassed: true,
      temperatureCelsius: 34,
      powerOnHours: 10541,
      ata: { reallocatedSectors: 0, pendingSectors: 0, offlineUncorrectable: 0, failingAttributes: [] },
      nvme: null,
      messages: [],
    });
  });

  it('a failing SATA disk (exit 88: bits 3, 4, 6) keeps the JSON that came with the non-zero exit', async () => {
    const { privileged } = smartctlPrinting(text('sata-failing.json'));
    const report = await privileged.smart('/dev/sdb');
    expect(report.health).toBe('failing');
    expect(report.exitStatus).toMatchObject({
      code: 88,
      diskFailing: true,
      prefailAttributesBelowThreshold: true,
      errorLogHasErrors: true,
    });
    expect(report.ata).toEqual({
      reallocatedSectors: 3944,
      pendingSectors: 232,
      offlineUncorrectable: 232,
      failingAttributes: [
        { id: 5, name: 'Reallocated_Sector_Ct', when: 'now' },
        { id: 190, name: 'Airflow_Temperature_Cel', when: 'past' },
      ],
    });
    expect(report.findings).toEqual([
      'SMART overall health self-assessment: FAILED',
      'prefail attributes at or below threshold',
      'the device error log has entries',
      '3944 reallocated sectors',
      '232 pending sectors',
      '232 offline uncorrectable sectors',
    ]);
    expect(report.temperatureCelsius).toBe(41);
    expect(report.messages).toEqual([
      { text: 'Warning: This result is based on an Attribute check.', severity: 'warning' },
    ]);
  });

  it('a healthy NVMe drive', async () => {
    const { privileged } = smartctlPrinting(text('nvme-healthy.json'));
    const report = await privileged.smart('/dev/nvme0n1');
    expect(report).toMatchObject({
      health: 'passed',
      protocol: 'NVMe',
      temperatureCelsius: 38,
      powerOnHours: 8760,
      ata: null,
    });
    expect(report.nvme).toEqual({
      percentageUsed: 2,
      mediaErrors: 0,
      criticalWarning: 0,
      availableSpare: 100,
      availableSpareThreshold: 10,
      unsafeShutdowns: 9,
    });
  });

  it('a failing NVMe drive (exit 72): worn out, media errors, spare below threshold', async () => {
    const { privileged } = smartctlPrinting(text('nvme-failing.json'));
    const report = await privileged.smart('/dev/nvme1n1');
    expect(report.health).toBe('failing');
    expect(report.nvme).toMatchObject({
      percentageUsed: 104,
      mediaErrors: 31,
      criticalWarning: 5,
      availableSpare: 3,
    });
    expect(report.findings).toEqual([
      'SMART overall health self-assessment: FAILED',
      'the device error log has entries',
      '31 media errors',
      'critical warning 0x5',
      '104% of rated endurance used',
      'available spare 3% below threshold 10%',
    ]);
  });

  it('throws OutputParseError for output that is not smartctl JSON', async () => {
    const { privileged } = smartctlPrinting('smartctl 5.41: unknown option -j', 1);
    const error = await privileged.smart('/dev/sda').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputParseError);
    expect((error as OutputParseError).fieldPath).toBe('$');
    const { privileged: wrongShape } = smartctlPrinting('{"smartctl":{"exit_status":"zero"}}', 0);
    const shape = await wrongShape.smart('/dev/sda').catch((e: unknown) => e);
    expect((shape as OutputParseError).fieldPath).toBe('$.smartctl.exit_status');
  });

  it('exit bit 2 alone adds a finding in words and keeps a passing disk passed', async () => {
    const healthy = JSON.parse(text('sata-healthy.json'));
    healthy.smartctl.exit_status = 4;
    const { privileged } = smartctlPrinting(JSON.stringify(healthy));
    const report = await privileged.smart('/dev/sda');
    expect(report.health).toBe('passed');
    expect(report.findings).toEqual([
      'a SMART or other command to the disk failed, or a SMART data structure had a bad checksum (smartctl exit status bit 2); the verdict rests on the data that could be read',
    ]);
  });

  it('a temperature of 0 °C (what RAID volumes report) is no temperature', async () => {
    const raid = {
      smartctl: { exit_status: 0 },
      device: { name: '/dev/sdb', type: 'scsi', protocol: 'SCSI' },
      temperature: { current: 0, drive_trip: 0 },
    };
    const { privileged } = smartctlPrinting(JSON.stringify(raid));
    expect((await privileged.smart('/dev/sdb')).temperatureCelsius).toBeNull();
    const nvme = { smartctl: { exit_status: 0 }, nvme_smart_health_information_log: { temperature: 0 } };
    const { privileged: second } = smartctlPrinting(JSON.stringify(nvme));
    expect((await second.smart('/dev/nvme0n1')).temperatureCelsius).toBeNull();
  });

  it('smartScan lists devices, and an output without a devices key means none', async () => {
    const stdout = JSON.stringify({
      smartctl: { exit_status: 0 },
      devices: [{ name: '/dev/nvme0', info_name: '/dev/nvme0', type: 'nvme', protocol: 'NVMe' }],
    });
    const { runner, privileged } = smartctlPrinting(stdout);
    expect(await privileged.smartScan()).toEqual([
      { name: '/dev/nvme0', infoName: '/dev/nvme0', type: 'nvme', protocol: 'NVMe' },
    ]);
    expect(runner.calls[0]?.command.args).toEqual(['-j', '--scan']);
    const { privileged: none } = smartctlPrinting('{"smartctl":{"exit_status":0}}');
    expect(await none.smartScan()).toEqual([]);
  });

  const badDevices: [string, unknown][] = [
    ['a partition', '/dev/sda1'],
    ['a dot-dot path', '/dev/../etc/shadow'],
    ['an extra argument', '/dev/sda -s off'],
    ['a relative path', 'sda'],
    ['a RAID bus', '/dev/bus/0'],
    ['an NVMe controller (not a namespace)', '/dev/nvme0'],
    ['uppercase', '/dev/SDA'],
    ['a trailing newline', '/dev/sda\n'],
    ['a number', 5],
    ...hostileStrings.map(([what, value]): [string, unknown] => [what, value]),
    ...hostileStrings.map(([what, value]): [string, unknown] => [`/dev/ + ${what}`, `/dev/${value}`]),
  ];

  it.each(badDevices)('smart() rejects %s with InvalidInputError and runs nothing', async (_, device) => {
    const { runner, privileged } = smartctlPrinting(text('sata-healthy.json'));
    const error = await privileged.smart(device as string).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).parameter).toBe('device');
    expect(runner.calls).toHaveLength(0);
  });

  it('smart() accepts the three device families', async () => {
    for (const device of ['/dev/sdz', '/dev/sdaa', '/dev/vdb', '/dev/nvme10n2']) {
      const { privileged } = smartctlPrinting(text('sata-healthy.json'));
      await expect(privileged.smart(device)).resolves.toMatchObject({ device });
    }
  });

  it('smartScan rejects bad call options with zero commands', async () => {
    const { runner, privileged } = smartctlPrinting('{}', 0);
    await expect(privileged.smartScan({ timeout: 1.5 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(privileged.smartScan(null as unknown as object)).rejects.toBeInstanceOf(InvalidInputError);
    expect(runner.calls).toHaveLength(0);
  });

  it('a fatal exit (bits 0-1) throws SmartctlError with smartctl messages', async () => {
    const stdout = JSON.stringify({
      smartctl: { exit_status: 2, messages: [{ string: 'open failed', severity: 'error' }] },
    });
    const { privileged } = smartctlPrinting(stdout);
    const error = await privileged.smart('/dev/sda').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmartctlError);
    expect((error as SmartctlError).messages).toEqual(['open failed']);
    expect((error as SmartctlError).exitStatus.deviceOpenFailed).toBe(true);
  });
});
