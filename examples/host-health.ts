/**
 * A host-health report: SMART for every disk smartctl finds, then temperatures and fans, through
 * a recording runner with outputs shaped like a real PVE host's (no root, no hardware needed).
 * On a real host, swap the runner for `new ExecRunner({ mode: 'sudo' })` and install the drop-in
 * from `sudoersAllowlist()` (docs/privileged.md).
 *
 *   npx tsx examples/host-health.ts
 */
import { isPrivilegedError, Privileged, type SmartReport } from '@felhom/privileged';
import { RecordingRunner } from '@felhom/privileged/testing';

const smartctl = { version: [7, 3], exit_status: 0 };
const scan = {
  smartctl,
  devices: [
    { name: '/dev/sda', info_name: '/dev/sda [SAT]', type: 'sat', protocol: 'ATA' },
    { name: '/dev/nvme0n1', info_name: '/dev/nvme0n1', type: 'nvme', protocol: 'NVMe' },
  ],
};
const sata = {
  smartctl: { ...smartctl, exit_status: 64 }, // bit 6: the error log has entries; the JSON is complete
  device: { name: '/dev/sda', type: 'sat', protocol: 'ATA' },
  model_name: 'WDC WD40EFZX-68AWUN0',
  serial_number: 'WD-WX12D3456789',
  smart_status: { passed: true },
  temperature: { current: 36 },
  power_on_time: { hours: 28_914 },
  ata_smart_attributes: {
    table: [
      {
        id: 5,
        name: 'Reallocated_Sector_Ct',
        value: 199,
        worst: 199,
        thresh: 140,
        when_failed: '',
        raw: { value: 8, string: '8' },
      },
      {
        id: 197,
        name: 'Current_Pending_Sector',
        value: 200,
        worst: 200,
        thresh: 0,
        when_failed: '',
        raw: { value: 0, string: '0' },
      },
    ],
  },
};
const nvme = {
  smartctl,
  device: { name: '/dev/nvme0n1', type: 'nvme', protocol: 'NVMe' },
  model_name: 'Samsung SSD 980 PRO 1TB',
  serial_number: 'S5GXNF0R123456A',
  smart_status: { passed: true, nvme: { value: 0 } },
  temperature: { current: 41 },
  power_on_time: { hours: 8760 },
  nvme_smart_health_information_log: {
    critical_warning: 0,
    percentage_used: 2,
    media_errors: 0,
    available_spare: 100,
    available_spare_threshold: 10,
  },
};
const sensors = {
  'coretemp-isa-0000': {
    Adapter: 'ISA adapter',
    'Package id 0': { temp1_input: 47, temp1_max: 80, temp1_crit: 100, temp1_crit_alarm: 0 },
    'Core 0': { temp2_input: 45, temp2_max: 80, temp2_crit: 100, temp2_crit_alarm: 0 },
  },
  'nct6798-isa-0290': { Adapter: 'ISA adapter', fan1: { fan1_input: 1278, fan1_min: 0, fan1_alarm: 0 } },
};

const runner = new RecordingRunner({ mode: 'sudo' })
  .respond({ file: '/usr/sbin/smartctl', args: ['-j', '--scan'] }, { stdout: JSON.stringify(scan) })
  .respond(
    { file: '/usr/sbin/smartctl', args: ['-j', '-a', '/dev/sda'] },
    { exitCode: 64, stdout: JSON.stringify(sata) },
  )
  .respond(
    { file: '/usr/sbin/smartctl', args: ['-j', '-a', '/dev/nvme0n1'] },
    { stdout: JSON.stringify(nvme) },
  )
  .respond({ file: '/usr/bin/sensors', args: ['-j'] }, { stdout: JSON.stringify(sensors) });

const privileged = new Privileged(runner, { mountBase: '/srv/felhom/usb' });

const line = (report: SmartReport): string => {
  const wear = report.nvme ? `, ${report.nvme.percentageUsed ?? '?'}% used` : '';
  const sectors = report.ata ? `, ${report.ata.reallocatedSectors ?? '?'} reallocated` : '';
  return `${report.device.padEnd(14)} ${report.health.toUpperCase().padEnd(8)} ${report.model ?? 'unknown model'} — ${report.temperatureCelsius ?? '?'} °C, ${report.powerOnHours ?? '?'} h${wear}${sectors}`;
};

try {
  // The figures below are canned, not read from this machine: say so before anyone acts on them.
  console.log(
    'SAMPLE DATA: canned smartctl and sensors outputs, not this machine (see the top of host-health.ts)',
  );
  console.log('== SMART');
  for (const device of await privileged.smartScan()) {
    const report = await privileged.smart(device.name);
    console.log(line(report));
    for (const finding of report.findings) console.log(`${' '.repeat(15)}! ${finding}`);
  }
  console.log('== Sensors');
  for (const chip of (await privileged.sensors()).chips) {
    for (const t of chip.temperatures) {
      console.log(
        `${chip.name}  ${t.label}: ${t.celsius} °C (high ${t.high ?? '-'}, crit ${t.critical ?? '-'})${t.alarm ? ' ALARM' : ''}`,
      );
    }
    for (const fan of chip.fans) console.log(`${chip.name}  ${fan.label}: ${fan.rpm} rpm`);
  }
  console.log(`== Commands issued (${runner.calls.length}):`);
  for (const command of runner.commandLines) console.log(`  ${command}`);
} catch (error) {
  console.error(isPrivilegedError(error) ? `${error.name} (${error.reason}): ${error.message}` : error);
  process.exitCode = 1;
}
