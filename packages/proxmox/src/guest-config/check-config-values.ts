import { limitsProblem } from '../encoding/value-constraint.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { type ConfigKeyConstraint, readOnlyConfigKeys, settableConfigKeys } from './config-constraints.js';

const integerText = /^[+-]?\d+$/;
// PVE::JSONSchema::is_number
const numberText = /^[+-]?(?:\d+\.\d+|\d+\.|\.\d+|\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Checks one scalar config value against its key's type and limits before it is sent. Typed
 * changes must have the right JavaScript type; an `extra` value (`fromExtra`) may also be the
 * text PVE would read (`'4'` for an integer, `1`/`0` for a boolean). Keys the table does not know
 * pass unchecked (newer PVE keys through `extra`); read-only keys are refused.
 *
 * @throws {InvalidArgumentError} naming `where` and what the schema allows.
 */
export function checkConfigValue(key: string, value: unknown, where: string, fromExtra: boolean): void {
  checkValueAgainst(
    { settable: settableConfigKeys, readOnly: readOnlyConfigKeys },
    key,
    value,
    where,
    fromExtra,
  );
}

/** The settable keys of a guest type, with their limits, and the keys no call sets. */
export interface ConfigKeyTables {
  readonly settable: Readonly<Record<string, ConfigKeyConstraint>>;
  readonly readOnly: readonly string[];
}

/** {@link checkConfigValue} against another guest type's tables (VMs). */
export function checkValueAgainst(
  tables: ConfigKeyTables,
  key: string,
  value: unknown,
  where: string,
  fromExtra: boolean,
): void {
  if (tables.readOnly.includes(key)) {
    throw new InvalidArgumentError(where, value, `a key the host lets you set (${key} is read-only)`);
  }
  if (value === undefined || !Object.hasOwn(tables.settable, key)) return;
  const constraint = tables.settable[key] as ConfigKeyConstraint;
  const typed = asType(value, constraint, fromExtra);
  if (typed === undefined) throw new InvalidArgumentError(where, value, describe(constraint));
  if (typeof typed === 'boolean') return;
  const problem = limitsProblem(typed, constraint);
  if (problem) throw new InvalidArgumentError(where, value, `${describe(constraint)} ${problem}`);
}

function asType(
  value: unknown,
  constraint: ConfigKeyConstraint,
  lenient: boolean,
): string | number | boolean | undefined {
  switch (constraint.type) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return lenient && (value === 0 || value === 1 || value === '0' || value === '1')
        ? value === 1 || value === '1'
        : undefined;
    case 'integer':
      if (Number.isSafeInteger(value)) return value as number;
      return lenient && typeof value === 'string' && integerText.test(value) ? Number(value) : undefined;
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      return lenient && typeof value === 'string' && numberText.test(value) ? Number(value) : undefined;
  }
}

function describe(constraint: ConfigKeyConstraint): string {
  switch (constraint.type) {
    case 'string':
      return 'a string';
    case 'boolean':
      return 'a boolean';
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a finite number';
  }
}
