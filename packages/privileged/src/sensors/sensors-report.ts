/** One temperature input of a chip. Thresholds the driver does not provide are `null`. */
export interface TemperatureReading {
  /** The feature label, e.g. `Package id 0`, `Composite`, `temp1`. */
  readonly label: string;
  /** The current reading in °C, or null when the chip reported none. */
  readonly celsius: number | null;
  /** The high limit (`tempN_max`) in °C. */
  readonly high: number | null;
  /** The critical limit (`tempN_crit`) in °C. */
  readonly critical: number | null;
  /** True when the chip raised an alarm (`tempN_alarm` or `tempN_crit_alarm` is 1). */
  readonly alarm: boolean;
}

/** One fan input of a chip. */
export interface FanReading {
  /** The feature label, e.g. `fan1`. */
  readonly label: string;
  /** Revolutions per minute (0 for a stopped or absent fan), or null. */
  readonly rpm: number | null;
  /** The minimum limit (`fanN_min`), or null. */
  readonly min: number | null;
  /** True when the chip raised an alarm (`fanN_alarm` is 1). */
  readonly alarm: boolean;
}

/** One lm-sensors chip, e.g. `coretemp-isa-0000`. */
export interface SensorChip {
  /** The chip name as lm-sensors prints it. */
  readonly name: string;
  /** The adapter (`ISA adapter`, `PCI adapter`, …); null with `sensors -A`. */
  readonly adapter: string | null;
  readonly temperatures: readonly TemperatureReading[];
  readonly fans: readonly FanReading[];
}

/** The whole `sensors -j` output; `chips` is empty when the host has no sensors (a VM). */
export interface SensorsReport {
  readonly chips: readonly SensorChip[];
}
