/**
 * The warning the client logs (once, when it is built) if `NODE_TLS_REJECT_UNAUTHORIZED=0` is
 * set: the client ignores it, but everything else in the process that uses TLS does not.
 * `undefined` when the variable is not `0` (the only value Node treats as "off").
 */
export function insecureEnvironmentWarning(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NODE_TLS_REJECT_UNAUTHORIZED !== '0') return undefined;
  return (
    'NODE_TLS_REJECT_UNAUTHORIZED=0 is set: this client still verifies the host (pin, CA or system ' +
    'store) and ignores it, but other TLS connections in this process do not verify certificates'
  );
}
