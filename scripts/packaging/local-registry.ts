import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type AddressInfo, createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** A verdaccio npm registry on 127.0.0.1, with a user that may publish. */
export interface LocalRegistry {
  /** `http://127.0.0.1:PORT/`. */
  readonly url: string;
  /** An npm user config holding the registry and the publish token (`npm_config_userconfig`). */
  readonly userconfig: string;
  stop(): Promise<void>;
}

/**
 * Where the proxied packages come from: npm's configured registry (so a mirror set for npm is
 * used here too), else the public one.
 */
const upstream = process.env.npm_config_registry ?? 'https://registry.npmjs.org/';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts verdaccio (a devDependency) in `directory` with its own storage. `@felhom/*` and
 * `felhom-agent` are served only from what is published here, never from the upstream registry
 * (a package of the same name there must not stand in for ours); everything else is proxied.
 */
export async function startLocalRegistry(directory: string): Promise<LocalRegistry> {
  mkdirSync(directory, { recursive: true });
  const config = join(directory, 'config.yaml');
  const ours = { access: '$all', publish: '$authenticated' };
  writeFileSync(
    config,
    `${JSON.stringify(
      {
        storage: join(directory, 'storage'),
        auth: { htpasswd: { file: join(directory, 'htpasswd'), max_users: 1 } },
        uplinks: { upstream: { url: upstream, timeout: '60s' } },
        packages: {
          '@felhom/*': ours,
          'felhom-agent': ours,
          '**': { access: '$all', publish: '$authenticated', proxy: 'upstream' },
        },
        log: { type: 'stdout', format: 'pretty', level: 'error' },
      },
      null,
      2,
    )}\n`, // YAML is a superset of JSON
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const bin = join(
    dirname(createRequire(import.meta.url).resolve('verdaccio/package.json')),
    'bin',
    'verdaccio',
  );
  const child = spawn(process.execPath, [bin, '--config', config, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  try {
    await waitUntilUp(url, child, () => output);
    const token = await addUser(url);
    const userconfig = join(directory, 'npmrc');
    const host = url.replace(/^http:/, '');
    writeFileSync(
      userconfig,
      `registry=${url}\n${host}:_authToken=${token}\nupdate-notifier=false\nfund=false\naudit=false\n`,
      {
        mode: 0o600,
      },
    );
    return { url, userconfig, stop: () => stop(child) };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}-/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`verdaccio did not answer on ${url} within 30 s:\n${output()}`);
}

/** Creates the one user (as `npm adduser` does) and returns its token. */
async function addUser(url: string): Promise<string> {
  const name = 'felhom-ci';
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: randomBytes(16).toString('hex') }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || typeof body.token !== 'string')
    throw new Error(`verdaccio refused to add a user: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
