/**
 * An exception as PVE's handlers raise it (`PVE::Exception` or a plain `die`): the HTTP status,
 * the message (with its trailing newline, as Perl keeps it) and, for 400s, the per-parameter
 * `errors` map. The HTTP front doors turn it into the wire response of the chosen version profile.
 */
export class SimError extends Error {
  override name = 'SimError';
  /** HTTP status code the host answers with. */
  readonly status: number;
  /** Per-parameter messages of a `Parameter verification failed.` 400. */
  readonly errors: Readonly<Record<string, string>> | undefined;

  constructor(status: number, message: string, errors?: Readonly<Record<string, string>>) {
    super(message.endsWith('\n') ? message : `${message}\n`);
    this.status = status;
    this.errors = errors;
  }
}

/** A plain `die "…\n"` inside a handler: HTTP 500 with the text. */
export function die(message: string): SimError {
  return new SimError(500, message);
}

/** `raise_param_exc`: HTTP 400 `Parameter verification failed.` with the errors map. */
export function paramError(errors: Readonly<Record<string, string>>): SimError {
  return new SimError(400, 'Parameter verification failed.', errors);
}

/** `raise_perm_exc(what)`: HTTP 403 `Permission check failed (what)`, or without the parenthesis. */
export function permError(what?: string): SimError {
  return new SimError(
    403,
    what === undefined ? 'Permission check failed' : `Permission check failed (${what})`,
  );
}
