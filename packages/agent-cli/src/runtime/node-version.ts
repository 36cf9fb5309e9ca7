// Written for any Node.js that can load an ES module (12.20 and later): no optional chaining, no
// top-level await, no imports. It runs before anything else so that an old Node gets one clear
// line instead of an error from deep inside a dependency.

/**
 * Why this Node.js cannot run felhom-agent, as one line, or `undefined` when it can: the range is
 * `^20.19.0 || >=22.12.0`, as every package.json's `engines` says. Node 20.19
 * and 22.12 are the first of their lines that load an ES module through `require()`, which the
 * packages rely on; 21.x and 22.0–22.11 cannot.
 *
 * @param version - `process.versions.node`, e.g. `18.20.4`.
 * @param execPath - The running binary, named in the message so the operator sees which one ran.
 */
export function nodeVersionProblem(version: string, execPath: string): string | undefined {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
  if (supported) return undefined;
  return (
    `needs Node.js 20.19 or later (22.12 or later on the 22 line), found ${version} at ${execPath}. ` +
    "Debian 12 / Proxmox VE 8 ship Node.js 18: install Node.js 22 into the agent's prefix " +
    '(npm install -g --prefix /opt/felhom-agent node@22) and run the agent with /opt/felhom-agent/bin/node ' +
    '(docs/getting-started.md); Debian 13 / Proxmox VE 9 ship Node.js 20.19.'
  );
}
