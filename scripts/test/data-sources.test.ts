import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataSources, filesUnder, namedPaths, readSources } from '../structure/data-sources.js';
import { repositoryRoot } from '../structure/repository.js';

/**
 * data/ holds recorded facts (Proxmox's API schema, real host responses, real smartctl and
 * sensors output); SOURCES.md says where each file came from. This keeps the two in step.
 */
const dataDirectory = join(repositoryRoot, 'data');

describe('data/SOURCES.md', () => {
  const files = filesUnder(dataDirectory);
  const markdown = readSources(dataDirectory);

  it('names every file under data/, and every data/ path it names exists', () => {
    expect(checkDataSources(files, markdown)).toEqual({ unnamed: [], missing: [] });
  });

  it('sees the whole of data/: the three schema trees, 55 captures and their index, the hardware outputs', () => {
    expect(files.filter((file) => file.startsWith('pve-api/'))).toHaveLength(3);
    const captures = files.filter((file) => /^pve-captures\/fixtures\/[^/]+\/[^/]+\.json$/.test(file));
    expect(captures).toHaveLength(55);
    expect(files).toContain('pve-captures/index.json');
    expect(files.filter((file) => file.startsWith('hardware/')).length).toBeGreaterThanOrEqual(30);
  });
});

describe('the SOURCES.md rule', () => {
  const markdown = [
    '| `pve-api/a.json` | `owner/repo:path/a.json@0123abc` |',
    'Sent as `GET /nodes/{node}/status`, see `hardware/gone.txt` and `net[n]`.',
  ].join('\n');

  it('reads data/-relative paths and ignores origins, requests and keys', () => {
    expect([...namedPaths(markdown)].sort()).toEqual(['hardware/gone.txt', 'pve-api/a.json']);
  });

  it('reports a file with no origin and a name with no file', () => {
    expect(checkDataSources(['SOURCES.md', 'pve-api/a.json', 'pve-api/new.json'], markdown)).toEqual({
      unnamed: ['pve-api/new.json'],
      missing: ['hardware/gone.txt'],
    });
  });
});
