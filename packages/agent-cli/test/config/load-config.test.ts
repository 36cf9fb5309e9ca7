import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { InvalidConfigError } from '../../src/config/invalid-config-error.js';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../../src/config/load-config.js';
import { describeSource } from '../../src/config/sources.js';

const SECRET = '5f1c8e2a-7b3d-4e6f-9a0b-1c2d3e4f5a6b';
const FINGERPRINT =
  'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'felhom-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeConfig(content: unknown, mode = 0o600): string {
  const path = join(dir, 'agent.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  chmodSync(path, mode);
  return path;
}

const complete = {
  baseUrl: 'https://pve.example.com:8006',
  token: { id: 'felhom@pve!agent', secret: SECRET },
  tls: { fingerprint: FINGERPRINT },
  node: 'pve1',
};

/** Every problem `fn` reported (it must throw InvalidConfigError). */
function catchProblems(fn: () => unknown): readonly ConfigError[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidConfigError);
    const { problems } = error as InvalidConfigError;
    for (const problem of problems) expect(problem).toBeInstanceOf(ConfigError);
    return problems;
  }
  throw new Error('expected an InvalidConfigError');
}

/** The one problem `fn` reported. */
function catchConfigError(fn: () => unknown): ConfigError {
  const problems = catchProblems(fn);
  expect(problems.map((problem) => problem.message)).toHaveLength(1);
  return problems[0] as ConfigError;
}

describe('loadConfig', () => {
  it('reads a complete file and fills defaults', () => {
    const path = writeConfig(complete);
    const { config, sources, file, warnings } = loadConfig({ configPath: path, env: {} });
    expect(file).toBe(path);
    expect(config.baseUrl).toBe('https://pve.example.com:8006');
    expect(config.tokenId).toBe('felhom@pve!agent');
    expect(config.tokenSecret.reveal()).toBe(SECRET);
    expect(config.tls).toEqual({ fingerprint: FINGERPRINT });
    expect(config.node).toBe('pve1');
    expect(config.privilegedMode).toBe('sudo');
    expect(config.requestTimeoutMs).toBe(30_000);
    expect(config.taskTimeoutMs).toBe(600_000);
    expect(describeSource(sources.baseUrl)).toBe(`file ${path}`);
    expect(describeSource(sources['privileged.mode'])).toBe('default');
    expect(warnings).toEqual([]);
  });

  it('lets the environment override the file, field by field', () => {
    const path = writeConfig(complete);
    const { config, sources } = loadConfig({
      configPath: path,
      env: {
        FELHOM_AGENT_BASE_URL: 'https://other.example.com:8006',
        FELHOM_AGENT_NODE: 'pve2',
        FELHOM_AGENT_TIMEOUT_MS: '5000',
        FELHOM_AGENT_PRIVILEGED_MODE: 'direct',
      },
    });
    expect(config.baseUrl).toBe('https://other.example.com:8006');
    expect(config.node).toBe('pve2');
    expect(config.requestTimeoutMs).toBe(5000);
    expect(config.privilegedMode).toBe('direct');
    expect(config.tokenId).toBe('felhom@pve!agent');
    expect(describeSource(sources.baseUrl)).toBe('env FELHOM_AGENT_BASE_URL');
    expect(describeSource(sources['token.id'])).toBe(`file ${path}`);
  });

  it('works from the environment alone when the default file is absent', () => {
    const { config, file } = loadConfig({
      defaultConfigPath: join(dir, 'absent.json'),
      env: {
        FELHOM_AGENT_BASE_URL: 'https://pve:8006',
        FELHOM_AGENT_TOKEN_ID: 'felhom@pve!agent',
        FELHOM_AGENT_TOKEN_SECRET: SECRET,
      },
    });
    expect(file).toBeUndefined();
    expect(config.tls).toBeUndefined();
  });

  it('refuses a missing explicit --config file, naming it', () => {
    const path = join(dir, 'nope.json');
    const error = catchConfigError(() => loadConfig({ configPath: path, env: {} }));
    expect(error.message).toBe(`${path}: expected a readable JSON config file, got ENOENT`);
  });

  it('treats FELHOM_AGENT_CONFIG like --config: the file must exist', () => {
    const path = join(dir, 'nope.json');
    const error = catchConfigError(() => loadConfig({ env: { FELHOM_AGENT_CONFIG: path } }));
    expect(error.origin).toBe(path);
  });

  it('names the file when the JSON is malformed', () => {
    const path = writeConfig('{ "baseUrl": ');
    const error = catchConfigError(() => loadConfig({ configPath: path, env: {} }));
    expect(error.origin).toBe(path);
    expect(error.message).toMatch(new RegExp(`^${path}: expected valid JSON, got `));
  });

  it.each([
    [
      'the secret right before the error',
      `{"token": {"secret": "${SECRET}" "id": "felhom@pve!agent"}}`,
      'line 1, column 61',
    ],
    [
      'a missing comma on line 3',
      `{\n  "token": {\n    "secret": "${SECRET}"\n    "id": "x"\n  }\n}`,
      'line 4, column 5',
    ],
    ['an unterminated string holding the secret', `{"token": {"secret": "${SECRET}`, 'line 1, column 59'],
    ['a trailing comma', `{"token": {"secret": "${SECRET}",}}`, 'line 1, column 61'],
    ['an unquoted secret', `{"token": {"secret": ${SECRET}}}`, 'line 1, column 23'],
    // V8 quotes the text around this one in its message: `Unexpected token '}', "…" is not valid JSON`.
    ['a misspelt literal', `{"token": {"secret": "${SECRET}", "privsep": tru}}`, 'line 1, column 76'],
    ['the end of the file', '{ "baseUrl": ', 'line 1, column 14'],
  ])(
    'reports only the position of a JSON syntax error (%s), never the file text',
    (_title, text, position) => {
      const path = writeConfig(text);
      const error = catchConfigError(() => loadConfig({ configPath: path, env: {} }));
      expect(error.message).toBe(`${path}: expected valid JSON, got a syntax error at ${position}`);
      const shown = error.message.slice(path.length);
      expect(shown).not.toMatch(/5f1c8e2a|felhom|token|secret|baseUrl|tru/);
    },
  );

  it.each([
    ['a NUL byte', 'felhom\u0000@pve!agent'],
    ['a non-ASCII letter', 'józsef@pve!agent'],
    ['no token name', 'backup-user@pve'],
    ['a pasted secret', `felhom@pve!agent=${SECRET}`],
  ])("refuses a token id with %s by the client's own rule, without quoting it", (_title, id) => {
    const path = writeConfig({ ...complete, token: { id, secret: SECRET } });
    const error = catchConfigError(() => loadConfig({ configPath: path, env: {} }));
    expect(error.field).toBe('token.id');
    expect(error.message).toContain('USER@REALM!TOKENID');
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain(id);
  });

  it('names the field and the type on a wrong type', () => {
    const path = writeConfig({ ...complete, timeouts: { requestMs: '30s' } });
    const error = catchConfigError(() => loadConfig({ configPath: path, env: {} }));
    expect(error.field).toBe('timeouts.requestMs');
    expect(error.message).toBe(`${path}: timeouts.requestMs: expected number, got "30s"`);
  });

  it('refuses unknown keys so typos are caught', () => {
    const path = writeConfig({ ...complete, tokn: {} });
    const error = catchConfigError(() => loadConfig({ configPath: path, env: {} }));
    expect(error.field).toBe('tokn');
    expect(error.message).toContain('no such field');
  });

  it('says which required field is missing and where it could come from', () => {
    const { token: _token, ...withoutToken } = complete;
    const path = writeConfig(withoutToken);
    const problems = catchProblems(() => loadConfig({ configPath: path, env: {} }));
    expect(problems.map((problem) => problem.field)).toEqual(['token.id', 'token.secret']);
    expect(problems[0]?.message).toBe(
      `${path}: token.id: expected a value, from the file or FELHOM_AGENT_TOKEN_ID, got nothing`,
    );
  });

  it('rejects a bad environment value, naming the variable', () => {
    const path = writeConfig(complete);
    const error = catchConfigError(() =>
      loadConfig({ configPath: path, env: { FELHOM_AGENT_TIMEOUT_MS: '-1' } }),
    );
    expect(error.message).toBe(
      'environment FELHOM_AGENT_TIMEOUT_MS: expected a positive integer (milliseconds), got "-1"',
    );
  });

  it('rejects a non-https base URL', () => {
    const path = writeConfig({ ...complete, baseUrl: 'http://pve:8006' });
    const error = catchConfigError(() => loadConfig({ configPath: path, env: {} }));
    expect(error.field).toBe('baseUrl');
  });

  it('reads the secret from a secret file and trims the newline', () => {
    const secretPath = join(dir, 'token');
    writeFileSync(secretPath, `${SECRET}\n`, { mode: 0o600 });
    const path = writeConfig({ ...complete, token: { id: 'felhom@pve!agent', secretFile: secretPath } });
    const { config, warnings } = loadConfig({ configPath: path, env: {} });
    expect(config.tokenSecret.reveal()).toBe(SECRET);
    expect(warnings).toEqual([]);
  });

  it('prefers FELHOM_AGENT_TOKEN_SECRET_FILE over the file secret', () => {
    const secretPath = join(dir, 'token');
    writeFileSync(secretPath, 'from-env-file', { mode: 0o600 });
    const path = writeConfig(complete);
    const { config, sources } = loadConfig({
      configPath: path,
      env: { FELHOM_AGENT_TOKEN_SECRET_FILE: secretPath },
    });
    expect(config.tokenSecret.reveal()).toBe('from-env-file');
    expect(describeSource(sources['token.secret'])).toBe('env FELHOM_AGENT_TOKEN_SECRET_FILE');
  });

  it('reports an unreadable secret file without showing any secret', () => {
    const path = writeConfig({
      ...complete,
      token: { id: 'felhom@pve!agent', secretFile: join(dir, 'missing') },
    });
    const error = catchConfigError(() => loadConfig({ configPath: path, env: {} }));
    expect(error.message).toContain('token.secretFile');
    expect(error.message).toContain('ENOENT');
  });

  it('warns when a world-readable file holds the secret', () => {
    const path = writeConfig(complete, 0o644);
    const { warnings } = loadConfig({ configPath: path, env: {} });
    expect(warnings).toEqual([
      `${path} holds the token secret and is world-readable (mode 644); run: chmod 600 ${path}`,
    ]);
  });

  it('never shows the secret when the config is printed', () => {
    const path = writeConfig(complete);
    const { config } = loadConfig({ configPath: path, env: {} });
    for (const rendered of [inspect(config, { depth: 5 }), JSON.stringify(config), `${config.tokenSecret}`]) {
      expect(rendered).not.toContain(SECRET);
      expect(rendered).toContain('********');
    }
  });

  it('refuses a pin and a CA file together', () => {
    const path = writeConfig({ ...complete, tls: { fingerprint: FINGERPRINT, caFile: '/x.pem' } });
    const error = catchConfigError(() => loadConfig({ configPath: path, env: {} }));
    expect(error.field).toBe('tls');
  });

  it('reports every problem at once: file fields, environment values and missing ones', () => {
    const path = writeConfig({ timeouts: { requestMs: 'soon', taskMs: 0 }, tls: { fingerprint: 'AB:CD' } });
    const problems = catchProblems(() =>
      loadConfig({ configPath: path, env: { FELHOM_AGENT_PRIVILEGED_MODE: 'root' } }),
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      `${path}: timeouts.requestMs: expected number, got "soon"`,
      `${path}: timeouts.taskMs: expected >=1, got 0`,
      'environment FELHOM_AGENT_PRIVILEGED_MODE: expected one of sudo, direct, got "root"',
      `${path}: baseUrl: expected a value, from the file or FELHOM_AGENT_BASE_URL, got nothing`,
      `${path}: token.id: expected a value, from the file or FELHOM_AGENT_TOKEN_ID, got nothing`,
      `${path}: token.secret: expected a value, from the file or FELHOM_AGENT_TOKEN_SECRET or FELHOM_AGENT_TOKEN_SECRET_FILE, got nothing`,
      `${path}: tls.fingerprint: expected a SHA-256 fingerprint: 32 bytes as hex, 'AB:CD:…' or 64 hex digits, got "AB:CD"`,
    ]);
  });

  it("runs the client's own checks: a short pin, a token id without realm and name, both at once", () => {
    const path = writeConfig({
      ...complete,
      token: { id: 'felhom', secret: SECRET },
      tls: { fingerprint: 'AB:CD' },
    });
    const problems = catchProblems(() => loadConfig({ configPath: path, env: {} }));
    expect(problems.map((problem) => problem.field)).toEqual(['token.id', 'tls.fingerprint']);
    expect(problems[0]?.message).toBe(
      `${path}: token.id: expected 'USER@REALM!TOKENID', e.g. 'felhom@pve!agent' (it is not of the form USER@REALM!TOKENID (no ':' or '/' in USER)), got an id not repeated here`,
    );
  });

  it('says to drop the prefix openssl prints before a fingerprint', () => {
    const path = writeConfig({ ...complete, tls: { fingerprint: `sha256 Fingerprint=${FINGERPRINT}` } });
    const error = catchConfigError(() => loadConfig({ configPath: path, env: {} }));
    expect(error.field).toBe('tls.fingerprint');
    expect(error.message).toContain('without the "sha256 Fingerprint=" openssl prints before it');
  });

  it('names the environment variable a refused client value came from, never echoing a secret', () => {
    const path = writeConfig(complete);
    const error = catchConfigError(() =>
      loadConfig({ configPath: path, env: { FELHOM_AGENT_TOKEN_SECRET: 'has space' } }),
    );
    expect(error.message).toBe(
      'environment FELHOM_AGENT_TOKEN_SECRET: token.secret: expected a non-empty string of printable characters, got an invalid value',
    );
  });

  it('lets --timeout win over the environment and the file, and names it as the source', () => {
    const path = writeConfig({ ...complete, timeouts: { requestMs: 9000 } });
    const { config, sources } = loadConfig({
      configPath: path,
      env: { FELHOM_AGENT_TIMEOUT_MS: '8000' },
      requestTimeoutMs: 1234,
    });
    expect(config.requestTimeoutMs).toBe(1234);
    expect(describeSource(sources['timeouts.requestMs'])).toBe('option --timeout');
  });

  it('warns about FELHOM_AGENT_* variables it does not read, suggesting the closest name', () => {
    const path = writeConfig(complete);
    const { warnings } = loadConfig({
      configPath: path,
      env: { FELHOM_AGENT_TOKN_ID: 'x', FELHOM_AGENT_COLOUR: 'red', FELHOM_AGENT_NODE: 'pve1' },
    });
    expect(warnings).toEqual([
      'FELHOM_AGENT_COLOUR is not a felhom-agent variable and is ignored (the list: docs/configuration.md)',
      'FELHOM_AGENT_TOKN_ID is not a felhom-agent variable and is ignored; did you mean FELHOM_AGENT_TOKEN_ID? (the list: docs/configuration.md)',
    ]);
  });

  it('defaults to /etc/felhom/agent.json', () => {
    expect(DEFAULT_CONFIG_PATH).toBe('/etc/felhom/agent.json');
  });
});
