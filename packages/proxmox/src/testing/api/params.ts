import { paramError } from '../model/sim-error.js';

/**
 * Parameter validation the way `PVE::JSONSchema::validate` reports it: every problem collected in an
 * `errors` map keyed by parameter, with PVE's wording, then one 400 `Parameter verification failed.`
 */

/** Named formats the simulated endpoints use (PVE's `register_format` names). */
export type SimFormat =
  | 'pve-vmid'
  | 'pve-vmid-list'
  | 'pve-node'
  | 'pve-storage-id'
  | 'pve-configid'
  | 'pve-configid-list'
  | 'pve-storage-content'
  | 'pve-storage-content-list'
  | 'pve-task-status-type-list';

/** One parameter's schema (the subset of PVE's JSON schema the simulator checks). */
export interface SimParamSpec {
  /** `array` parameters arrive as one (form) value each; the simulator accepts them as text. */
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'array';
  readonly optional?: boolean;
  readonly format?: SimFormat;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
  /** A regular expression the whole value must match (`m/^$pattern$/`). */
  readonly pattern?: RegExp;
}

/** An endpoint's parameters: fixed names plus, optionally, a rule for indexed/open names. */
export interface SimParamSchema {
  readonly properties: Readonly<Record<string, SimParamSpec>>;
  /** Schema for names not in `properties` (e.g. `net0`, `mp3`); `undefined` rejects the name. */
  readonly additional?: (name: string) => SimParamSpec | undefined;
}

const VMID_RE = /^[1-9][0-9]{2,8}$/;
const NODE_RE = /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$/;
const STORAGE_RE = /^[a-z][a-z0-9\-_.]*[a-z0-9]$/i;
const CONFIGID_RE = /^[a-z][a-z0-9_-]+$/i;
const CONTENT_TYPES = ['images', 'rootdir', 'vztmpl', 'iso', 'backup', 'snippets', 'import'];
const TASK_STATUS = ['ok', 'warning', 'error', 'unknown'];
const splitList = (value: string): string[] => value.split(/[\s,;]+/).filter((v) => v !== '');

/** `check_format`: returns PVE's die text, or `undefined` when the value is fine. */
function formatProblem(format: SimFormat, value: string): string | undefined {
  switch (format) {
    case 'pve-vmid':
      return VMID_RE.test(value) ? undefined : 'value does not look like a valid VM ID';
    case 'pve-vmid-list':
      return splitList(value).every((v) => VMID_RE.test(v))
        ? undefined
        : 'value does not look like a valid VM ID';
    case 'pve-node':
      return NODE_RE.test(value) ? undefined : 'value does not look like a valid node name';
    case 'pve-storage-id':
      return STORAGE_RE.test(value) ? undefined : `storage ID '${value}' contains illegal characters`;
    case 'pve-configid':
      return CONFIGID_RE.test(value) ? undefined : `invalid configuration ID '${value}'`;
    case 'pve-configid-list': {
      const bad = splitList(value).find((v) => !CONFIGID_RE.test(v));
      return bad === undefined ? undefined : `invalid configuration ID '${bad}'`;
    }
    case 'pve-storage-content':
      return CONTENT_TYPES.includes(value) ? undefined : `invalid content type '${value}'`;
    case 'pve-storage-content-list': {
      const bad = splitList(value).find((v) => !CONTENT_TYPES.includes(v));
      return bad === undefined ? undefined : `invalid content type '${bad}'`;
    }
    case 'pve-task-status-type-list': {
      const bad = splitList(value).find((v) => !TASK_STATUS.includes(v));
      return bad === undefined
        ? undefined
        : `value '${bad}' does not have a value in the enumeration '${TASK_STATUS.join(', ')}'`;
    }
  }
}

const BOOLEAN_TRUE = /^(1|on|yes|true)$/i;
const BOOLEAN_FALSE = /^(0|off|no|false)$/i;

/** Checks one value; returns the error text or `undefined`, and the normalised value. */
function checkValue(spec: SimParamSpec, raw: string): { problem?: string; value: string } {
  switch (spec.type) {
    case 'integer':
      if (!/^-?\d+$/.test(raw))
        return { problem: `type check ('integer') failed - got '${raw}'`, value: raw };
      break;
    case 'number':
      if (!/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) {
        return { problem: `type check ('number') failed - got '${raw}'`, value: raw };
      }
      break;
    case 'boolean':
      if (BOOLEAN_TRUE.test(raw)) return { value: '1' };
      if (BOOLEAN_FALSE.test(raw)) return { value: '0' };
      return { problem: `type check ('boolean') failed - got '${raw}'`, value: raw };
    case 'string':
    case 'array':
      break;
  }
  if (spec.format) {
    const problem = formatProblem(spec.format, raw);
    if (problem) return { problem: `invalid format - ${problem}\n`, value: raw };
  }
  if (spec.pattern && !new RegExp(`^(?:${spec.pattern.source})$`).test(raw)) {
    return { problem: 'value does not match the regex pattern', value: raw };
  }
  if (spec.maxLength !== undefined && raw.length > spec.maxLength) {
    return { problem: `value may only be ${spec.maxLength} characters long`, value: raw };
  }
  if (spec.minimum !== undefined && Number(raw) < spec.minimum) {
    return { problem: `value must have a minimum value of ${spec.minimum}`, value: raw };
  }
  if (spec.maximum !== undefined && Number(raw) > spec.maximum) {
    return { problem: `value must have a maximum value of ${spec.maximum}`, value: raw };
  }
  if (spec.enum && !spec.enum.includes(raw)) {
    return {
      problem: `value '${raw}' does not have a value in the enumeration '${spec.enum.join(', ')}'`,
      value: raw,
    };
  }
  return { value: raw };
}

/**
 * Validates `params` against `schema`; throws the 400 with every problem, or returns the
 * normalised parameters (booleans as `'1'`/`'0'`).
 */
export function validateParams(
  schema: SimParamSchema,
  params: Readonly<Record<string, string>>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(schema.properties)) {
    const raw = params[name];
    if (raw === undefined) {
      if (!spec.optional) errors[name] = 'property is missing and it is not optional';
      continue;
    }
    const { problem, value } = checkValue(spec, raw);
    if (problem) errors[name] = problem;
    else out[name] = value;
  }
  for (const [name, raw] of Object.entries(params)) {
    if (name in schema.properties) continue;
    const spec = schema.additional?.(name);
    if (!spec) {
      errors[name] = 'property is not defined in schema and the schema does not allow additional properties';
      continue;
    }
    const { problem, value } = checkValue(spec, raw);
    if (problem) errors[name] = problem;
    else out[name] = value;
  }
  if (Object.keys(errors).length > 0) throw paramError(errors);
  return out;
}

/** Shared parameter specs. */
export const P = {
  node: { type: 'string', format: 'pve-node' },
  vmid: { type: 'integer', format: 'pve-vmid', minimum: 100, maximum: 999_999_999 },
  optionalVmid: { type: 'integer', format: 'pve-vmid', minimum: 100, maximum: 999_999_999, optional: true },
  storage: { type: 'string', format: 'pve-storage-id' },
  snapname: { type: 'string', format: 'pve-configid', maxLength: 40 },
  optionalBoolean: { type: 'boolean', optional: true },
  optionalString: { type: 'string', optional: true },
  optionalInteger: { type: 'integer', optional: true },
  paging: { type: 'integer', minimum: 0, optional: true },
} as const satisfies Record<string, SimParamSpec>;

/** Splits a PVE list parameter (`a,b c;d`). */
export { splitList };
