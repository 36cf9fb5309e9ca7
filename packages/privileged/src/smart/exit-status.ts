/**
 * smartctl's exit status, decoded. It is a bit mask (smartctl(8), "RETURN VALUES"): bits 0–1 mean
 * smartctl could not read the device at all; bits 2–7 are findings about a device it did read,
 * and the JSON that comes with them is complete.
 */
export interface SmartExitStatus {
  /** The raw exit status. */
  readonly code: number;
  /** Bit 0: the command line did not parse. Fatal. */
  readonly commandLineError: boolean;
  /** Bit 1: the device could not be opened or identified (or is in a low-power mode). Fatal. */
  readonly deviceOpenFailed: boolean;
  /** Bit 2: a SMART or other command to the disk failed, or a SMART data checksum was wrong. */
  readonly smartCommandFailed: boolean;
  /** Bit 3: SMART status check returned "DISK FAILING". */
  readonly diskFailing: boolean;
  /** Bit 4: prefail attributes are at or below their threshold now. */
  readonly prefailAttributesBelowThreshold: boolean;
  /** Bit 5: status OK, but some attributes were at or below threshold in the past. */
  readonly attributesBelowThresholdInPast: boolean;
  /** Bit 6: the device error log contains errors. */
  readonly errorLogHasErrors: boolean;
  /** Bit 7: the self-test log contains errors. */
  readonly selfTestLogHasErrors: boolean;
  /** Bits 0–1: smartctl could not read the device; the JSON has no device data. */
  readonly fatal: boolean;
}

/** Decodes a smartctl exit status (0–255). */
export function decodeSmartExitStatus(code: number): SmartExitStatus {
  const bit = (n: number): boolean => (code & (1 << n)) !== 0;
  return {
    code,
    commandLineError: bit(0),
    deviceOpenFailed: bit(1),
    smartCommandFailed: bit(2),
    diskFailing: bit(3),
    prefailAttributesBelowThreshold: bit(4),
    attributesBelowThresholdInPast: bit(5),
    errorLogHasErrors: bit(6),
    selfTestLogHasErrors: bit(7),
    fatal: bit(0) || bit(1),
  };
}
