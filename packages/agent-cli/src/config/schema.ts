import * as v from 'valibot';

/**
 * The shape of the JSON config file (`/etc/felhom/agent.json` by default). Every field is
 * optional here because environment variables may supply it; completeness is checked after
 * the two layers are merged. Unknown keys are refused so a typo is caught, not ignored.
 */
export const configFileSchema = v.strictObject({
  baseUrl: v.optional(v.pipe(v.string(), v.nonEmpty())),
  token: v.optional(
    v.strictObject({
      // Its grammar is the client's own rule, checked with the other client options (client-options.ts).
      id: v.optional(v.pipe(v.string(), v.nonEmpty())),
      secret: v.optional(v.pipe(v.string(), v.nonEmpty())),
      secretFile: v.optional(v.pipe(v.string(), v.nonEmpty())),
    }),
  ),
  tls: v.optional(
    v.strictObject({
      fingerprint: v.optional(v.pipe(v.string(), v.nonEmpty())),
      caFile: v.optional(v.pipe(v.string(), v.nonEmpty())),
    }),
  ),
  node: v.optional(v.pipe(v.string(), v.nonEmpty())),
  privileged: v.optional(v.strictObject({ mode: v.optional(v.picklist(['sudo', 'direct'])) })),
  timeouts: v.optional(
    v.strictObject({
      requestMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
      taskMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    }),
  ),
});

/** The config file as parsed (before environment overrides). */
export type ConfigFile = v.InferOutput<typeof configFileSchema>;
