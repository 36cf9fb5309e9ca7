import { FstabError, type FstabProblem } from '../errors/fstab-error.js';
import { InvalidInputError } from '../errors/invalid-input-error.js';
import { MountDeviceError, type MountDeviceProblem } from '../errors/mount-device-error.js';
import { MountPointError } from '../errors/mount-point-error.js';
import type { PrivilegedError } from '../errors/privileged-error.js';

// The helper runs in another process (as root, through sudo), so its typed errors cross over as
// one JSON line on stdout, `{"error":{…}}`, and the library rebuilds the same error class with the
// same fields and message. Errors of other kinds stay a CommandFailedError of the helper command.

type Fields = Record<string, string | null>;

/** The JSON line the helper prints for a typed error it can carry across, or undefined. */
export function helperErrorLine(error: unknown): string | undefined {
  const carry = (name: string, fields: Fields) =>
    JSON.stringify({ error: { name, message: (error as Error).message, ...fields } });
  if (error instanceof MountDeviceError)
    return carry(error.name, { uuid: error.uuid, device: error.device ?? null, problem: error.problem });
  if (error instanceof MountPointError)
    return carry(error.name, { mountPoint: error.mountPoint, problem: error.problem });
  if (error instanceof FstabError) return carry(error.name, { path: error.path, problem: error.problem });
  if (error instanceof InvalidInputError)
    return carry(error.name, {
      parameter: error.parameter,
      value: String(error.value),
      expected: error.expected,
    });
  return undefined;
}

const text = (fields: Fields, key: string): string => String(fields[key] ?? '');

/** Rebuilds the typed error from the helper's stdout, or undefined when it printed none. */
export function errorFromHelper(stdout: string): PrivilegedError | undefined {
  let fields: Fields;
  try {
    const parsed = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as { error?: Fields };
    if (typeof parsed?.error !== 'object' || parsed.error === null) return undefined;
    fields = parsed.error;
  } catch {
    return undefined;
  }
  const built = build(fields);
  if (built) built.message = text(fields, 'message');
  return built;
}

function build(fields: Fields): PrivilegedError | undefined {
  switch (fields.name) {
    case 'MountDeviceError':
      return new MountDeviceError(
        text(fields, 'uuid'),
        fields.device ?? undefined,
        text(fields, 'problem') as MountDeviceProblem,
        '',
      );
    case 'MountPointError':
      return new MountPointError(text(fields, 'mountPoint'), text(fields, 'problem'));
    case 'FstabError':
      return new FstabError(text(fields, 'path'), text(fields, 'problem') as FstabProblem, '');
    case 'InvalidInputError':
      return new InvalidInputError(text(fields, 'parameter'), fields.value, text(fields, 'expected'));
    default:
      return undefined;
  }
}
