import { readdirSync, readFileSync } from 'node:fs';
import { Privileged, SmartctlError, type SmartReport } from '@felhom/privileged';
import { RecordingRunner } from '@felhom/privileged/testing';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../../test-support/data.js';

function privilegedPrinting(stdout: string) {
  const exitCode = (JSON.parse(stdout) as { smartctl: { exit_status: number } }).smartctl.exit_status;
  const runner = new RecordingRunner().respond({ file: '/usr/sbin/smartctl' }, { exitCode, stdout });
  return new Privileged(runner, { mountBase: '/srv/felhom/usb' });
}

/** A sample's text; `file` is relative to data/hardware (data/SOURCES.md says where each came from). */
const sample = (file: string): string => readFileSync(dataPath('hardware', file), 'utf8');

// Expected values read off each real sample.
const reports: Record<
  string,
  Partial<SmartReport> & { reallocated?: number | null; pending?: number | null; mediaErrors?: number }
> = {
  'smartctl/scrutiny-1.json': {
    health: 'failing',
    smartPassed: false,
    temperatureCelsius: 25,
    powerOnHours: 65592,
    reallocated: 1975,
    pending: 8,
    deviceType: 'usbjmicron',
  },
  'smartctl/scrutiny-2.json': {
    health: 'warning',
    protocol: 'NVMe',
    temperatureCelsius: 35,
    powerOnHours: 12798,
    mediaErrors: 7,
  },
  'smartctl/scrutiny-3.json': {
    health: 'passed',
    temperatureCelsius: 36,
    powerOnHours: 14551,
    reallocated: 0,
    pending: null,
  },
  'smartctl/scrutiny-4.json': {
    health: 'passed',
    temperatureCelsius: 32,
    powerOnHours: 1730,
    reallocated: 0,
    pending: 0,
  },
  'smartctl/scrutiny-5.json': {
    health: 'warning',
    temperatureCelsius: 36,
    powerOnHours: 37788,
    reallocated: 387,
    pending: 0,
  },
  // An Intel RAID 1 volume: smartctl prints temperature.current 0 and exit 4 (bit 2).
  'smartctl/scrutiny-6.json': {
    health: 'unknown',
    protocol: 'SCSI',
    smartPassed: null,
    powerOnHours: null,
    temperatureCelsius: null,
  },
  'smartctl/scrutiny-7.json': {
    health: 'passed',
    protocol: 'SCSI',
    temperatureCelsius: 31,
    powerOnHours: 5675,
  },
  'smartctl/scrutiny-8.json': {
    health: 'passed',
    protocol: 'NVMe',
    temperatureCelsius: 38,
    powerOnHours: 6487,
    mediaErrors: 0,
  },
  'smartctl/scrutiny-9.json': { health: 'passed', temperatureCelsius: 33, powerOnHours: 19497 },
  'smartctl/scrutiny-11.json': {
    health: 'passed',
    deviceType: 'ata',
    temperatureCelsius: 32,
    powerOnHours: 846,
  },
  'smartctl/scrutiny-12.json': {
    health: 'passed',
    temperatureCelsius: 36,
    powerOnHours: 37787,
    reallocated: 0,
    pending: 0,
  },
  'smartctl/scrutiny-13.json': {
    health: 'passed',
    protocol: 'NVMe',
    temperatureCelsius: 36,
    powerOnHours: 2401,
    mediaErrors: 0,
  },
  'smartctl/scrutiny-14.json': {
    health: 'unknown',
    temperatureCelsius: 29,
    powerOnHours: 2725,
    reallocated: 0,
    pending: 0,
  },
  'smartctl/scrutiny-15.json': { health: 'passed', temperatureCelsius: null, powerOnHours: null, ata: null },
  'smartctl/scrutiny-16.json': { health: 'unknown', protocol: 'NVMe', nvme: null, model: 'KCD61LUL3T84' },
};
const fatal: Record<string, string> = {
  'debian-vm/smartctl-a-vda.json': '/dev/vda: Unable to detect device type',
  'debian-vm/smartctl-dsat-a-vda.json':
    'Smartctl open device: /dev/vda [SAT] failed: Operation not permitted',
  'debian-vm/smartctl-dscsi-a-vda.json': 'Smartctl open device: /dev/vda failed: Operation not permitted',
  'debian-vm/smartctl-dnvme-a-vda.json': 'Smartctl open device: /dev/vda failed: Operation not permitted',
  'smartctl/scrutiny-10.json': 'Open failed, Error=5',
};
const scans: Record<string, string[]> = {
  // With no disk to list, smartctl leaves out the `devices` key instead of printing an empty one.
  'debian-vm/smartctl-scan.json': [],
  'debian-vm/smartctl-scan-open.json': [],
  // `--version` has no device list either; read as a scan it finds none.
  'debian-vm/smartctl-version.json': [],
  'smartctl/scrutiny-scan-1.json': [
    '/dev/sda',
    '/dev/sdb',
    '/dev/sdc',
    '/dev/sdd',
    '/dev/sde',
    '/dev/sdf',
    '/dev/sdg',
  ],
  'smartctl/scrutiny-scan-2.json': ['/dev/bus/0', '/dev/bus/0'],
  'smartctl/scrutiny-scan-3.json': ['/dev/nvme0'],
};

describe('smart() and smartScan() on every real smartctl sample in data/hardware', () => {
  it('covers every smartctl file in data/hardware', () => {
    const files = [
      ...readdirSync(dataPath('hardware', 'smartctl')).map((file) => `smartctl/${file}`),
      ...readdirSync(dataPath('hardware', 'debian-vm'))
        .filter((file) => file.startsWith('smartctl-'))
        .map((file) => `debian-vm/${file}`),
    ].sort();
    expect(files).toHaveLength(26);
    expect(files).toEqual([...Object.keys(reports), ...Object.keys(fatal), ...Object.keys(scans)].sort());
  });

  it.each(Object.entries(reports))('%s gives a typed report', async (file, expected) => {
    const stdout = sample(file);
    const report = await privilegedPrinting(stdout).smart('/dev/sda');
    const { reallocated, pending, mediaErrors, ...fields } = expected;
    expect(report).toMatchObject(fields);
    if (reallocated !== undefined) expect(report.ata?.reallocatedSectors).toBe(reallocated);
    if (pending !== undefined) expect(report.ata?.pendingSectors).toBe(pending);
    if (mediaErrors !== undefined) expect(report.nvme?.mediaErrors).toBe(mediaErrors);
    expect(report.raw).toEqual(JSON.parse(stdout));
  });

  it.each(['smartctl/scrutiny-5.json', 'smartctl/scrutiny-6.json', 'smartctl/scrutiny-12.json'])(
    '%s (exit status 4: bit 2) says in words that a command to the disk failed, without changing the verdict',
    async (file) => {
      const stdout = sample(file);
      const report = await privilegedPrinting(stdout).smart('/dev/sda');
      expect(report.exitStatus).toMatchObject({ code: 4, smartCommandFailed: true, fatal: false });
      expect(report.findings).toContainEqual(expect.stringContaining('smartctl exit status bit 2'));
      expect(report.health).toBe(reports[file]?.health);
    },
  );

  it.each(Object.entries(fatal))(
    '%s (fatal exit bits) throws SmartctlError with the message',
    async (file, message) => {
      const stdout = sample(file);
      const error = await privilegedPrinting(stdout)
        .smart('/dev/vda')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SmartctlError);
      expect((error as SmartctlError).exitStatus.fatal).toBe(true);
      expect((error as SmartctlError).message).toContain(message);
    },
  );

  it.each(Object.entries(scans))('%s lists the scanned devices', async (file, names) => {
    const stdout = sample(file);
    expect((await privilegedPrinting(stdout).smartScan()).map((device) => device.name)).toEqual(names);
  });
});
