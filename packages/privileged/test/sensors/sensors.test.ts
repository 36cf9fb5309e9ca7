import { readdirSync, readFileSync } from 'node:fs';
import { CommandFailedError, OutputParseError, Privileged, type SensorsReport } from '@felhom/privileged';
import { RecordingRunner } from '@felhom/privileged/testing';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../../test-support/data.js';

function sensorsPrinting(stdout: string, exitCode = 0, stderr = '') {
  const runner = new RecordingRunner({ mode: 'sudo' }).respond(
    { file: '/usr/bin/sensors' },
    { exitCode, stdout, stderr },
  );
  return { runner, privileged: new Privileged(runner, { mountBase: '/srv/felhom/usb' }) };
}

/** A real `sensors -j` output; `file` is relative to data/hardware (origins in data/SOURCES.md). */
const sample = (file: string): string => readFileSync(dataPath('hardware', file), 'utf8');
const chipNames = (report: SensorsReport): string[] => report.chips.map((chip) => chip.name);

describe('sensors()', () => {
  it('runs sensors -j without sudo and parses temperatures with high/crit and fans', async () => {
    const stdout = JSON.stringify({
      'coretemp-isa-0000': {
        Adapter: 'ISA adapter',
        'Package id 0': { temp1_input: 45, temp1_max: 80, temp1_crit: 100, temp1_crit_alarm: 0 },
      },
      'nct6775-isa-0290': {
        Adapter: 'ISA adapter',
        fan2: { fan2_input: 1130, fan2_min: 300, fan2_alarm: 0 },
        in0: { in0_input: 0.88 },
      },
    });
    const { runner, privileged } = sensorsPrinting(stdout);
    const report = await privileged.sensors();
    expect(runner.calls[0]?.command).toEqual({ file: '/usr/bin/sensors', args: ['-j'] });
    expect(runner.calls[0]?.options.elevated).toBe(false);
    expect(report).toEqual({
      chips: [
        {
          name: 'coretemp-isa-0000',
          adapter: 'ISA adapter',
          temperatures: [{ label: 'Package id 0', celsius: 45, high: 80, critical: 100, alarm: false }],
          fans: [],
        },
        {
          name: 'nct6775-isa-0290',
          adapter: 'ISA adapter',
          temperatures: [],
          fans: [{ label: 'fan2', rpm: 1130, min: 300, alarm: false }],
        },
      ],
    });
  });

  it('exit 1 with {} (no sensors, as in a VM) is an empty report, not an error', async () => {
    const { privileged } = sensorsPrinting('{\n\n}\n', 1, 'No sensors found!\n');
    expect(await privileged.sensors()).toEqual({ chips: [] });
  });

  it('exit 1 with anything else is a CommandFailedError carrying stderr', async () => {
    const { privileged } = sensorsPrinting('', 1, "Can't access procfs/sysfs file\n");
    const error = await privileged.sensors().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandFailedError);
    expect((error as CommandFailedError).stderrTail).toBe("Can't access procfs/sysfs file");
  });

  it('rejects bad call options with zero commands', async () => {
    const { runner, privileged } = sensorsPrinting('{}');
    await expect(privileged.sensors({ timeout: -5 })).rejects.toThrow(/options\.timeout/);
    expect(runner.calls).toHaveLength(0);
  });
});

describe('sensors() on every real lm-sensors sample in data/hardware', () => {
  it('covers every file in data/hardware/sensors', () => {
    expect(readdirSync(dataPath('hardware', 'sensors')).sort()).toEqual([
      'arcaflow-lmsensor-1.json',
      'hjs-1.json',
      'hjs-2.json',
      'hjs-3.json',
      'lmsensors-issue372-1.json',
      'lmsensors-issue372-2.json',
      'lmsensors-issue513-1.json',
    ]);
  });

  it('hjs-1 (ASRock nct6798 + nvme + coretemp): fans, bogus AUXTIN alarms, NVMe sentinel thresholds dropped', async () => {
    const report = await sensorsPrinting(sample('sensors/hjs-1.json')).privileged.sensors();
    expect(chipNames(report)).toEqual(['nct6798-isa-02a0', 'nvme-pci-0200', 'coretemp-isa-0000']);
    const nct = report.chips[0];
    expect(nct?.fans.map((fan) => [fan.label, fan.rpm])).toEqual([
      ['fan1', 1278],
      ['fan2', 1278],
      ['fan3', 0],
      ['fan4', 0],
      ['fan5', 0],
      ['fan7', 0],
    ]);
    expect(nct?.temperatures.find((t) => t.label === 'AUXTIN0')).toEqual({
      label: 'AUXTIN0',
      celsius: 111,
      high: 80,
      critical: 100,
      alarm: true,
    });
    expect(nct?.temperatures.find((t) => t.label === 'PECI Agent 0')).toMatchObject({
      celsius: 37.5,
      critical: null,
    });
    const nvme = report.chips[1];
    expect(nvme?.temperatures).toEqual([
      { label: 'Composite', celsius: 34.85, high: 82.85, critical: 84.85, alarm: false },
      { label: 'Sensor 1', celsius: 34.85, high: null, critical: null, alarm: false },
    ]);
    expect(report.chips[2]?.temperatures).toHaveLength(15); // Package id 0 and 14 cores
  });

  it.each([
    ['sensors/hjs-2.json', ['nvme-pci-0500', 'acpitz-acpi-0', 'coretemp-isa-0000', 'nvme-pci-0200']],
    ['sensors/hjs-3.json', ['nvme-pci-0500', 'acpitz-acpi-0', 'coretemp-isa-0000', 'nvme-pci-0200']],
    [
      'sensors/lmsensors-issue372-1.json',
      ['k10temp-pci-00c3', 'amdgpu-pci-3000', 'iwlwifi_1-virtual-0', 'drivetemp-scsi-0-0'],
    ],
    ['sensors/lmsensors-issue513-1.json', ['k10temp-pci-00c3']],
    [
      'sensors/arcaflow-lmsensor-1.json',
      [
        'iwlwifi_1-virtual-0',
        'pch_skylake-virtual-0',
        'acpitz-virtual-0',
        'coretemp-isa-0000',
        'thinkpad-isa-0000',
      ],
    ],
  ])('%s parses into its chips', async (file, names) => {
    const report = await sensorsPrinting(sample(file)).privileged.sensors();
    expect(chipNames(report)).toEqual(names);
  });

  it('sensors -A output has no adapter; amdgpu voltages and power are skipped', async () => {
    const report = await sensorsPrinting(sample('sensors/lmsensors-issue372-1.json')).privileged.sensors();
    expect(report.chips[1]).toEqual({
      name: 'amdgpu-pci-3000',
      adapter: null,
      temperatures: [{ label: 'edge', celsius: 24, high: null, critical: null, alarm: false }],
      fans: [],
    });
  });

  it('the ThinkPad sample: a stopped fan reads 0 rpm, acpitz has only a critical limit', async () => {
    const report = await sensorsPrinting(sample('sensors/arcaflow-lmsensor-1.json')).privileged.sensors();
    expect(report.chips[4]?.fans).toEqual([{ label: 'fan1', rpm: 0, min: null, alarm: false }]);
    expect(report.chips[2]?.temperatures).toEqual([
      { label: 'temp1', celsius: 52, high: null, critical: 128, alarm: false },
    ]);
  });

  it('a VM without sensors (exit 1, "{}", "No sensors found!") is an empty report', async () => {
    const stdout = sample('debian-vm/sensors-j.stdout.txt');
    const stderr = sample('debian-vm/sensors-j.stderr.txt');
    expect(stdout).toBe('{\n\n}\n');
    expect(stderr).toMatch(/^No sensors found!/);
    expect(await sensorsPrinting(stdout, 1, stderr).privileged.sensors()).toEqual({ chips: [] });
  });

  it('issue372-2 (two objects back to back, not JSON) is an OutputParseError, never a partial report', async () => {
    // lm-sensors 3.6.0 prints this only when several chips are named on its command line; sensors()
    // never names chips, so a host does not produce it; if it ever did, we refuse rather than guess.
    const error = await sensorsPrinting(sample('sensors/lmsensors-issue372-2.json'))
      .privileged.sensors()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputParseError);
    expect((error as OutputParseError).fieldPath).toBe('$');
    expect((error as OutputParseError).message).toMatch(/^unexpected output from sensors -j at \$: not JSON/);
  });
});
