import * as v from 'valibot';
import { InvalidArgumentError } from '../errors/index.js';
import { type GuestConfigRaw, parseGuestConfig } from '../guest-config/parse-guest-config.js';
import type { GuestConfig } from '../guest-config/types.js';

/**
 * `GET /nodes/{node}/lxc/{vmid}/config` as sent: scalar values (strings and numbers), the
 * `digest`, and `lxc` raw lines as `[key, value]` pairs. Open to any key.
 */
export const guestConfigRawSchema = v.objectWithRest(
  {
    digest: v.string(),
    lxc: v.optional(v.array(v.tuple([v.string(), v.string()]))),
  },
  v.union([v.string(), v.number()]),
);

/**
 * `GET /nodes/{node}/lxc/{vmid}/config` parsed into a {@link GuestConfig} (see
 * `parseGuestConfig`). A value that cannot be read becomes an issue at its key, so the
 * `ResponseShapeError` names it (`data.net0`).
 */
export const guestConfigSchema = v.pipe(
  guestConfigRawSchema,
  v.rawTransform(({ dataset, addIssue, NEVER }): GuestConfig => {
    const raw = dataset.value as GuestConfigRaw;
    try {
      return parseGuestConfig(raw);
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
