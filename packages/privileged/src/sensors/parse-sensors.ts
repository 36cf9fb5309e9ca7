import * as v from 'valibot';
import { parseJsonOutput } from '../output/parse-json.js';
import type { FanReading, SensorChip, SensorsReport, TemperatureReading } from './sensors-report.js';

// `sensors -j`: { CHIP: { "Adapter"?: string, FEATURE: { SUBFEATURE: number } } }. Features other
// than temperatures and fans (voltages, power, intrusion, beep_enable) are skipped.
const sensorsSchema = v.record(
  v.string(),
  v.record(v.string(), v.union([v.string(), v.record(v.string(), v.unknown())])),
);

type Subfeatures = Readonly<Record<string, unknown>>;

function numberOf(values: Subfeatures, key: string): number | null {
  const value = values[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

// Drivers without a limit report sentinels: 65261.850 °C high and -273.150 °C low on NVMe "Sensor 1".
function threshold(value: number | null): number | null {
  return value === null || value <= -273 || value >= 1000 ? null : value;
}

function prefixOf(values: Subfeatures, kind: 'temp' | 'fan'): string | undefined {
  return Object.keys(values)
    .map((key) => key.match(new RegExp(`^(${kind}\\d+)_`))?.[1])
    .find((prefix) => prefix !== undefined);
}

function temperature(label: string, values: Subfeatures, prefix: string): TemperatureReading {
  return {
    label,
    celsius: numberOf(values, `${prefix}_input`),
    high: threshold(numberOf(values, `${prefix}_max`)),
    critical: threshold(numberOf(values, `${prefix}_crit`)),
    alarm: numberOf(values, `${prefix}_alarm`) === 1 || numberOf(values, `${prefix}_crit_alarm`) === 1,
  };
}

function fan(label: string, values: Subfeatures, prefix: string): FanReading {
  return {
    label,
    rpm: numberOf(values, `${prefix}_input`),
    min: numberOf(values, `${prefix}_min`),
    alarm: numberOf(values, `${prefix}_alarm`) === 1,
  };
}

/**
 * Parses `sensors -j` output. `{}` (what lm-sensors prints on a host without sensors) gives no
 * chips. Text that is not one JSON object, such as the back-to-back objects lm-sensors 3.6.0
 * prints when several chips are named on its command line, throws an `OutputParseError`.
 */
export function parseSensors(text: string, command = 'sensors -j'): SensorsReport {
  const json = parseJsonOutput(command, text, sensorsSchema);
  const chips: SensorChip[] = Object.entries(json).map(([name, features]) => {
    const temperatures: TemperatureReading[] = [];
    const fans: FanReading[] = [];
    let adapter: string | null = null;
    for (const [label, values] of Object.entries(features)) {
      if (typeof values === 'string') {
        if (label === 'Adapter') adapter = values;
        continue;
      }
      const temp = prefixOf(values, 'temp');
      if (temp) temperatures.push(temperature(label, values, temp));
      const fanPrefix = temp ? undefined : prefixOf(values, 'fan');
      if (fanPrefix) fans.push(fan(label, values, fanPrefix));
    }
    return { name, adapter, temperatures, fans };
  });
  return { chips };
}
