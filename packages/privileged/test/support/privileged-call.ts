// Bundled into the root sandbox and run there (as the service user through real sudo, or as root
// in direct mode): performs one mount or unmount with Privileged and prints the outcome as one
// JSON line. argv[2]: the request as JSON.
import {
  ExecRunner,
  isPrivilegedError,
  Privileged,
  type PrivilegedOptions,
  type USBMountSpec,
} from '../../src/index.js';

interface Request {
  readonly mode: 'sudo' | 'direct';
  readonly options: PrivilegedOptions;
  readonly mount?: USBMountSpec;
  readonly unmount?: string;
}

const request = JSON.parse(process.argv[2] ?? '{}') as Request;
const privileged = new Privileged(new ExecRunner({ mode: request.mode }), request.options);
try {
  const result = request.mount
    ? await privileged.mountUSBByUUID(request.mount)
    : await privileged.unmountUSB(request.unmount ?? '');
  process.stdout.write(`${JSON.stringify({ ok: result })}\n`);
} catch (error) {
  const fields = isPrivilegedError(error) ? { ...error, reason: error.reason } : {};
  const { result: _omitted, ...rest } = fields as Record<string, unknown>;
  process.stdout.write(
    `${JSON.stringify({ error: { ...rest, name: (error as Error).name, message: (error as Error).message } })}\n`,
  );
}
