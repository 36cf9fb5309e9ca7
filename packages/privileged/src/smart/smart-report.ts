import type { SmartExitStatus } from './exit-status.js';

/** A message smartctl printed inside its JSON (`smartctl.messages`). */
export interface SmartMessage {
  readonly text: string;
  /** `information`, `warning` or `error`. */
  readonly severity: string;
}

/** An ATA attribute that is or was at/below its threshold (`when_failed` set). */
export interface FailingAttribute {
  readonly id: number;
  readonly name: string;
  /** `now` (prefail now) or `past`. */
  readonly when: string;
}

/** ATA-only health figures. */
export interface AtaHealth {
  /** Attribute 5 (Reallocated_Sector_Ct) raw value. */
  readonly reallocatedSectors: number | null;
  /** Attribute 197 (Current_Pending_Sector) raw value. */
  readonly pendingSectors: number | null;
  /** Attribute 198 (Offline_Uncorrectable) raw value. */
  readonly offlineUncorrectable: number | null;
  /** Attributes whose `when_failed` is set. */
  readonly failingAttributes: readonly FailingAttribute[];
}

/** NVMe-only health figures (the SMART / Health Information log). */
export interface NvmeHealth {
  /** Percentage of rated endurance used (may exceed 100). */
  readonly percentageUsed: number | null;
  /** Unrecovered data integrity errors. */
  readonly mediaErrors: number | null;
  /** The critical warning bit field (0 = none). */
  readonly criticalWarning: number | null;
  /** Remaining spare capacity, percent. */
  readonly availableSpare: number | null;
  /** The spare threshold below which the drive warns, percent. */
  readonly availableSpareThreshold: number | null;
  readonly unsafeShutdowns: number | null;
}

/**
 * The verdict: `failing` (SMART says the disk is failing, or prefail attributes are past their
 * threshold), `warning` (the disk passed, but there are findings worth acting on: reallocated or
 * pending sectors, media errors, error-log entries, worn-out endurance), `passed`, or `unknown`
 * (no SMART status, e.g. a RAID volume or a `-i`-only output).
 */
export type SmartHealth = 'passed' | 'warning' | 'failing' | 'unknown';

/** Typed health of one disk, from `smartctl -j -a`. */
export interface SmartReport {
  /** The device path as requested, e.g. `/dev/sda`. */
  readonly device: string;
  /** smartctl's device type (`sat`, `nvme`, `scsi`, `usbjmicron`, …), or null. */
  readonly deviceType: string | null;
  /** `ATA`, `NVMe` or `SCSI`, or null. */
  readonly protocol: string | null;
  readonly model: string | null;
  readonly serialNumber: string | null;
  readonly firmwareVersion: string | null;
  readonly capacityBytes: number | null;
  /** The overall verdict; see {@link SmartHealth}. */
  readonly health: SmartHealth;
  /**
   * What smartctl found, in words: why the verdict is not `passed`, plus notes that leave the
   * verdict as it is (exit status bit 2: a command to the disk failed, so the verdict rests on
   * the data that could be read). Empty for a clean pass.
   */
  readonly findings: readonly string[];
  /** `smart_status.passed`, or null when absent. */
  readonly smartPassed: boolean | null;
  /** The decoded exit status. */
  readonly exitStatus: SmartExitStatus;
  /**
   * The current temperature, or null when the device reports none. A reading of 0 °C or below is
   * no reading: RAID volumes report 0 (smartctl's `temperature.current: 0`).
   */
  readonly temperatureCelsius: number | null;
  /** Power-on hours, or null when the device reports none. */
  readonly powerOnHours: number | null;
  /** ATA figures, or null for other protocols. */
  readonly ata: AtaHealth | null;
  /** NVMe figures, or null for other protocols. */
  readonly nvme: NvmeHealth | null;
  readonly messages: readonly SmartMessage[];
  /** The whole smartctl JSON, for fields this report does not lift out. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** One device from `smartctl -j --scan`. */
export interface SmartScanDevice {
  /** Device path, e.g. `/dev/sda` (or `/dev/bus/0` behind a RAID controller). */
  readonly name: string;
  readonly infoName: string | null;
  /** smartctl's `-d` type, e.g. `sat`, `nvme`, `megaraid,0`. */
  readonly type: string | null;
  readonly protocol: string | null;
}
