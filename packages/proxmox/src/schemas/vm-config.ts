import * as v from 'valibot';
import { InvalidArgumentError } from '../errors/index.js';
import { parseVMConfig, type VMConfigRaw } from '../vm-config/parse-vm-config.js';
import type { VMConfig } from '../vm-config/types.js';

/**
 * `GET /nodes/{node}/qemu/{vmid}/config` as sent: the `digest` and scalar values (strings and
 * numbers). Open to any key.
 */
export const vmConfigRawSchema = v.objectWithRest({ digest: v.string() }, v.union([v.string(), v.number()]));

/**
 * `GET /nodes/{node}/qemu/{vmid}/config` parsed into a {@link VMConfig} (see `parseVMConfig`). A
 * value that cannot be read becomes an issue at its key, so the `ResponseShapeError` names it
 * (`data.net0`).
 */
export const vmConfigSchema = v.pipe(
  vmConfigRawSchema,
  v.rawTransform(({ dataset, addIssue, NEVER }): VMConfig => {
    const raw = dataset.value as VMConfigRaw;
    try {
      return parseVMConfig(raw);
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) throw error;
      const key = error.parameter.split('.')[0] as string;
      addIssue({
        message: error.message,
        path: [{ type: 'object', origin: 'value', input: raw, key, value: raw[key] }],
      });
      return NEVER;
    }
  }),
);
