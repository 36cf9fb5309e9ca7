import { isTokenId, tokenIdProblem } from '@felhom/proxmox';
import * as v from 'valibot';

// The client's own token-id rule (PVE's grammar, printable ASCII). The issue names what is wrong
// without quoting the value: a mistyped id may hold a pasted `id=secret`.
const tokenId = v.pipe(
  v.string(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (dataset.typed && !isTokenId(dataset.value)) {
      addIssue({
        expected: "a PVE API token id 'USER@REALM!TOKENID', e.g. 'felhom@pve!agent'",
        received: `an invalid id (${tokenIdProblem(dataset.value)})`,
      });
    }
  }),
);

/**
 * The shape of the JSON config file (`/etc/felhom/agent.json` by default). Every field is
 * optional here because environment variables may supply it; completeness is checked after
 * the two layers are merged. Unknown keys are refused so a typo is caught, not ignored.
 */
export const configFileSchema = v.strictObject({
  baseUrl: v.optional(v.pipe(v.string(), v.nonEmpty())),
  token: v.optional(
    v.strictObject({
      id: v.optional(tokenId),
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
