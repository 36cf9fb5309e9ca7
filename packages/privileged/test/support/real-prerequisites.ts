import { existsSync } from 'node:fs';

/**
 * Decides whether a test that needs real system components runs. Missing prerequisites skip the
 * test with the reason printed; under CI (`CI=true`) they fail it instead, because CI must run it.
 */
export function requireReal(what: string, missing: readonly (string | false)[]): boolean {
  const reasons = missing.filter((reason): reason is string => typeof reason === 'string');
  if (reasons.length === 0) return true;
  const message = `[${what}] skipped: ${reasons.join('; ')}`;
  if (process.env.CI === 'true')
    throw new Error(`CI=true but ${message.replace(' skipped:', ' cannot run:')}`);
  console.warn(message);
  return false;
}

/** The reasons root-only tests cannot run here, as `requireReal` expects them. */
export const rootReasons = (): (string | false)[] => [process.geteuid?.() !== 0 && 'not running as root'];

/** Whether an executable exists at `path`, as a reason string when it does not. */
export const needBinary = (path: string, pkg: string): string | false =>
  !existsSync(path) && `${path} is missing (apt-get install ${pkg})`;
