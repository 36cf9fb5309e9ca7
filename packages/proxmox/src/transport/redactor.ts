/**
 * Removes the token secret from text built out of a failure. Node's `Headers` quotes a header
 * value it refuses, and an error's `cause` chain may hold anything the HTTP stack saw, so every
 * message and detail the transport turns into an error or a log event passes through here.
 * Internal to the transport; holds the secret in a private field.
 */
export class Redactor {
  readonly #secret: string;

  constructor(secret: string) {
    this.#secret = secret;
  }

  /** `text` with every occurrence of the secret replaced by `[REDACTED]`. */
  scrub(text: string): string {
    return text.includes(this.#secret) ? text.split(this.#secret).join('[REDACTED]') : text;
  }

  /**
   * A plain `Error` with `name`, the scrubbed `message` and a string `code` of `error`: safe to
   * keep as a `cause`, unlike the original, which may hold request objects and headers.
   */
  copy(error: unknown): Error {
    const clean = new Error(this.scrub(error instanceof Error ? error.message : String(error)));
    clean.name = error instanceof Error ? error.name : 'Error';
    const code = (error as { code?: unknown } | null | undefined)?.code;
    if (typeof code === 'string') Object.assign(clean, { code });
    return clean;
  }
}
