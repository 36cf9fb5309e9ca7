import { decodeSmartExitStatus } from './exit-status.js';
import type { SmartOutput } from './schema.js';
import type { AtaHealth, NvmeHealth, SmartHealth, SmartReport } from './smart-report.js';

type Attribute = NonNullable<NonNullable<SmartOutput['ata_smart_attributes']>['table']>[number];

// Raw values pack vendor data into high bytes (attribute 9 on some drives: raw.value 167031278144165,
// raw.string "2725 (151 234 0)"); the leading number of raw.string is what smartctl itself shows.
function rawNumber(attribute: Attribute | undefined): number | null {
  if (!attribute?.raw) return null;
  const leading = attribute.raw.string?.match(/^\s*(\d+)/);
  return leading ? Number(leading[1]) : attribute.raw.value;
}

function ataHealth(table: readonly Attribute[]): AtaHealth {
  const byId = (id: number): Attribute | undefined => table.find((attribute) => attribute.id === id);
  return {
    reallocatedSectors: rawNumber(byId(5)),
    pendingSectors: rawNumber(byId(197)),
    offlineUncorrectable: rawNumber(byId(198)),
    failingAttributes: table
      .filter((attribute) => attribute.when_failed !== undefined && attribute.when_failed !== '')
      .map((attribute) => ({
        id: attribute.id,
        name: attribute.name ?? `attribute ${attribute.id}`,
        when: attribute.when_failed ?? '',
      })),
  };
}

function nvmeHealth(log: NonNullable<SmartOutput['nvme_smart_health_information_log']>): NvmeHealth {
  return {
    percentageUsed: log.percentage_used ?? null,
    mediaErrors: log.media_errors ?? null,
    criticalWarning: log.critical_warning ?? null,
    availableSpare: log.available_spare ?? null,
    availableSpareThreshold: log.available_spare_threshold ?? null,
    unsafeShutdowns: log.unsafe_shutdowns ?? null,
  };
}

function verdict(
  passed: boolean | null,
  exit: ReturnType<typeof decodeSmartExitStatus>,
  ata: AtaHealth | null,
  nvme: NvmeHealth | null,
): { health: SmartHealth; findings: string[] } {
  const failing: string[] = [];
  const warnings: string[] = [];
  if (passed === false || exit.diskFailing) failing.push('SMART overall health self-assessment: FAILED');
  if (exit.prefailAttributesBelowThreshold) failing.push('prefail attributes at or below threshold');
  if (exit.attributesBelowThresholdInPast) warnings.push('attributes were at or below threshold in the past');
  if (exit.errorLogHasErrors) warnings.push('the device error log has entries');
  if (exit.selfTestLogHasErrors) warnings.push('the self-test log has errors');
  if (ata?.reallocatedSectors) warnings.push(`${ata.reallocatedSectors} reallocated sectors`);
  if (ata?.pendingSectors) warnings.push(`${ata.pendingSectors} pending sectors`);
  if (ata?.offlineUncorrectable) warnings.push(`${ata.offlineUncorrectable} offline uncorrectable sectors`);
  if (nvme?.mediaErrors) warnings.push(`${nvme.mediaErrors} media errors`);
  if (nvme?.criticalWarning) warnings.push(`critical warning 0x${nvme.criticalWarning.toString(16)}`);
  if (nvme?.percentageUsed !== null && nvme?.percentageUsed !== undefined && nvme.percentageUsed >= 100) {
    warnings.push(`${nvme.percentageUsed}% of rated endurance used`);
  }
  if (
    nvme &&
    nvme.availableSpare !== null &&
    nvme.availableSpareThreshold !== null &&
    nvme.availableSpare < nvme.availableSpareThreshold
  ) {
    warnings.push(`available spare ${nvme.availableSpare}% below threshold ${nvme.availableSpareThreshold}%`);
  }
  // Bit 2 says some command to the disk failed (on RAID pass-through, typically SMART RETURN
  // STATUS, so smartctl judged from attributes): worth saying, not by itself a disk problem.
  const notes = exit.smartCommandFailed
    ? [
        'a SMART or other command to the disk failed, or a SMART data structure had a bad checksum (smartctl exit status bit 2); the verdict rests on the data that could be read',
      ]
    : [];
  if (failing.length > 0) return { health: 'failing', findings: [...failing, ...warnings, ...notes] };
  if (warnings.length > 0) return { health: 'warning', findings: [...warnings, ...notes] };
  return { health: passed === true ? 'passed' : 'unknown', findings: notes };
}

// 0 °C (or less) is what smartctl prints when the device gives no temperature (a RAID volume).
const reading = (celsius: number | null | undefined): number | null =>
  celsius === null || celsius === undefined || celsius <= 0 ? null : celsius;

/** Lifts the typed health out of a parsed, non-fatal smartctl output. */
export function buildSmartReport(device: string, output: SmartOutput): SmartReport {
  const exitStatus = decodeSmartExitStatus(output.smartctl.exit_status);
  const table = output.ata_smart_attributes?.table;
  const nvmeLog = output.nvme_smart_health_information_log;
  const ata = table ? ataHealth(table) : null;
  const nvme = nvmeLog ? nvmeHealth(nvmeLog) : null;
  const passed = output.smart_status?.passed ?? null;
  const temperature194 = table ? rawNumber(table.find((attribute) => attribute.id === 194)) : null;
  const powerOn9 = table ? rawNumber(table.find((attribute) => attribute.id === 9)) : null;
  return {
    device,
    deviceType: output.device?.type ?? null,
    protocol: output.device?.protocol ?? null,
    model: output.model_name ?? null,
    serialNumber: output.serial_number ?? null,
    firmwareVersion: output.firmware_version ?? null,
    capacityBytes: output.user_capacity?.bytes ?? null,
    ...verdict(passed, exitStatus, ata, nvme),
    smartPassed: passed,
    exitStatus,
    temperatureCelsius:
      reading(output.temperature?.current) ?? reading(nvmeLog?.temperature) ?? reading(temperature194),
    powerOnHours: output.power_on_time?.hours ?? nvmeLog?.power_on_hours ?? powerOn9,
    ata,
    nvme,
    messages: (output.smartctl.messages ?? []).map((message) => ({
      text: message.string,
      severity: message.severity ?? 'information',
    })),
    raw: output,
  };
}
