import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadApiSchema } from '../support/api-schema.js';
import { checkValue } from '../support/schema-values.js';
import { sampleCall } from './samples.js';

// The generated types against the whole PVE 9.1 endpoint list: one typed call per endpoint,
// with the values the schema walk sends, must type-check under the repository's compiler
// options; and a wrong call must not (so the check can fail).

const here = dirname(fileURLToPath(import.meta.url));
const repository = join(here, '..', '..', '..', '..');
const apiEntry = join(repository, 'packages', 'proxmox', 'src', 'api', 'index.ts');
const virtualFile = join(here, 'generated-calls.virtual.ts');
const accepts = (property: Parameters<typeof checkValue>[0], value: string) =>
  checkValue(property, value) === undefined;

function callsSource(): string {
  const lines = [`import type { Api } from ${JSON.stringify(apiEntry.replace(/\.ts$/, '.js'))};`];
  lines.push('export async function everyEndpoint(api: Api): Promise<void> {');
  for (const endpoint of loadApiSchema('9.1').endpoints.values()) {
    const { path, params } = sampleCall(endpoint, accepts);
    const where = endpoint.method === 'GET' || endpoint.method === 'DELETE' ? 'query' : 'body';
    const options = JSON.stringify({ path, [where]: params });
    lines.push(`  await api.${endpoint.method.toLowerCase()}(${JSON.stringify(endpoint.path)}, ${options});`);
  }
  lines.push('}');
  return lines.join('\n');
}

function diagnose(source: string): string[] {
  const configFile = ts.readConfigFile(join(repository, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, repository);
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError) =>
    fileName === virtualFile
      ? ts.createSourceFile(fileName, source, language, true)
      : getSourceFile(fileName, language, onError);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => fileName === virtualFile || fileExists(fileName);
  const program = ts.createProgram([virtualFile], { ...options, noEmit: true }, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(virtualFile))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

// Types do not depend on the Node that runs the suite: like the type tests, this runs where they
// run (scripts/ci/registry-node.ts turns both off for the runs on other Node versions).
describe.skipIf(process.env.FELHOM_TYPE_TESTS === 'off')('the generated endpoint types', () => {
  it('type-check a call of every PVE 9.1 endpoint, and refuse a wrong one', () => {
    const source = callsSource();
    expect(source.split('\n').filter((line) => line.startsWith('  await'))).toHaveLength(646);
    expect(diagnose(source)).toEqual([]);
    const wrong = source.replace(
      'await api.get("/nodes/{node}/qemu/{vmid}/config", {"path":{"node":"pve1","vmid":100}',
      'await api.get("/nodes/{node}/qemu/{vmid}/config", {"path":{"node":"pve1","vmid":"100"}',
    );
    expect(wrong).not.toBe(source);
    expect(diagnose(wrong).join('\n')).toMatch(/Type 'string' is not assignable to type 'number'/);
  }, 180_000);
});
