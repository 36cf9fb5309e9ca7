import * as v from 'valibot';

// smartctl's JSON (json_format_version 1.0; 0.1 from 6.7 pre-releases parses too). Every block is
// optional: what is present depends on the device type, the flags and the smartctl version, and
// hosts add fields across versions, so objects stay open to unknown keys.

const count = v.pipe(v.number(), v.integer());

const messageSchema = v.looseObject({ string: v.string(), severity: v.optional(v.string()) });

/** The `smartctl` block every output carries. */
export const smartctlBlockSchema = v.looseObject({
  version: v.optional(v.array(v.number())),
  exit_status: count,
  messages: v.optional(v.array(messageSchema)),
});

const rawSchema = v.looseObject({ value: v.number(), string: v.optional(v.string()) });

/** One row of `ata_smart_attributes.table`. */
export const ataAttributeSchema = v.looseObject({
  id: count,
  name: v.optional(v.string()),
  value: v.optional(v.number()),
  worst: v.optional(v.number()),
  thresh: v.optional(v.number()),
  when_failed: v.optional(v.string()),
  raw: v.optional(rawSchema),
});

/** `smartctl -j -a DEVICE` (and the fatal outputs that carry only the `smartctl` block). */
export const smartOutputSchema = v.looseObject({
  json_format_version: v.optional(v.array(v.number())),
  smartctl: smartctlBlockSchema,
  device: v.optional(
    v.looseObject({
      name: v.string(),
      info_name: v.optional(v.string()),
      type: v.optional(v.string()),
      protocol: v.optional(v.string()),
    }),
  ),
  model_name: v.optional(v.string()),
  model_family: v.optional(v.string()),
  serial_number: v.optional(v.string()),
  firmware_version: v.optional(v.string()),
  user_capacity: v.optional(v.looseObject({ bytes: v.optional(v.number()) })),
  smart_status: v.optional(v.looseObject({ passed: v.optional(v.boolean()) })),
  temperature: v.optional(v.looseObject({ current: v.optional(v.number()) })),
  power_on_time: v.optional(v.looseObject({ hours: v.optional(v.number()) })),
  ata_smart_attributes: v.optional(v.looseObject({ table: v.optional(v.array(ataAttributeSchema)) })),
  nvme_smart_health_information_log: v.optional(
    v.looseObject({
      critical_warning: v.optional(count),
      temperature: v.optional(v.number()),
      available_spare: v.optional(v.number()),
      available_spare_threshold: v.optional(v.number()),
      percentage_used: v.optional(v.number()),
      media_errors: v.optional(v.number()),
      unsafe_shutdowns: v.optional(v.number()),
      power_on_hours: v.optional(v.number()),
    }),
  ),
});

/** Parsed `smartctl -j -a` output. */
export type SmartOutput = v.InferOutput<typeof smartOutputSchema>;

/** `smartctl -j --scan`: no `devices` key at all when nothing was found. */
export const smartScanSchema = v.looseObject({
  smartctl: smartctlBlockSchema,
  devices: v.optional(
    v.array(
      v.looseObject({
        name: v.string(),
        info_name: v.optional(v.string()),
        type: v.optional(v.string()),
        protocol: v.optional(v.string()),
      }),
    ),
  ),
});
