// The shapes of the generated runtime table (src/api/generated/, written by scripts/api-schema):
// Proxmox VE's API schema, merged over PVE 8.4, 9.0 and 9.1, with the documentation text left
// out. The generator and the runtime share these types, so the JSON texts and their readers
// cannot drift apart.

/** A bit set of PVE versions: 1 = 8.4, 2 = 9.0, 4 = 9.1 (the order of {@link apiVersionNames}). */
export type VersionMask = number;

/** The PVE versions the generated API knows, oldest first; version i is bit `1 << i`. */
export const apiVersionNames = ['8.4', '9.0', '9.1'] as const;

/** One PVE version of {@link apiVersionNames}. */
export type ApiVersionName = (typeof apiVersionNames)[number];

/** The JSON types of PVE's schema (`any` and a missing type accept every value). */
export type SchemaType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null' | 'any';

/**
 * One property of the schema: a parameter, a returned field, or a key of a property string.
 * Keys as PVE spells them; schema artefacts (`enum: null`, `default: null`, numeric strings as
 * limits, the unused `min`/`max`) are cleaned up by the generator.
 */
export interface SchemaNode {
  readonly type?: SchemaType;
  readonly optional?: 1;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  /**
   * The schema's Perl regex translated to JavaScript and anchored as PVE anchors it
   * (`m/^$pattern$/`); compiled with the `u` flag (and `i` when {@link caseless}).
   */
  readonly pattern?: string;
  /** The pattern ignores case (it had a `(?^i:…)` group). */
  readonly caseless?: 1;
  /** A named format (`pve-node`) or, for a property string, the schema of its keys. */
  readonly format?: string | Readonly<Record<string, SchemaNode>>;
  readonly default?: unknown;
  /** In a property string: the key whose value may be written without `key=`. */
  readonly default_key?: 1;
  /** In a property string: this key is another name of the key named here. */
  readonly alias?: string;
  /** This parameter needs the one named here too. */
  readonly requires?: string;
  readonly items?: SchemaNode;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: 1;
  /** Alternatives chosen by the value of {@link typeProperty} (SDN fabrics, PVE 9.0+). */
  readonly oneOf?: readonly SchemaNode[];
  readonly typeProperty?: string;
  readonly instanceTypes?: readonly string[];
  /** The versions that have this parameter, when fewer than the endpoint's. */
  readonly versions?: VersionMask;
}

/**
 * How an endpoint's answer is read: `0` validated with its `returns` schema, `1` a task id
 * parsed into a `UPID`, `2` a task id or `null` (the work finished within the requested delay),
 * `3` a task id or the text `OK`, read as `null` (nothing to do on this node: `vzdump`).
 */
export type ReturnKind = 0 | 1 | 2 | 3;

/**
 * One row of the endpoint table: method, path template, versions, index of the parameters
 * schema, index of the returns schema, how the answer is read, index of the permissions,
 * and flags ({@link flagNoToken}, {@link flagProtected}).
 */
export type EndpointRow = readonly [
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  versions: VersionMask,
  parameters: number,
  returns: number,
  returnKind: ReturnKind,
  permissions: number,
  flags: number,
];

/** Flag of {@link EndpointRow}: `allowtoken => 0`, API tokens are refused. */
export const flagNoToken = 1;

/** Flag of {@link EndpointRow}: `protected => 1`, pveproxy hands the call to pvedaemon. */
export const flagProtected = 2;
